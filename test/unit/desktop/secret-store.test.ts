import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../main/core/storage';
import { createSafeStorageSecretStore, ENCRYPTED_TOKEN_KEY, PLAIN_TOKEN_KEY, protectionOf } from '../../../main/desktop/secret-store';
import { safeStorage } from './mocks/electron';

const TOKEN = 'nmv_usr_4f2a9c7d1e';

function fakeSafe(overrides: Partial<typeof safeStorage> = {}) {
  return { ...safeStorage, available: true, backend: 'gnome_libsecret' as typeof safeStorage.backend, ...overrides };
}

describe('desktop secret store', () => {
  it('keeps only ciphertext on disk and reads the token back', async () => {
    const store = createMemoryStore();
    const secrets = createSafeStorageSecretStore(store, fakeSafe(), 'linux');
    await secrets.setToken(TOKEN);
    const sealed = store.get<string>(ENCRYPTED_TOKEN_KEY)!;
    expect(sealed).toBeTruthy();
    expect(sealed).not.toContain(TOKEN);
    expect(Buffer.from(sealed, 'base64').toString()).not.toContain(TOKEN);
    expect(store.get(PLAIN_TOKEN_KEY)).toBeUndefined();
    expect(await secrets.getToken()).toBe(TOKEN);
    expect(secrets.protection()).toBe('encrypted');
    await secrets.setToken('');
    expect(await secrets.getToken()).toBeUndefined();
    expect(store.get(ENCRYPTED_TOKEN_KEY)).toBeUndefined();
  });

  it("reports Linux's basic_text backend as unprotected", () => {
    expect(protectionOf(fakeSafe({ backend: 'basic_text' }), 'linux')).toBe('unprotected');
    expect(protectionOf(fakeSafe({ backend: 'kwallet5' }), 'linux')).toBe('encrypted');
    expect(protectionOf(fakeSafe({ backend: 'unknown' }), 'darwin')).toBe('encrypted');
    expect(protectionOf(fakeSafe({ available: false }), 'win32')).toBe('unprotected');
  });

  it('without OS encryption stores the token plainly and says so', async () => {
    const store = createMemoryStore();
    const secrets = createSafeStorageSecretStore(store, fakeSafe({ available: false }), 'linux');
    await secrets.setToken(TOKEN);
    expect(store.get(PLAIN_TOKEN_KEY)).toBe(TOKEN);
    expect(await secrets.getToken()).toBe(TOKEN);
    expect(secrets.protection()).toBe('unprotected');
  });

  it('loses an undecryptable token instead of crashing', async () => {
    const store = createMemoryStore({ [ENCRYPTED_TOKEN_KEY]: Buffer.from('garbage').toString('base64') });
    const secrets = createSafeStorageSecretStore(store, fakeSafe(), 'linux');
    expect(await secrets.getToken()).toBeUndefined();
  });

  it('uses the async safeStorage API when Electron has it', async () => {
    const calls: string[] = [];
    const safe = {
      ...fakeSafe(),
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (plain: string) => (calls.push('enc'), Buffer.from(`A:${plain.split('').reverse().join('')}`)),
      decryptStringAsync: async (buf: Buffer) => (calls.push('dec'), { result: buf.toString().slice(2).split('').reverse().join('') }),
    };
    const store = createMemoryStore();
    const secrets = createSafeStorageSecretStore(store, safe, 'darwin');
    await secrets.setToken(TOKEN);
    expect(await secrets.getToken()).toBe(TOKEN);
    expect(calls).toEqual(['enc', 'dec']);
  });
});
