/** The desktop's KeyValueStore: electron-store in the app's userData folder (owner-only file). */
import Store from 'electron-store';
import type { KeyValueStore } from '../core/storage';

export function createElectronStore(): KeyValueStore {
  const store = new Store<Record<string, unknown>>({
    name: 'config',
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: true,
    configFileMode: 0o600,
  });
  return {
    get: <T>(key: string) => store.get(key) as T | undefined,
    set: (key, value) => {
      if (value === undefined) store.delete(key);
      else store.set(key, value);
    },
    delete: (key) => store.delete(key),
  };
}
