import { afterEach, describe, expect, it } from 'vitest';
import { API_PATHS } from '../../../shared/protocol';
import { Auth, CLIENT_ID_KEY } from '../../../main/core/auth';
import { attributionHeaders } from '../../../main/core/http-client';
import { createFileSecretStore } from '../../../main/core/secret-store';
import { createMemoryStore, type KeyValueStore } from '../../../main/core/storage';
import { envelopeError, ROUTES, startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

let server: ScriptedServer;
afterEach(async () => server?.close());

function auth(store: KeyValueStore, envToken?: string): Auth {
  return new Auth({ store, secrets: createFileSecretStore(store), baseUrl: server.url, headers: () => attributionHeaders('1.0.0', 'terminal'), envToken });
}
const tokenRequests = () => server.requests.filter((r) => r.path === API_PATHS.anonymousToken);

describe('Auth', () => {
  it('takes NEMO_TOKEN first, without asking the server', async () => {
    server = await startScriptedServer();
    const store = createMemoryStore();
    await createFileSecretStore(store).setToken('nmv_usr_stored');
    const a = auth(store, '  nmv_usr_env  ');
    expect(await a.token()).toBe('nmv_usr_env');
    expect(a.isAnonymous()).toBe(false);
    expect(tokenRequests()).toHaveLength(0);
  });

  it('then the stored token', async () => {
    server = await startScriptedServer();
    const store = createMemoryStore();
    await createFileSecretStore(store).setToken('nmv_usr_stored');
    const a = auth(store, '');
    expect(await a.token()).toBe('nmv_usr_stored');
    expect(a.isAnonymous()).toBe(false);
    expect(tokenRequests()).toHaveLength(0);
  });

  it('else an anonymous token for a persisted UUID client id, stored and reused after a restart', async () => {
    server = await startScriptedServer();
    const store = createMemoryStore();
    const first = auth(store);
    const token = await first.token();
    expect(token).toMatch(/^nmv_usr_/);
    expect(first.clientId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(tokenRequests()[0]?.headers['x-client-id']).toBe(first.clientId());
    expect(tokenRequests()[0]?.headers['x-skill-source']).toBe('video-builder');
    expect(first.userId()).toMatch(/^anon_/);
    expect(first.isAnonymous()).toBe(true);

    const restarted = auth(store);
    expect(await restarted.token()).toBe(token);
    expect(restarted.clientId()).toBe(first.clientId());
    expect(restarted.isAnonymous()).toBe(true);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('a token the user sets later is not taken for the anonymous one', async () => {
    server = await startScriptedServer();
    const store = createMemoryStore();
    await auth(store).token();
    await createFileSecretStore(store).setToken('nmv_usr_registered');
    const later = auth(store);
    expect(await later.token()).toBe('nmv_usr_registered');
    expect(later.isAnonymous()).toBe(false);
  });

  it('a rejected token the user set is not swapped for an anonymous one: the user is asked', async () => {
    server = await startScriptedServer();
    const store = createMemoryStore();
    await createFileSecretStore(store).setToken('nmv_usr_registered');
    const a = auth(store);
    expect(await a.token()).toBe('nmv_usr_registered');
    await expect(a.refresh('nmv_usr_registered')).rejects.toMatchObject({ user: { code: 'auth.expired', action: { kind: 'settings' } } });
    expect(tokenRequests()).toHaveLength(0);
    expect(await createFileSecretStore(store).getToken()).toBe('nmv_usr_registered');
  });

  it('refresh keeps the client id, and concurrent refreshes make one request', async () => {
    server = await startScriptedServer();
    const a = auth(createMemoryStore());
    const old = await a.token();
    server.expireTokens();
    const fresh = await Promise.all([a.refresh(old), a.refresh(old), a.refresh()]);
    expect(new Set(fresh).size).toBe(1);
    expect(fresh[0]).not.toBe(old);
    expect(tokenRequests()).toHaveLength(2);
    expect(tokenRequests()[1]?.headers['x-client-id']).toBe(tokenRequests()[0]?.headers['x-client-id']);
    // A request that failed with the old token after the refresh gets the new one without another request.
    expect(await a.refresh(old)).toBe(fresh[0]);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('refresh with an env token throws auth.expired', async () => {
    server = await startScriptedServer();
    await expect(auth(createMemoryStore(), 'nmv_usr_env').refresh()).rejects.toMatchObject({ user: { code: 'auth.expired' } });
  });

  it('400 (client id refused) → a new client id, asked once more', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.anonymousToken]: [envelopeError(400)] } });
    const store = createMemoryStore({ [CLIENT_ID_KEY]: 'refused-id' });
    const a = auth(store);
    expect(await a.token()).toMatch(/^nmv_usr_/);
    expect(tokenRequests().map((r) => r.headers['x-client-id'])).toEqual(['refused-id', a.clientId()]);
    expect(a.clientId()).not.toBe('refused-id');
  });

  it('429 on the anonymous token is rate-limited; a malformed reply is server.malformed', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.anonymousToken]: [envelopeError(429), { json: { code: 0, data: { nope: 1 } } }] } });
    await expect(auth(createMemoryStore()).token()).rejects.toMatchObject({ apiCode: 429, user: { code: 'rate-limited' } });
    await expect(auth(createMemoryStore()).token()).rejects.toMatchObject({ user: { code: 'server.malformed' } });
  });
});
