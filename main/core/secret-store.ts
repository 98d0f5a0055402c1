/**
 * Where the user's API token is kept. The desktop app encrypts it with safeStorage (main/desktop); the CLI and
 * the browser mode keep it in the owner-only conf file, which is as good as it gets without a keychain.
 */
import type { KeyValueStore } from './storage';

export type TokenProtection = 'encrypted' | 'file-mode' | 'unprotected';

export interface SecretStore {
  getToken(): Promise<string | undefined>;
  setToken(token: string | undefined): Promise<void>;
  protection(): TokenProtection;
}

export const TOKEN_KEY = 'auth.token';

export function createFileSecretStore(store: KeyValueStore): SecretStore {
  return {
    getToken: async () => {
      const token = store.get<unknown>(TOKEN_KEY);
      return typeof token === 'string' && token !== '' ? token : undefined;
    },
    setToken: async (token) => {
      if (token === undefined || token === '') store.delete(TOKEN_KEY);
      else store.set(TOKEN_KEY, token);
    },
    protection: () => 'file-mode',
  };
}
