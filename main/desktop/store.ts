/** The desktop's KeyValueStore: electron-store in the app's userData folder (owner-only file). */
import Store from 'electron-store';
import { keyValueStoreOver, type KeyValueStore } from '../core/storage';

export function createElectronStore(): KeyValueStore {
  const store = new Store<Record<string, unknown>>({
    name: 'config',
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: true,
    configFileMode: 0o600,
  });
  return keyValueStoreOver(store);
}
