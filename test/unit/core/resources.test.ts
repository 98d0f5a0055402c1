import { afterEach, describe, expect, it } from 'vitest';
import { getCredits, getState } from '../../../main/core/resources';
import { Sessions } from '../../../main/core/sessions';
import { makeClient } from '../../support/core-harness';
import { ROUTES, startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

let server: ScriptedServer;
afterEach(async () => server?.close());

describe('credits and state', () => {
  it('reads the credit balance, tolerating unknown fields and a missing frozen', async () => {
    server = await startScriptedServer({ credits: { available: 25000, frozen: 40 } });
    const { client } = makeClient(server.url);
    expect(await getCredits(client)).toMatchObject({ available: 25000, frozen: 40, total: 25040 });
    server.route(ROUTES.credits, { json: { code: 0, data: { available: 5, plan: 'local', unlimited: true, extra: 'x' } } });
    expect(await getCredits(client)).toMatchObject({ available: 5, frozen: 0, plan: 'local', unlimited: true, extra: 'x' });
  });

  it('reads the session state with its draft, and defaults a state without video_infos', async () => {
    server = await startScriptedServer();
    const { client, store } = makeClient(server.url);
    const { session_id } = await new Sessions(client, store).get('p');
    const state = await getState(client, session_id);
    expect(state.session_id).toBe(session_id);
    expect(state.state.video_infos).toEqual([]);
    server.route(ROUTES.state, { json: { code: 0, data: { session_id: 123, state: { draft: { t: [] } } } } });
    const loose = await getState(client, session_id);
    expect(loose.session_id).toBe('123');
    expect(loose.state).toEqual({ video_infos: [], draft: { t: [] } });
  });

  it('an unknown session is AppError 1002', async () => {
    server = await startScriptedServer();
    const { client } = makeClient(server.url);
    await expect(getState(client, '42')).rejects.toMatchObject({ apiCode: 1002, user: { code: 'session.missing' } });
  });
});
