import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { toUserError } from '../../../shared/errors';
import { API_PATHS } from '../../../shared/protocol';
import { detectPlatform } from '../../../main/core/platform';
import { getCredits, getState } from '../../../main/core/resources';
import { Sessions } from '../../../main/core/sessions';
import { uploadFiles, uploadUrls } from '../../../main/core/uploads';
import { makeClient, TEST_PLATFORM, TEST_VERSION } from '../../support/core-harness';
import { envelopeError, ROUTES, startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

let server: ScriptedServer;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vb-headers-'));
});
afterEach(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function drain(stream: AsyncIterable<Uint8Array>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += Buffer.from(chunk).toString();
  return text;
}

describe('headers on every request', () => {
  it('every call of a whole session carries attribution; all but anonymous-token carry the bearer token', async () => {
    server = await startScriptedServer();
    const { client, auth, store } = makeClient(server.url);
    const sessions = new Sessions(client, store, { language: 'en' });
    const { session_id: sid } = await sessions.get('p1');
    const clip = path.join(dir, 'clip.mp4');
    await writeFile(clip, Buffer.alloc(1000, 1));
    await uploadFiles(client, sid, [clip]);
    await uploadUrls(client, sid, ['https://example.com/a.mp4']);
    await getCredits(client);
    await getState(client, sid);
    const run = await client.openStream(API_PATHS.runSse, { app_name: 'nemo_agent', user_id: 'me', session_id: sid, new_message: { role: 'user', parts: [{ text: 'hi' }] } }, {});
    await drain(run.body);
    await client.json('POST', API_PATHS.renderSubmit, z.unknown(), { body: { id: 'render_1', sessionId: sid, draft: (await getState(client, sid)).state.draft }, retry: false });
    await client.json('GET', API_PATHS.renderPoll('render_1'), z.unknown());
    await client.json('GET', API_PATHS.renderPoll('render_1'), z.unknown());
    await client.download(API_PATHS.renderDownload('render_1'), path.join(dir, 'out.mp4'));
    await client.json('POST', API_PATHS.claimToken, z.unknown(), { body: { task_id: 't', session_id: sid } });

    const token = await auth.token();
    expect(server.requests.length).toBeGreaterThanOrEqual(13);
    for (const req of server.requests) {
      expect(req.headers['x-skill-source'], req.path).toBe('video-builder');
      expect(req.headers['x-skill-version'], req.path).toBe(TEST_VERSION);
      expect(req.headers['x-skill-platform'], req.path).toBe(TEST_PLATFORM);
      if (req.path === API_PATHS.anonymousToken) {
        expect(req.headers.authorization).toBeUndefined();
        expect(req.headers['x-client-id']).toBe(auth.clientId());
      } else {
        expect(req.headers.authorization, req.path).toBe(`Bearer ${token}`);
      }
    }
    const sse = server.requests.find((r) => r.path === API_PATHS.runSse);
    expect(sse?.headers.accept).toBe('text/event-stream');
    expect(sse?.headers['content-type']).toBe('application/json');
  });

  it('headers() gives the same set to callers that make their own requests', async () => {
    server = await startScriptedServer();
    const { client, auth } = makeClient(server.url);
    const headers = await client.headers({ 'X-Extra': '1' });
    expect(headers).toEqual({
      'X-Skill-Source': 'video-builder',
      'X-Skill-Version': TEST_VERSION,
      'X-Skill-Platform': TEST_PLATFORM,
      Authorization: `Bearer ${await auth.token()}`,
      'X-Extra': '1',
    });
  });
});

describe('the token never reaches any output', () => {
  it('is absent from thrown errors, their user form, inspection and console output', async () => {
    const token = 'nmv_usr_SECRETsecretSECRETsecret0123456789';
    server = await startScriptedServer({
      routes: {
        [ROUTES.credits]: { status: 500, json: { code: 500, message: `boom for Bearer ${token}` } },
        [ROUTES.state]: { status: 200, body: `not json ${token}` },
      },
    });
    server.state.tokens.set(token, { userId: 'usr_1', clientId: 'c' });
    const logs: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logs.push(args.map((a) => inspect(a)).join(' '))),
    );
    const { client } = makeClient(server.url, { envToken: token, retries: 0 });
    const failures: unknown[] = [];
    const attempts = [
      () => getCredits(client),
      () => getState(client, '1'),
      () => client.openStream(API_PATHS.runSse, { session_id: 'nope' }, {}),
      () => client.download(`${server.url}/files/missing.mp4`, path.join(dir, 'x.mp4')),
      () => client.json('POST', API_PATHS.renderSubmit, z.object({ id: z.string() }), { body: {}, retry: false }),
    ];
    for (const attempt of attempts) await attempt().catch((err: unknown) => failures.push(err));
    server.expireTokens();
    await getCredits(client).catch((err: unknown) => failures.push(err));
    spies.forEach((spy) => spy.mockRestore());

    expect(failures).toHaveLength(attempts.length + 1);
    const outputs = failures.flatMap((err) => [String(err), JSON.stringify(toUserError(err)), inspect(err, { depth: 8 }), (err as Error).stack ?? '']);
    for (const text of [...outputs, ...logs]) expect(text).not.toContain(token);
    expect(outputs.join('\n')).toContain('[redacted]');
  });
});

describe('openStream', () => {
  const body = { app_name: 'nemo_agent', user_id: 'me', session_id: '', new_message: { role: 'user', parts: [{ text: 'hi' }] } };

  it('gives the event stream as it comes', async () => {
    server = await startScriptedServer();
    const { client, store } = makeClient(server.url);
    const { session_id } = await new Sessions(client, store).get('p');
    const run = await client.openStream(API_PATHS.runSse, { ...body, session_id }, {});
    expect(run.status).toBe(200);
    const text = await drain(run.body);
    expect(text).toContain('"functionCall"');
    expect(text).toContain('data: {"type":"heartbeat"}');
  });

  it('a JSON error before any stream becomes an AppError (1002 → session.missing)', async () => {
    server = await startScriptedServer();
    const { client } = makeClient(server.url);
    await expect(client.openStream(API_PATHS.runSse, { ...body, session_id: 'gone' }, {})).rejects.toMatchObject({ apiCode: 1002, user: { code: 'session.missing' } });
  });

  it('1001 before the stream: new token and exactly one more attempt', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.runSse]: [envelopeError(1001)] } });
    const { client, store } = makeClient(server.url);
    const { session_id } = await new Sessions(client, store).get('p');
    await drain((await client.openStream(API_PATHS.runSse, { ...body, session_id }, {})).body);
    expect(server.requests.filter((r) => r.path === API_PATHS.runSse)).toHaveLength(2);
    expect(server.requests.filter((r) => r.path === API_PATHS.anonymousToken)).toHaveLength(2);
  });

  it('is never re-sent on 5xx, 429 or a dropped connection', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.runSse]: [{ status: 503, body: 'busy' }, envelopeError(429), { drop: true }] } });
    const { client, sleeps } = makeClient(server.url);
    await expect(client.openStream(API_PATHS.runSse, body, {})).rejects.toMatchObject({ apiCode: 503 });
    await expect(client.openStream(API_PATHS.runSse, body, {})).rejects.toMatchObject({ apiCode: 429 });
    await expect(client.openStream(API_PATHS.runSse, body, {})).rejects.toMatchObject({ user: { code: 'stream.dropped' } });
    expect(server.requests.filter((r) => r.path === API_PATHS.runSse)).toHaveLength(3);
    expect(sleeps).toEqual([]);
  });

  it('a 200 that is not an event stream is server.malformed', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.runSse]: { json: { code: 0, data: {} } } } });
    const { client } = makeClient(server.url);
    await expect(client.openStream(API_PATHS.runSse, body, {})).rejects.toMatchObject({ user: { code: 'server.malformed' } });
  });
});

describe('detectPlatform', () => {
  it.each([
    [{ VIDEO_BUILDER_PLATFORM: 'cursor' }, { electron: '41.0.0' }, 'cursor'],
    [{ VIDEO_BUILDER_PLATFORM: 'bogus' }, { electron: '41.0.0' }, 'desktop'],
    [{}, { electron: '41.0.0' }, 'desktop'],
    [{ CLAUDECODE: '1', TERM: 'xterm' }, {}, 'claude_code'],
    [{ CURSOR_TRACE_ID: 'abc', TERM: 'xterm' }, {}, 'cursor'],
    [{ TERM: 'xterm-256color' }, { isTTY: false }, 'terminal'],
    [{}, { isTTY: true }, 'terminal'],
    [{ TERM: 'xterm', CI: 'true' }, { isTTY: false }, 'unknown'],
    [{}, { isTTY: false }, 'unknown'],
  ])('%o %o → %s', (env, runtime, expected) => {
    expect(detectPlatform(env, runtime)).toBe(expected);
  });
});
