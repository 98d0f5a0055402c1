/**
 * The desktop's token store: the token is encrypted with Electron's safeStorage (Keychain, DPAPI, libsecret or
 * kwallet) and the ciphertext kept in electron-store. On Linux's `basic_text` backend safeStorage only
 * obfuscates with a fixed key, so the token is reported as unprotected and Settings tells the user.
 * Electron 41 has only the synchronous safeStorage API; the async one (newer Electron) is used when present.
 */
import type { SafeStorage } from 'electron';
import type { SecretStore, TokenProtection } from '../core/secret-store';
import type { KeyValueStore } from '../core/storage';

export const ENCRYPTED_TOKEN_KEY = 'auth.tokenEncrypted';
export const PLAIN_TOKEN_KEY = 'auth.token';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'> & {
  encryptStringAsync?: (plain: string) => Promise<Buffer>;
  decryptStringAsync?: (encrypted: Buffer) => Promise<string | { result: string }>;
  isAsyncEncryptionAvailable?: () => Promise<boolean>;
};

export function protectionOf(safe: SafeStorageLike, platform: NodeJS.Platform): TokenProtection {
  if (!safe.isEncryptionAvailable()) return 'unprotected';
  if (platform === 'linux' && safe.getSelectedStorageBackend() === 'basic_text') return 'unprotected';
  return 'encrypted';
}

async function encrypt(safe: SafeStorageLike, plain: string): Promise<Buffer> {
  if (safe.encryptStringAsync && (await safe.isAsyncEncryptionAvailable?.())) return safe.encryptStringAsync(plain);
  return safe.encryptString(plain);
}

async function decrypt(safe: SafeStorageLike, encrypted: Buffer): Promise<string> {
  if (safe.decryptStringAsync && (await safe.isAsyncEncryptionAvailable?.())) {
    const out = await safe.decryptStringAsync(encrypted);
    return typeof out === 'string' ? out : out.result;
  }
  return safe.decryptString(encrypted);
}

export function createSafeStorageSecretStore(
  store: KeyValueStore,
  safe: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  return {
    async getToken() {
      const sealed = store.get<unknown>(ENCRYPTED_TOKEN_KEY);
      if (typeof sealed === 'string' && sealed !== '' && safe.isEncryptionAvailable()) {
        try {
          return await decrypt(safe, Buffer.from(sealed, 'base64'));
        } catch {
          // The OS key changed (new user profile, keyring reset): the token is lost, ask for it again.
          return undefined;
        }
      }
      const plain = store.get<unknown>(PLAIN_TOKEN_KEY);
      return typeof plain === 'string' && plain !== '' ? plain : undefined;
    },
    async setToken(token) {
      store.delete(ENCRYPTED_TOKEN_KEY);
      store.delete(PLAIN_TOKEN_KEY);
      if (token === undefined || token === '') return;
      if (safe.isEncryptionAvailable()) {
        store.set(ENCRYPTED_TOKEN_KEY, (await encrypt(safe, token)).toString('base64'));
      } else {
        // No OS encryption at all: kept like the CLI does, and reported as unprotected.
        store.set(PLAIN_TOKEN_KEY, token);
      }
    },
    protection: () => protectionOf(safe, platform),
  };
}
