import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeClient } from '../../support/core-harness';
import { ROUTES, startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

let api: ScriptedServer;
let cdn: ScriptedServer | undefined;
let dir: string;
const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vb-download-'));
  api = await startScriptedServer();
  api.state.files.set('out.mp4', bytes);
});
afterEach(async () => {
  await api.close();
  await cdn?.close();
  cdn = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('download', () => {
  it('writes <dest>.part while streaming, then renames it; progress reaches the total', async () => {
    const { client } = makeClient(api.url);
    const dest = path.join(dir, 'nested', 'video.mp4');
    const seen: Array<{ loaded: number; total: number | undefined; part: boolean; final: boolean }> = [];
    await client.download('/files/out.mp4', dest, {
      onProgress: (loaded, total) => seen.push({ loaded, total, part: existsSync(`${dest}.part`), final: existsSync(dest) }),
    });
    expect((await readFile(dest)).equals(bytes)).toBe(true);
    expect(existsSync(`${dest}.part`)).toBe(false);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.part && !s.final && s.total === bytes.length)).toBe(true);
    expect(seen.at(-1)?.loaded).toBe(bytes.length);
    expect(seen.every((s, i) => i === 0 || s.loaded > (seen[i - 1]?.loaded ?? 0))).toBe(true);
  });

  it('a failed download leaves neither the file nor the .part', async () => {
    const { client } = makeClient(api.url, { retries: 0 });
    const dest = path.join(dir, 'missing.mp4');
    await expect(client.download('/files/nothing.mp4', dest)).rejects.toMatchObject({ apiCode: 404 });
    expect(existsSync(dest) || existsSync(`${dest}.part`)).toBe(false);
  });

  it('a connection cut mid-body removes the .part and reports a network error', async () => {
    api.route(ROUTES.file, ({ res }) => {
      res.writeHead(200, { 'Content-Length': '100000' });
      res.write(Buffer.alloc(10_000));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const { client } = makeClient(api.url, { retries: 0 });
    const dest = path.join(dir, 'cut.mp4');
    await expect(client.download('/files/out.mp4', dest)).rejects.toMatchObject({ user: { code: 'network' } });
    expect(existsSync(dest) || existsSync(`${dest}.part`)).toBe(false);
  });

  it('an absolute URL on another host gets no Authorization (and no token anywhere)', async () => {
    cdn = await startScriptedServer();
    cdn.state.files.set('cdn.mp4', bytes);
    const { client, auth } = makeClient(api.url);
    const token = await auth.token();
    await client.download(`${cdn.url}/files/cdn.mp4`, path.join(dir, 'a.mp4'));
    expect(cdn.requests).toHaveLength(1);
    expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(cdn.requests)).not.toContain(token);
  });

  it('a redirect from our host to another drops the Authorization header on the way', async () => {
    cdn = await startScriptedServer();
    cdn.state.files.set('cdn.mp4', bytes);
    api.route(ROUTES.renderDownload, { status: 302, headers: { Location: `${cdn.url}/files/cdn.mp4` } });
    const { client } = makeClient(api.url);
    const dest = path.join(dir, 'b.mp4');
    await client.download('/api/render/proxy/render_1/download', dest);
    expect((await readFile(dest)).equals(bytes)).toBe(true);
    expect(api.requests.find((r) => r.path.endsWith('/download'))?.headers.authorization).toMatch(/^Bearer /);
    expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('a 1001 from our host refreshes the token and downloads', async () => {
    const { client, auth } = makeClient(api.url);
    await auth.token();
    api.expireTokens();
    api.state.files.set('r.mp4', bytes);
    api.route(ROUTES.renderDownload, (ctx) => {
      const known = api.state.tokens.has((ctx.req.headers.authorization ?? '').slice('Bearer '.length));
      ctx.res.writeHead(known ? 200 : 401, { 'Content-Type': known ? 'video/mp4' : 'application/json' });
      ctx.res.end(known ? bytes : JSON.stringify({ code: 1001, message: 'expired' }));
    });
    const dest = path.join(dir, 'c.mp4');
    await client.download('/api/render/proxy/r/download', dest);
    expect((await readFile(dest)).equals(bytes)).toBe(true);
  });
});
