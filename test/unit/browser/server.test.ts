import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { ExportJob } from '../../../shared/bridge';
import { makeJob } from '../bridge/fake-app';
import { rawRequest, SECRET, startHarness, tryUpgrade, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() > end) reject(new Error('timed out'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

describe('browser mode: access', () => {
  it('serves the app shell publicly, with the CSP header and no framing', async () => {
    h = await startHarness();
    const res = await rawRequest(h.server.port, '/');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('Video Builder');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect((await rawRequest(h.server.port, '/assets/app.js')).headers['content-type']).toContain('javascript');
  });

  it('refuses traversal out of the renderer folder', async () => {
    h = await startHarness();
    for (const p of ['/../private.txt', '/..%2fprivate.txt', '/assets/..%2f..%2fprivate.txt', '/%2e%2e/private.txt', '/..%5cprivate.txt']) {
      const res = await rawRequest(h.server.port, p);
      expect(res.status, p).toBe(404);
      expect(res.body.toString()).not.toContain('not for the web');
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    h = await startHarness();
    const res = await rawRequest(h.server.port, '/', { headers: { host: 'evil.example:80' } });
    expect(res.status).toBe(403);
  });

  it('refuses a WebSocket without the secret, with a wrong one, or from another origin', async () => {
    h = await startHarness();
    const base = `ws://127.0.0.1:${h.server.port}/bridge`;
    expect(await tryUpgrade(base, h.server.origin)).toBe(403);
    expect(await tryUpgrade(`${base}?secret=wrong`, h.server.origin)).toBe(403);
    expect(await tryUpgrade(`${base}?secret=${SECRET}`, 'http://evil.example')).toBe(403);
    expect(await tryUpgrade(`${base}?secret=${SECRET}`, undefined)).toBe(403);
    expect(await tryUpgrade(`${base}?secret=${SECRET}`, h.server.origin)).toBe(101);
  });

  it('requires the secret on staging and media routes (403)', async () => {
    h = await startHarness();
    const id = h.registry.register(path.join(h.dir, 'private.txt'));
    expect((await rawRequest(h.server.port, `/media/${id}`)).status).toBe(403);
    expect((await rawRequest(h.server.port, `/media/${id}?secret=nope`)).status).toBe(403);
    const stage = await rawRequest(h.server.port, '/stage', { method: 'POST', headers: { 'x-file-name': 'a.mp4' }, body: 'x' });
    expect(stage.status).toBe(403);
    expect(readdirSync(h.stageDir)).toEqual([]);
  });
});

describe('browser mode: the bridge over the WebSocket', () => {
  it('round-trips calls, validated both ways', async () => {
    h = await startHarness();
    const bridge = h.bridge();
    const snapshot = await bridge['app.ready']({});
    expect(snapshot.connection.detail).toBe('Local engine: free');
    expect(await bridge['chat.send']({ text: '  make it shorter ' })).toEqual({ queued: false });
    expect(h.app.calls.at(-1)).toEqual({ command: 'chat.send', input: { text: 'make it shorter' } });

    const invalid = await bridge['export.start']({ preset: 'imax' as never }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(AppError);
    expect((invalid as AppError).user.code).toBe('bridge.invalid');

    h.app.handlers['credits.refresh'] = () => Promise.reject(new AppError({ code: 'network', message: 'Offline.' }));
    const failed = await bridge['credits.refresh']({}).catch((e: unknown) => e);
    expect((failed as AppError).user).toEqual({ code: 'network', message: 'Offline.' });
  });

  it('holds events until app.ready, then delivers them in order, then live', async () => {
    h = await startHarness();
    const bridge = h.bridge();
    const seen: number[] = [];
    bridge.on('export.job', (job) => seen.push(job.progress));
    await bridge['credits.refresh']({});
    h.app.emit('export.job', makeJob({ progress: 5 }));
    h.app.emit('export.job', makeJob({ progress: 6 }));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([]);
    await bridge['app.ready']({});
    expect(seen).toEqual([5, 6]);
    h.app.emit('export.job', makeJob({ progress: 7 }));
    await until(() => seen.length === 3);
    expect(seen).toEqual([5, 6, 7]);
  });

  it('reconnects after a dropped socket, says ready again and replays the snapshot', async () => {
    h = await startHarness();
    const bridge = h.bridge();
    const jobs: ExportJob[] = [];
    const states: string[] = [];
    bridge.on('export.job', (job) => jobs.push(job));
    bridge.on('connection', (c) => states.push(c.state));
    await bridge['app.ready']({});
    h.app.snapshot = { ...h.app.snapshot, exports: [makeJob({ id: 'job_9', progress: 61 })] };
    const readyCalls = () => h.app.calls.filter((c) => c.command === 'app.ready').length;
    expect(readyCalls()).toBe(1);

    await h.server.close().catch(() => undefined);
    // A dropped socket shows as offline at once.
    await until(() => states.includes('offline'));
    // The same port comes back (a restarted host or a flaky network); the client finds it again.
    const port = h.server.port;
    const { startBrowserServer } = await import('../../../main/browser/server');
    h.server = await startBrowserServer({
      app: h.app,
      rendererDir: path.join(h.dir, 'renderer'),
      secret: SECRET,
      registry: h.registry,
      stageDir: h.stageDir,
      port,
    });
    await until(() => jobs.some((j) => j.id === 'job_9'));
    expect(readyCalls()).toBe(2);
    expect(states.at(-1)).toBe('connected');
  });

  it('rejects garbage frames silently and keeps serving', async () => {
    h = await startHarness();
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(`ws://127.0.0.1:${h.server.port}/bridge?secret=${SECRET}`, { origin: h.server.origin });
    const replies: string[] = [];
    ws.on('message', (d) => replies.push(d.toString()));
    await new Promise((r) => ws.on('open', r));
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'call', id: -1, command: 'app.ready', input: {} }));
    ws.send(JSON.stringify({ type: 'call', id: 3, command: 'fs.read', input: {} }));
    await until(() => replies.length === 1);
    expect(JSON.parse(replies[0]!)).toMatchObject({ type: 'result', id: 3, ok: false, error: { code: 'bridge.unknown' } });
    ws.close();
  });
});

describe('browser mode: staging and media', () => {
  it('streams a staged upload to disk and returns its path; media.add accepts only staged paths', async () => {
    h = await startHarness();
    const body = Buffer.alloc(300_000, 7);
    const res = await rawRequest(h.server.port, `/stage?secret=${SECRET}`, {
      method: 'POST',
      headers: { 'x-file-name': encodeURIComponent('../Beach día 1.mp4'), 'content-type': 'application/octet-stream' },
      body,
    });
    expect(res.status).toBe(200);
    const { path: staged } = JSON.parse(res.body.toString()) as { path: string };
    expect(path.basename(staged)).toBe('Beach día 1.mp4');
    expect(staged.startsWith(h.stageDir + path.sep)).toBe(true);
    expect(readFileSync(staged).equals(body)).toBe(true);

    const bridge = h.bridge();
    await bridge['app.ready']({});
    const added = await bridge['media.add']({ paths: [staged] });
    expect(added.items).toHaveLength(1);
    const refused = await bridge['media.add']({ paths: [path.join(h.dir, 'private.txt')] }).catch((e: unknown) => e);
    expect((refused as AppError).user.code).toBe('media.not-staged');
  });

  it('cuts off an upload over the limit and leaves nothing behind', async () => {
    h = await startHarness({ maxUploadBytes: 1000 });
    const declared = await rawRequest(h.server.port, `/stage?secret=${SECRET}`, {
      method: 'POST',
      headers: { 'x-file-name': 'big.mp4' },
      body: Buffer.alloc(5000),
    });
    expect(declared.status).toBe(413);
    const chunked = await rawRequest(h.server.port, `/stage?secret=${SECRET}`, {
      method: 'POST',
      headers: { 'x-file-name': 'big.mp4', 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(5000),
    });
    expect(chunked.status).toBe(413);
    expect(readdirSync(h.stageDir)).toEqual([]);
  });

  it('serves only registered files, with Range', async () => {
    h = await startHarness();
    const clip = path.join(h.dir, 'clip.mp4');
    writeFileSync(clip, Buffer.from('0123456789'));
    const id = h.registry.register(clip);
    expect(h.registry.register(clip)).toBe(id);
    const url = new URL(h.server.mediaUrl(id));
    const full = await rawRequest(h.server.port, url.pathname + url.search);
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('video/mp4');
    expect(full.body.toString()).toBe('0123456789');
    const part = await rawRequest(h.server.port, url.pathname + url.search, { headers: { range: 'bytes=2-4' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 2-4/10');
    expect(part.body.toString()).toBe('234');
    expect((await rawRequest(h.server.port, url.pathname + url.search, { headers: { range: 'bytes=50-' } })).status).toBe(416);
    // An id that was never handed out, or a path instead of an id, is not found.
    for (const bad of ['deadbeef', encodeURIComponent(path.join(h.dir, 'private.txt')), '..%2fprivate.txt']) {
      const res = await rawRequest(h.server.port, `/media/${bad}?secret=${SECRET}`);
      expect(res.status).toBe(404);
    }
    expect(existsSync(clip)).toBe(true);
  });
});
