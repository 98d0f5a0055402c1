import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adkEventSchema, isKeepAlive, parseRenderPoll, unwrapEnvelope } from '../../../../shared/protocol';
import { gatedPlanner, startFakeEngine, type TestEngine } from './fakes';
import { auth, connect, HEADERS, json, pollUntilDone, runSse, state, upload, type Conn } from './http-helpers';

let engine: TestEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

async function setup(opts: Parameters<typeof startFakeEngine>[0] = {}): Promise<{ engine: TestEngine; conn: Conn }> {
  engine = await startFakeEngine(opts);
  return { engine, conn: await connect(engine.url) };
}

const clip = (tag = 'clip'): Buffer => Buffer.from(`FAKEMEDIA-${tag}`.padEnd(4000, '.'));

describe('auth', () => {
  it('binds to 127.0.0.1 only', async () => {
    engine = await startFakeEngine();
    expect(engine.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('needs X-Client-Id (HTTP 400, code 400) and gives the same client the same token', async () => {
    engine = await startFakeEngine();
    const missing = await fetch(`${engine.url}/api/auth/anonymous-token`, { method: 'POST' });
    expect(missing.status).toBe(400);
    expect((await json(missing)).code).toBe(400);

    const ask = async (clientId: string): Promise<{ token: string; user_id: string; expires_at: string }> =>
      (await json(await fetch(`${engine!.url}/api/auth/anonymous-token`, { method: 'POST', headers: { 'X-Client-Id': clientId } }))).data as never;
    const first = await ask('c-1');
    expect(first.token).toMatch(/^nmv_usr_[A-Za-z0-9_-]{32}$/);
    expect(first.user_id).toMatch(/^anon_[0-9a-f]+$/);
    expect(Date.parse(first.expires_at)).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    expect((await ask('c-1')).token).toBe(first.token);
    expect((await ask('c-2')).token).not.toBe(first.token);
  });

  it('answers 1001 (HTTP 401) without a valid bearer token on every other route', async () => {
    engine = await startFakeEngine();
    const paths: Array<[string, string]> = [
      ['POST', '/api/tasks/me/with-session/nemo_agent'],
      ['GET', '/api/credits/balance/simple'],
      ['GET', '/api/state/nemo_agent/me/1/latest'],
      ['POST', '/api/upload-video/nemo_agent/me/1'],
      ['POST', '/run_sse'],
      ['POST', '/api/auth/claim-token'],
      ['POST', '/api/render/proxy/lambda'],
      ['GET', '/api/render/proxy/lambda/x'],
      ['GET', '/api/render/proxy/x/download'],
      ['GET', '/files/media/med_1'],
    ];
    for (const [method, path] of paths) {
      for (const authorization of [undefined, 'Bearer nmv_usr_not-a-real-token']) {
        const res = await fetch(`${engine.url}${path}`, { method, headers: authorization ? { Authorization: authorization, ...HEADERS } : HEADERS });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect((await json(res)).code, path).toBe(1001);
      }
    }
  });

  it('accepts the real user id in place of `me`, and refuses another user id', async () => {
    const { conn } = await setup();
    const token = await fetch(`${conn.url}/api/auth/anonymous-token`, { method: 'POST', headers: { 'X-Client-Id': 'client-1' } });
    const userId = ((await json(token)).data as { user_id: string }).user_id;
    const mine = await fetch(`${conn.url}/api/state/nemo_agent/${userId}/${conn.sessionId}/latest`, { headers: auth(conn) });
    expect((await json(mine)).code).toBe(0);
    const other = await fetch(`${conn.url}/api/state/nemo_agent/anon_0000/${conn.sessionId}/latest`, { headers: auth(conn) });
    expect((await json(other)).code).toBe(1001);
  });
});

describe('sessions, credits, claim, state', () => {
  it('creates a session with snowflake-like ids and an empty state', async () => {
    const { conn } = await setup();
    expect(conn.sessionId).toMatch(/^\d{15,}$/);
    const st = await state(conn);
    expect(st.video_infos).toEqual([]);
    expect(st.draft.t).toEqual([]);
    expect(st.canvas_config).toEqual({ width: 1920, height: 1080, ratio: '16:9', fps: 30 });
  });

  it('reports a local unlimited plan and issues claim tokens', async () => {
    const { conn } = await setup();
    const credits = await json(await fetch(`${conn.url}/api/credits/balance/simple`, { headers: auth(conn) }));
    expect(credits.data).toEqual({ available: 1_000_000, frozen: 0, total: 1_000_000, plan: 'local', unlimited: true });
    const claim = await fetch(`${conn.url}/api/auth/claim-token`, {
      method: 'POST',
      headers: auth(conn, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ task_id: 'x', session_id: conn.sessionId }),
    });
    expect((await json(claim)).data).toMatchObject({ claim_token: expect.stringMatching(/^clm_/), expires_in: 604800 });
  });

  it('says 1002 (HTTP 404) for a session that does not exist or belongs to someone else', async () => {
    const { conn } = await setup();
    const stranger = await connect(conn.url, 'client-2');
    for (const sid of ['123', stranger.sessionId]) {
      const res = await fetch(`${conn.url}/api/state/nemo_agent/me/${sid}/latest`, { headers: auth(conn) });
      expect(res.status).toBe(404);
      expect((await json(res)).code).toBe(1002);
    }
  });
});

describe('upload', () => {
  it('streams several files, records them in upload order, and serves them back at their cdn_url', async () => {
    const { conn } = await setup();
    const res = await upload(conn, [
      { name: 'beach day.mp4', data: clip('a') },
      { name: '海报 "final".png', data: clip('b') },
    ]);
    const body = await json(res);
    expect(body.code).toBe(0);
    const files = (body.data as { files: Array<Record<string, unknown>> }).files;
    expect(files.map((f) => [f.filename, f.file_type])).toEqual([
      ['beach day.mp4', 'video'],
      ['海报 "final".png', 'image'],
    ]);
    expect(files[0]).toMatchObject({ duration: 2, width: 320, height: 180, fps: 30, hash: expect.stringMatching(/^[0-9a-f]{40}$/) });
    const st = await state(conn);
    expect(st.video_infos.map((f) => f.filename)).toEqual(['beach day.mp4', '海报 "final".png']);
    // cdn_url is signed: a browser with no Authorization header can fetch it.
    const served = await fetch(String(files[0]?.cdn_url));
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(clip('a'));
    const unsigned = await fetch(String(files[0]?.cdn_url).replace(/sig=[^&]+/, 'sig=AAAA'));
    expect(unsigned.status).toBe(401);
  });

  it('refuses a wrong extension with 4001 and keeps nothing of the request', async () => {
    const { conn, engine: e } = await setup();
    const res = await upload(conn, [
      { name: 'ok.mp4', data: clip() },
      { name: 'notes.txt', data: clip() },
    ]);
    expect(await json(res)).toMatchObject({ code: 4001, message: expect.stringContaining('notes.txt') });
    expect((await state(conn)).video_infos).toEqual([]);
    expect(readdirSync(join(e.dataDir, 'media'))).toEqual([]);
  });

  it('refuses unreadable media (probe failure) with a clear 4001 and no half-added file', async () => {
    const { conn, engine: e } = await setup();
    const res = await upload(conn, [
      { name: 'good.mp4', data: clip() },
      { name: 'fake.mp4', data: Buffer.from('BAD text file') },
    ]);
    expect(await json(res)).toMatchObject({ code: 4001, message: expect.stringContaining('fake.mp4') });
    expect((await state(conn)).video_infos).toEqual([]);
    expect(readdirSync(join(e.dataDir, 'media'))).toEqual([]);
  });

  it('refuses a zero-byte file with 4001', async () => {
    const { conn } = await setup();
    const body = await json(await upload(conn, [{ name: 'empty.mp4', data: Buffer.alloc(0) }]));
    expect(body).toMatchObject({ code: 4001, message: expect.stringContaining('empty') });
  });

  it('refuses a file over the cap with 4002, deleting the partial file', async () => {
    const { conn, engine: e } = await setup({ maxUploadBytes: 64 * 1024 });
    const res = await upload(conn, [{ name: 'big.mp4', data: Buffer.alloc(200 * 1024, 1) }]);
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ code: 4002 });
    expect(readdirSync(join(e.dataDir, 'media'))).toEqual([]);
    // The engine still answers on a new connection afterwards.
    expect((await state(conn)).video_infos).toEqual([]);
  });

  it('uploads by URL (streamed with undici) from a loopback server', async () => {
    const { conn } = await setup();
    const source = await upload(conn, [{ name: 'source.mp4', data: clip('url') }]);
    const cdnUrl = String(((await json(source)).data as { files: Array<{ cdn_url: string }> }).files[0]?.cdn_url);
    const res = await fetch(`${conn.url}/api/upload-video/nemo_agent/me/${conn.sessionId}`, {
      method: 'POST',
      headers: auth(conn, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ urls: [cdnUrl], source_type: 'url' }),
    });
    const body = await json(res);
    expect(body.code).toBe(0);
    expect((body.data as { files: Array<{ filename: string; file_type: string }> }).files[0]).toMatchObject({ file_type: 'video' });
    expect((await state(conn)).video_infos).toHaveLength(2);
  });
});

describe('/run_sse', () => {
  it('streams an opening text, one call + response per operation, and the reply with the summary; one version per message', async () => {
    const { conn } = await setup();
    await upload(conn, [{ name: 'a.mp4', data: clip('a') }, { name: 'b.mp4', data: clip('b') }]);
    const run = await runSse(conn, 'add my clips');
    expect(run.contentType).toMatch(/^text\/event-stream/);
    const events = run.payloads.filter((p) => !isKeepAlive(p)).map((p) => adkEventSchema.parse(JSON.parse(p)));
    const kinds = events.map((e) => Object.keys(e.content?.parts?.[0] ?? {})[0]);
    expect(kinds).toEqual(['text', 'functionCall', 'functionResponse', 'functionCall', 'functionResponse', 'text']);
    const invocation = events[0]?.invocationId;
    expect(invocation).toMatch(/^e-[0-9a-f-]{36}$/);
    for (const e of events) {
      expect(e.invocationId).toBe(invocation);
      expect(e.author).toBe('nemo_agent');
      expect(e.id).toMatch(/^[A-Za-z0-9]{8}$/);
    }
    expect(events[1]?.content?.parts?.[0]?.functionCall?.id).toBe(events[2]?.content?.parts?.[0]?.functionResponse?.id);
    expect(events.at(-1)?.content?.parts?.[0]?.text).toMatch(/Timeline \(1 track\): 1\. Video: a\.mp4 \(0-2s\), b\.mp4 \(2-4s\)$/);
    expect((await state(conn)).draft.t).toHaveLength(1);
    await runSse(conn, 'undo');
    expect((await state(conn)).draft.t).toEqual([]);
  });

  it('sends {"type":"heartbeat"} keep-alives while the planner works', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { conn } = await setup({ heartbeatMs: 10, planner: gatedPlanner(gate) });
    setTimeout(release, 80);
    const run = await runSse(conn, 'add');
    const beats = run.payloads.filter((p) => p === '{"type":"heartbeat"}').length;
    expect(beats).toBeGreaterThanOrEqual(2);
    expect(isKeepAlive(run.payloads[0] ?? '')).toBe(false);
    expect(isKeepAlive(run.payloads.at(-1) ?? '')).toBe(false);
  });

  it('answers 1002 as JSON (not SSE) for an unknown session, and 409 for a second concurrent run', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { conn } = await setup({ planner: gatedPlanner(gate) });
    const unknown = await runSse(conn, 'add', '999');
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toMatch(/application\/json/);
    expect(JSON.parse(unknown.payloads[0] ?? '{}')).toMatchObject({ code: 1002 });

    const first = runSse(conn, 'add');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = await runSse(conn, 'add');
    expect(second.status).toBe(409);
    expect(JSON.parse(second.payloads[0] ?? '{}')).toMatchObject({ code: 409 });
    release();
    expect((await first).status).toBe(200);
    // Once the first run ended, the session takes messages again.
    expect((await runSse(conn, 'undo')).status).toBe(200);
  });
});

describe('render', () => {
  async function submit(conn: Conn, body: Record<string, unknown>, headers: Record<string, string> = auth(conn, { 'Content-Type': 'application/json' })): Promise<Response> {
    return fetch(`${conn.url}/api/render/proxy/lambda`, { method: 'POST', headers, body: JSON.stringify(body) });
  }

  it('needs X-Skill-Source (HTTP 402), refuses a duplicate id (409), and fails an empty draft with "Add media first"', async () => {
    const { conn } = await setup();
    const noSource = await submit(conn, { id: 'r1', sessionId: conn.sessionId, draft: {} }, { Authorization: `Bearer ${conn.token}`, 'Content-Type': 'application/json' });
    expect(noSource.status).toBe(402);
    const first = await submit(conn, { id: 'r1', sessionId: conn.sessionId, draft: { t: [] } });
    expect(first.status).toBe(200);
    const failed = await pollUntilDone(conn, 'r1');
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('Add media first') });
    const dup = await submit(conn, { id: 'r1', sessionId: conn.sessionId, draft: { t: [] } });
    expect(dup.status).toBe(409);
    expect(await json(dup)).toEqual({ success: false, error: 'duplicate id' });
  });

  it('renders the draft: submit → poll (v4.4 shape) → download with Range', async () => {
    const { conn, engine: e } = await setup();
    await upload(conn, [{ name: 'a.mp4', data: clip('a') }]);
    await runSse(conn, 'add');
    const draft = (await state(conn)).draft;
    const res = await submit(conn, { id: 'render_1', sessionId: conn.sessionId, draft, output: { format: 'mp4', width: 1080, height: 1920 } });
    const submitted = await json(res);
    expect(submitted).toMatchObject({ success: true, data: { id: 'render_1', status: expect.stringMatching(/pending|processing/) } });
    const done = await pollUntilDone(conn, 'render_1');
    expect(Object.keys(done).sort()).toEqual(['completedAt', 'createdAt', 'error', 'id', 'outputUrl', 'progress', 'queuePosition', 'status']);
    expect(parseRenderPoll({ success: true, data: done })).toMatchObject({ status: 'completed', progress: 100 });
    expect(e.queue.submitted[0]?.req.size).toEqual({ width: 1080, height: 1920 });
    expect(e.queue.submitted[0]?.req.media.get('med_1')?.name).toBe('a.mp4');

    const file = await fetch(String(done.outputUrl));
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(1000);
    const ranged = await fetch(`${conn.url}/api/render/proxy/render_1/download`, { headers: auth(conn, { Range: 'bytes=10-19' }) });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect((await ranged.arrayBuffer()).byteLength).toBe(10);
    const tail = await fetch(`${conn.url}/api/render/proxy/render_1/download`, { headers: auth(conn, { Range: 'bytes=-100' }) });
    expect(tail.headers.get('content-range')).toBe('bytes 900-999/1000');
    await tail.arrayBuffer();
    const beyond = await fetch(`${conn.url}/api/render/proxy/render_1/download`, { headers: auth(conn, { Range: 'bytes=5000-' }) });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */1000');
  });

  it('cancels a job: the poll says failed / cancelled', async () => {
    const { conn } = await setup({ stepMs: 500 });
    await upload(conn, [{ name: 'a.mp4', data: clip('a') }]);
    await runSse(conn, 'add');
    await submit(conn, { id: 'r2', sessionId: conn.sessionId, draft: (await state(conn)).draft });
    const cancelled = await json(await fetch(`${conn.url}/api/render/proxy/lambda/r2/cancel`, { method: 'POST', headers: auth(conn) }));
    expect(cancelled).toMatchObject({ success: true, data: { status: 'failed', error: 'cancelled' } });
    expect(unwrapEnvelope(cancelled, 200)).toMatchObject({ ok: true });
  });

  it('re-queues unfinished jobs after a restart, and keeps tokens, sessions and media', async () => {
    const { conn, engine: e } = await setup({ stepMs: 10_000 });
    await upload(conn, [{ name: 'a.mp4', data: clip('a') }]);
    await runSse(conn, 'add');
    await submit(conn, { id: 'r3', sessionId: conn.sessionId, draft: (await state(conn)).draft });
    await e.close();
    const stored = JSON.parse(readFileSync(join(e.dataDir, 'engine.json'), 'utf8')) as { renders: Record<string, { status: string }> };
    expect(stored.renders.r3?.status).toMatch(/pending|processing/);

    engine = await startFakeEngine({ dataDir: e.dataDir });
    const again: Conn = { ...conn, url: engine.url };
    expect(engine.queue.submitted.map((s) => s.id)).toEqual(['r3']);
    expect((await state(again)).video_infos).toHaveLength(1);
    expect(await pollUntilDone(again, 'r3')).toMatchObject({ status: 'completed' });
    expect(existsSync(join(e.dataDir, 'renders', 'r3.mp4'))).toBe(true);
  });
});
