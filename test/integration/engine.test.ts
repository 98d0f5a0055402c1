/**
 * The real local engine (planner, ffprobe, render queue, ffmpeg) on a temp folder, driven over HTTP with fetch
 * and with the app's own ApiClient. Media is generated with ffmpeg: tiny (320x180, 2 s) so the suite stays fast.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, type RunningEngine } from '../../main/engine/index';
import { resolveFfmpegTools } from '../../main/engine/ffmpeg/resolve';
import type { FfmpegTools } from '../../main/engine/types';
import { adkEventSchema, API_PATHS, isKeepAlive, parseRenderPoll, uploadResultSchema } from '../../shared/protocol';
import { ApiClient, parseData } from '../../main/core/http-client';
import { Auth } from '../../main/core/auth';
import { createMemoryStore } from '../../main/core/storage';
import { createFileSecretStore } from '../../main/core/secret-store';
import { auth, connect, json, pollUntilDone, runSse, state, upload, type Conn } from '../unit/engine/server/http-helpers';

let tools: FfmpegTools;
let engine: RunningEngine;
let dataDir: string;
let mediaDir: string;
const MAX_UPLOAD = 2 * 1024 * 1024;

function ffmpeg(args: string[]): void {
  execFileSync(tools.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'ignore' });
}

function ffprobe(file: string): { streams: Array<Record<string, unknown>>; format: { duration: string } } {
  return JSON.parse(execFileSync(tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { encoding: 'utf8' })) as never;
}

const media = (name: string): Buffer => readFileSync(join(mediaDir, name));

beforeAll(async () => {
  tools = await resolveFfmpegTools();
  mediaDir = mkdtempSync(join(tmpdir(), 'vb-engine-media-'));
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=30:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', join(mediaDir, 'clip1.mp4')]);
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=30:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', join(mediaDir, 'clip2.mp4')]);
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=1', '-frames:v', '1', join(mediaDir, 'still.png')]);
  ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=220:duration=3', '-c:a', 'libmp3lame', join(mediaDir, 'music.mp3')]);
  dataDir = mkdtempSync(join(tmpdir(), 'vb-engine-data-'));
  engine = await startEngine({ dataDir, tools, maxUploadBytes: MAX_UPLOAD, heartbeatMs: 50, storeDebounceMs: 20 });
});

afterAll(async () => {
  await engine?.close();
  rmSync(mediaDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const mediaFiles = (): string[] => readdirSync(join(dataDir, 'media'));

describe('local engine: auth', () => {
  it('issues nmv_usr_ tokens per client id (400 without one) and guards every other route with 1001', async () => {
    const missing = await fetch(`${engine.url}${API_PATHS.anonymousToken}`, { method: 'POST' });
    expect([missing.status, (await json(missing)).code]).toEqual([400, 400]);
    const conn = await connect(engine.url, 'auth-client');
    expect(conn.token).toMatch(/^nmv_usr_[A-Za-z0-9_-]{32}$/);
    const again = await connect(engine.url, 'auth-client');
    expect(again.token).toBe(conn.token);
    const noAuth = await fetch(`${engine.url}${API_PATHS.state(conn.sessionId)}`);
    expect([noAuth.status, (await json(noAuth)).code]).toEqual([401, 1001]);
  });
});

describe('local engine: uploads', () => {
  it('uploads generated media (multipart, streamed), probes each and lists them in the state', async () => {
    const conn = await connect(engine.url, 'upload-client');
    const res = await upload(conn, [
      { name: 'clip1.mp4', data: media('clip1.mp4') },
      { name: 'still.png', data: media('still.png') },
      { name: 'music.mp3', data: media('music.mp3') },
    ]);
    const body = await json(res);
    expect(body.code).toBe(0);
    const files = parseData(uploadResultSchema, body.data).files;
    expect(files.map((f) => [f.filename, f.file_type])).toEqual([
      ['clip1.mp4', 'video'],
      ['still.png', 'image'],
      ['music.mp3', 'audio'],
    ]);
    expect(files[0]).toMatchObject({ width: 320, height: 180, fps: 30 });
    expect(files[0]?.duration).toBeCloseTo(2, 1);
    expect(files[2]?.duration).toBeCloseTo(3, 1);
    expect((await state(conn)).video_infos).toHaveLength(3);
  });

  it.each([
    ['a zero-byte file', 'empty.mp4', () => Buffer.alloc(0), /empty/i],
    ['a truncated file', 'cut.mp4', () => media('clip2.mp4').subarray(0, 3000), /cut\.mp4/],
    ['a text file named .mp4', 'notes.mp4', () => Buffer.from('just some words, not a video\n'.repeat(20)), /notes\.mp4/],
    ['a wrong extension', 'clip.exe', () => media('clip1.mp4'), /not a supported file type/],
  ])('refuses %s with a clear 4001 and adds nothing', async (_label, name, data, message) => {
    const conn = await connect(engine.url, `bad-${name}`);
    const before = mediaFiles();
    const res = await upload(conn, [{ name, data: data() }]);
    const body = await json(res);
    expect(body.code).toBe(4001);
    expect(String(body.message)).toMatch(message);
    expect(String(body.message)).not.toMatch(/at .*\.ts:\d+|Error:/);
    expect((await state(conn)).video_infos).toEqual([]);
    expect(mediaFiles()).toEqual(before);
  });

  it('refuses a file over the size cap with 4002 and deletes the partial file', async () => {
    const conn = await connect(engine.url, 'big-client');
    const before = mediaFiles();
    const res = await upload(conn, [{ name: 'big.mp4', data: Buffer.alloc(MAX_UPLOAD + 100_000, 1) }]);
    expect((await json(res)).code).toBe(4002);
    expect(mediaFiles()).toEqual(before);
    expect((await state(conn)).video_infos).toEqual([]);
  });

  it('keeps unicode, spaces and quotes in names, through the app ApiClient too', async () => {
    const conn = await connect(engine.url, 'names-client');
    const odd = `海边 "sunset" it's.mp4`;
    const body = await json(await upload(conn, [{ name: odd, data: media('clip2.mp4') }]));
    expect(parseData(uploadResultSchema, body.data).files[0]?.filename).toBe(odd);

    // The core client streams its own multipart body from a path that has quotes and spaces in it.
    const dir = mkdtempSync(join(tmpdir(), `vb "quoted" dir `));
    const onDisk = join(dir, `片段 'two' "final".mp4`);
    writeFileSync(onDisk, media('clip2.mp4'));
    const store = createMemoryStore();
    const client = new ApiClient({
      baseUrl: engine.url,
      appVersion: '0.0.0-test',
      platform: 'terminal',
      auth: new Auth({ store, secrets: createFileSecretStore(store), baseUrl: engine.url, headers: () => ({ 'X-Skill-Source': 'video-builder' }) }),
    });
    const session = await client.json('POST', API_PATHS.createSession, (await import('../../shared/protocol')).sessionSchema, { body: { task_name: 'project' } });
    const data = await client.uploadMultipart(API_PATHS.upload(session.session_id), [{ path: onDisk, name: `片段 'two' "final".mp4` }]);
    expect(parseData(uploadResultSchema, data).files[0]).toMatchObject({ filename: `片段 'two' "final".mp4`, file_type: 'video' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads by URL (a loopback URL: the engine serving its own signed media URL)', async () => {
    const conn = await connect(engine.url, 'url-client');
    const first = parseData(uploadResultSchema, (await json(await upload(conn, [{ name: 'clip1.mp4', data: media('clip1.mp4') }]))).data).files[0];
    const res = await fetch(`${engine.url}${API_PATHS.upload(conn.sessionId)}`, {
      method: 'POST',
      headers: auth(conn, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ urls: [first?.cdn_url], source_type: 'url' }),
    });
    const body = await json(res);
    expect(body.code).toBe(0);
    expect(parseData(uploadResultSchema, body.data).files[0]).toMatchObject({ file_type: 'video', width: 320 });
  });

  it('serves media with HTTP Range (206, Content-Range, 416)', async () => {
    const conn = await connect(engine.url, 'range-client');
    const file = parseData(uploadResultSchema, (await json(await upload(conn, [{ name: 'still.png', data: media('still.png') }]))).data).files[0];
    const size = media('still.png').length;
    const part = await fetch(String(file?.cdn_url), { headers: { Range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(media('still.png').subarray(0, 100));
    const out = await fetch(String(file?.cdn_url), { headers: { Range: `bytes=${size}-` } });
    expect(out.status).toBe(416);
    expect(out.headers.get('content-range')).toBe(`bytes */${size}`);
  });
});

describe('local engine: chat and export', () => {
  let conn: Conn;

  beforeAll(async () => {
    conn = await connect(engine.url, 'chat-client');
    await upload(conn, [
      { name: 'clip1.mp4', data: media('clip1.mp4') },
      { name: 'clip2.mp4', data: media('clip2.mp4') },
      { name: 'still.png', data: media('still.png') },
      { name: 'music.mp3', data: media('music.mp3') },
    ]);
  });

  it('fails an empty draft with "Add media first", needs X-Skill-Source (402), refuses duplicate ids (409)', async () => {
    const submit = (headers: Record<string, string>, id: string): Promise<Response> =>
      fetch(`${engine.url}${API_PATHS.renderSubmit}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ id, sessionId: conn.sessionId, draft: { t: [] }, output: { format: 'mp4' } }),
      });
    const blocked = await submit({ Authorization: `Bearer ${conn.token}` }, 'render_empty');
    expect(blocked.status).toBe(402);
    expect((await submit(auth(conn), 'render_empty')).status).toBe(200);
    const done = await pollUntilDone(conn, 'render_empty');
    expect(done.status).toBe('failed');
    expect(String(done.error)).toMatch(/Add media first/);
    const dup = await submit(auth(conn), 'render_empty');
    expect(dup.status).toBe(409);
    expect(await json(dup)).toEqual({ success: false, error: 'duplicate id' });
  });

  it('streams a chat turn: first event fast, ADK events, final text ends with the summary; state reflects it', async () => {
    const run = await runSse(conn, 'combine these clips into a 5 second video with fade transitions and a title "Hello"');
    expect(run.status).toBe(200);
    expect(run.firstEventMs).toBeLessThan(500);
    const events = run.payloads.filter((p) => !isKeepAlive(p)).map((p) => adkEventSchema.parse(JSON.parse(p)));
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events[0]?.content?.parts?.[0]?.text).toBeTruthy();
    const calls = events.flatMap((e) => e.content?.parts ?? []).filter((p) => p.functionCall);
    const responses = events.flatMap((e) => e.content?.parts ?? []).filter((p) => p.functionResponse);
    expect(calls.length).toBeGreaterThan(0);
    expect(responses.map((p) => p.functionResponse?.id)).toEqual(calls.map((p) => p.functionCall?.id));
    const finalText = events.at(-1)?.content?.parts?.[0]?.text ?? '';
    const summary = /Timeline \((\d+) tracks?\): .*$/.exec(finalText);
    expect(summary).not.toBeNull();
    const st = await state(conn);
    expect(st.draft.t.length).toBe(Number(summary?.[1]));
    expect(st.draft.d).toBe(5000);
  });

  it('renders the draft to a real MP4: submit → poll → download → ffprobe', async () => {
    const draft = (await state(conn)).draft;
    const res = await fetch(`${engine.url}${API_PATHS.renderSubmit}`, {
      method: 'POST',
      headers: { ...auth(conn), 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'render_real', sessionId: conn.sessionId, draft, output: { format: 'mp4', width: 320, height: 180 } }),
    });
    expect(await json(res)).toMatchObject({ success: true, data: { id: 'render_real' } });
    const done = await pollUntilDone(conn, 'render_real', 60_000);
    expect(parseRenderPoll({ success: true, data: done })).toMatchObject({ status: 'completed', progress: 100 });
    const download = await fetch(`${engine.url}${API_PATHS.renderDownload('render_real')}`, { headers: auth(conn) });
    expect(download.status).toBe(200);
    const outFile = join(dataDir, 'downloaded.mp4');
    writeFileSync(outFile, Buffer.from(await download.arrayBuffer()));
    const probe = ffprobe(outFile);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ codec_name: 'h264', width: 320, height: 180, pix_fmt: 'yuv420p' });
    expect(probe.streams.some((s) => s.codec_type === 'audio' && s.codec_name === 'aac')).toBe(true);
    expect(Number(probe.format.duration)).toBeCloseTo(5, 0);
    // The signed outputUrl works without the token, with Range.
    const size = statSync(outFile).size;
    const tail = await fetch(String(done.outputUrl), { headers: { Range: 'bytes=-1024' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 1024}-${size - 1}/${size}`);
    await tail.arrayBuffer();
  }, 90_000);
});
