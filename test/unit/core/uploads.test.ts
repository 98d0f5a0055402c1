import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PATHS, MAX_UPLOAD_BYTES } from '../../../shared/protocol';
import { Sessions } from '../../../main/core/sessions';
import { checkUploadable, uploadFiles, uploadUrls } from '../../../main/core/uploads';
import { makeClient, type Harness } from '../../support/core-harness';
import { envelopeError, ROUTES, startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

let server: ScriptedServer;
let harness: Harness;
let sid: string;
let dir: string;
const uploadsSeen = () => server.requests.filter((r) => r.path.startsWith('/api/upload-video/'));

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vb-upload-'));
  server = await startScriptedServer();
  harness = makeClient(server.url);
  sid = (await new Sessions(harness.client, harness.store).get('p')).session_id;
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: Buffer | number): Promise<string> {
  const p = path.join(dir, name);
  if (typeof content === 'number') {
    await writeFile(p, '');
    await truncate(p, content);
  } else await writeFile(p, content);
  return p;
}

describe('checkUploadable', () => {
  it.each([
    ['clip.MP4', 10, null],
    ['photo.jpeg', 10, null],
    ['song.m4a', MAX_UPLOAD_BYTES, null],
    ['notes.txt', 10, 'media.unsupported'],
    ['noextension', 10, 'media.unsupported'],
    ['archive.mp4.zip', 10, 'media.unsupported'],
    ['big.mov', MAX_UPLOAD_BYTES + 1, 'media.too-large'],
  ])('%s (%i bytes) → %s', (name, size, expected) => {
    expect(checkUploadable({ name, size })?.code ?? null).toBe(expected);
  });
});

describe('uploadFiles', () => {
  it('refuses an unsupported type before any byte is sent, even when other files are fine', async () => {
    const good = await file('a.mp4', Buffer.alloc(10));
    const bad = await file('virus.exe', Buffer.alloc(10));
    await expect(uploadFiles(harness.client, sid, [good, bad])).rejects.toMatchObject({ apiCode: 4001, user: { code: 'media.unsupported' } });
    expect(uploadsSeen()).toHaveLength(0);
  });

  it('refuses a file over 500 MB before any byte is sent', async () => {
    const big = await file('huge.mp4', MAX_UPLOAD_BYTES + 1);
    await expect(uploadFiles(harness.client, sid, [big])).rejects.toMatchObject({ apiCode: 4002, user: { code: 'media.too-large' } });
    expect(uploadsSeen()).toHaveLength(0);
  });

  it('a missing file is file.missing, with nothing sent', async () => {
    await expect(uploadFiles(harness.client, sid, [path.join(dir, 'gone.mp4')])).rejects.toMatchObject({ user: { code: 'file.missing' } });
    expect(uploadsSeen()).toHaveLength(0);
  });

  it('sends multipart field `files` with the file name, type and exact bytes, one request per file', async () => {
    const a = await file('beach day.mp4', Buffer.from('first-file-content'));
    const b = await file('logo.png', Buffer.from('PNGDATA'));
    const result = await uploadFiles(harness.client, sid, [a, b]);

    expect(result.map((f) => f.filename)).toEqual(['beach day.mp4', 'logo.png']);
    const [first, second] = uploadsSeen();
    expect(first?.path).toBe(API_PATHS.upload(sid));
    expect(first?.parts).toEqual([{ name: 'files', filename: 'beach day.mp4', contentType: 'video/mp4', size: 18 }]);
    expect(second?.parts).toEqual([{ name: 'files', filename: 'logo.png', contentType: 'image/png', size: 7 }]);
    expect(first?.body).toContain('\r\n\r\nfirst-file-content\r\n--');
    expect(first?.headers['content-length']).toBe(String(first?.bytes));
    expect(first?.headers['transfer-encoding']).toBeUndefined();
    expect(server.state.sessions.get(sid)?.state.video_infos).toHaveLength(2);
  });

  it('reports progress per file, increasing, ending at the body total', async () => {
    const a = await file('one.mov', 3 * 1024 * 1024 + 17);
    const b = await file('two.wav', 700_000);
    const events: Array<[number, number, number]> = [];
    await uploadFiles(harness.client, sid, [a, b], { onProgress: (i, loaded, total) => events.push([i, loaded, total]) });

    for (const index of [0, 1]) {
      const mine = events.filter(([i]) => i === index);
      const total = mine[0]?.[2];
      expect(mine.length).toBeGreaterThan(2);
      expect(mine.every(([, , t]) => t === total)).toBe(true);
      expect(mine.every(([, loaded], k) => k === 0 || loaded > (mine[k - 1]?.[1] ?? 0))).toBe(true);
      expect(mine.at(-1)?.[1]).toBe(total);
      expect(total).toBe(uploadsSeen()[index]?.bytes);
    }
    expect(uploadsSeen()[0]?.parts?.[0]?.size).toBe(3 * 1024 * 1024 + 17);
  });

  it('a 1001 mid-way resends the file with a new token, progress still only moves forward', async () => {
    server.enqueue(ROUTES.upload, envelopeError(1001));
    const a = await file('clip.mp4', 600_000);
    const loaded: number[] = [];
    await uploadFiles(harness.client, sid, [a], { onProgress: (_i, l) => loaded.push(l) });
    expect(uploadsSeen()).toHaveLength(2);
    expect(loaded.every((l, k) => k === 0 || l > (loaded[k - 1] ?? 0))).toBe(true);
    expect(uploadsSeen()[1]?.parts?.[0]?.size).toBe(600_000);
  });

  it('server-side 4001/4002 become the same user errors; a 5xx is not retried', async () => {
    server.enqueue(ROUTES.upload, envelopeError(4002), { status: 502, body: 'bad gateway' });
    const a = await file('clip.mp4', 100);
    await expect(uploadFiles(harness.client, sid, [a])).rejects.toMatchObject({ user: { code: 'media.too-large' } });
    await expect(uploadFiles(harness.client, sid, [a])).rejects.toMatchObject({ apiCode: 502 });
    expect(uploadsSeen()).toHaveLength(2);
    expect(harness.sleeps).toEqual([]);
  });

  it('can be cancelled mid-upload', async () => {
    server.route(ROUTES.upload, { delayMs: 2000, json: { code: 0, data: { files: [] } } });
    const a = await file('clip.mp4', 100);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(uploadFiles(harness.client, sid, [a], { signal: controller.signal })).rejects.toMatchObject({ user: { code: 'cancelled' } });
  });
});

describe('uploadUrls', () => {
  it('posts the URLs as JSON with source_type url', async () => {
    const files = await uploadUrls(harness.client, sid, ['https://example.com/v/clip.mp4']);
    expect(files[0]?.filename).toBe('clip.mp4');
    const req = uploadsSeen()[0];
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({ urls: ['https://example.com/v/clip.mp4'], source_type: 'url' });
  });
});
