import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { API_PATHS } from '../../../shared/protocol';
import { getState } from '../../../main/core/resources';
import { Sessions } from '../../../main/core/sessions';
import { createMemoryStore } from '../../../main/core/storage';
import { makeClient } from '../../support/core-harness';
import { ROUTES, startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

let server: ScriptedServer;
afterEach(async () => server?.close());
const creations = () => server.requests.filter((r) => r.path === API_PATHS.createSession);

describe('Sessions', () => {
  it('creates one session per project with the language, and resumes it after a restart', async () => {
    server = await startScriptedServer();
    const store = createMemoryStore();
    const { client } = makeClient(server.url, { store });
    const sessions = new Sessions(client, store, { language: 'zh-CN' });
    const [a, b] = await Promise.all([sessions.get('p1'), sessions.get('p1')]);
    expect(a).toEqual(b);
    expect(a.session_id).toMatch(/^\d+$/);
    expect(JSON.parse(creations()[0]?.body ?? '')).toEqual({ task_name: 'project', language: 'zh-CN' });

    const other = await sessions.get('p2');
    expect(other.session_id).not.toBe(a.session_id);

    const restarted = new Sessions(makeClient(server.url, { store }).client, store);
    expect(await restarted.get('p1')).toEqual(a);
    expect(creations()).toHaveLength(2);
  });

  it('keeps sessions of different backends apart', async () => {
    server = await startScriptedServer();
    const second = await startScriptedServer();
    try {
      const store = createMemoryStore();
      const one = await new Sessions(makeClient(server.url, { store }).client, store).get('p');
      const two = await new Sessions(makeClient(second.url, { store: createMemoryStore() }).client, store).get('p');
      expect(second.state.sessions.has(two.session_id)).toBe(true);
      expect(server.state.sessions.has(one.session_id)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('withSession: on 1002 makes a new session and runs the work once more', async () => {
    server = await startScriptedServer();
    const store = createMemoryStore();
    const { client } = makeClient(server.url, { store });
    const sessions = new Sessions(client, store);
    const old = await sessions.get('p');
    server.forgetSessions();
    const seen: string[] = [];
    const state = await sessions.withSession('p', (s) => {
      seen.push(s.session_id);
      return getState(client, s.session_id);
    });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(old.session_id);
    expect(state.session_id).toBe(seen[1]);
    expect((await sessions.get('p')).session_id).toBe(seen[1]);
  });

  it('withSession: other errors pass through and the session is kept', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.state]: { status: 500, json: { code: 5000, message: 'x' } } } });
    const store = createMemoryStore();
    const { client } = makeClient(server.url, { store, retries: 0 });
    const sessions = new Sessions(client, store);
    const s = await sessions.get('p');
    await expect(sessions.withSession('p', (x) => getState(client, x.session_id))).rejects.toBeInstanceOf(AppError);
    expect((await sessions.get('p')).session_id).toBe(s.session_id);
    expect(creations()).toHaveLength(1);
  });

  it('two concurrent 1002s make only one new session', async () => {
    server = await startScriptedServer();
    const store = createMemoryStore();
    const { client } = makeClient(server.url, { store });
    const sessions = new Sessions(client, store);
    await sessions.get('p');
    server.forgetSessions();
    const results = await Promise.all([1, 2].map(() => sessions.withSession('p', (s) => getState(client, s.session_id))));
    expect(results[0]?.session_id).toBe(results[1]?.session_id);
    expect(creations()).toHaveLength(2);
  });

  it('forget drops the stored session; a corrupt stored entry is replaced', async () => {
    server = await startScriptedServer();
    const store = createMemoryStore();
    const { client } = makeClient(server.url, { store });
    const sessions = new Sessions(client, store);
    const first = await sessions.get('p');
    sessions.forget('p');
    const second = await sessions.get('p');
    expect(second.session_id).not.toBe(first.session_id);
    store.set('sessions', { [`${new URL(server.url).origin} p`]: { nonsense: true } });
    expect((await sessions.get('p')).session_id).not.toBe(second.session_id);
  });
});
