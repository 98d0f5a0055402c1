/**
 * The flagship request end to end on the real engine (issue 3 §Planner and §Renderer): three clips, two images and
 * a music track are uploaded, one chat message builds the 60-second promo, the draft is checked against the recipe,
 * and ONE 1920x1080 render is probed for the delivery format. Then a follow-up turn and undo. The render is the
 * slow part (60 s of 1080p on a shared 2-core machine), so it runs once and has a generous timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, type RunningEngine } from '../../main/engine/index';
import { resolveFfmpegTools } from '../../main/engine/ffmpeg/resolve';
import type { FfmpegTools } from '../../main/engine/types';
import { adkEventSchema, API_PATHS, isKeepAlive, uploadResultSchema, type UploadedFile } from '../../shared/protocol';
import { parseData } from '../../main/core/http-client';
import { auth, connect, json, pollUntilDone, runSse, state, upload, type Conn } from '../unit/engine/server/http-helpers';

const FLAGSHIP = 'combine these clips into a 60-second promo video with transitions and text overlays';
const FRAME_S = 1 / 30;

/** Uploaded in this order; the five visual files must reach the timeline in the same order. */
const FILES = ['clip1.mp4', 'photo1.png', 'clip2.mp4', 'photo2.jpg', 'clip3.mp4', 'music.mp3'] as const;
const NATURAL_MS: Record<string, number> = { 'clip1.mp4': 4000, 'clip2.mp4': 3000, 'clip3.mp4': 5000 };

interface Segment {
  id: string;
  s: number;
  d: number;
  m: Record<string, unknown>;
}
interface Track {
  id: string;
  tt: number;
  sg: Segment[];
}

let tools: FfmpegTools;
let engine: RunningEngine;
let dataDir: string;
let mediaDir: string;
let conn: Conn;
let uploaded: UploadedFile[];

function ffmpeg(args: string[]): void {
  execFileSync(tools.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'ignore' });
}

function ffprobe(file: string): { streams: Array<Record<string, unknown>>; format: { duration: string } } {
  return JSON.parse(execFileSync(tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { encoding: 'utf8' })) as never;
}

const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];

function makeMedia(dir: string): void {
  const out = (name: string): string => join(dir, name);
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=4', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=4', ...h264, '-c:a', 'aac', '-shortest', out('clip1.mp4')]);
  // No audio track: the renderer must give it silence and the music must not be ducked under it.
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=3', ...h264, out('clip2.mp4')]);
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=5', '-f', 'lavfi', '-i', 'sine=frequency=660:duration=5', ...h264, '-c:a', 'aac', '-shortest', out('clip3.mp4')]);
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=orange:size=640x360', '-frames:v', '1', out('photo1.png')]);
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=teal:size=480x640', '-frames:v', '1', out('photo2.jpg')]);
  // 90 s of mono sine at a low bitrate keeps the upload small (~350 KB).
  ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=220:duration=90', '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '32k', out('music.mp3')]);
}

const finalText = (payloads: string[]): string => {
  const events = payloads.filter((p) => !isKeepAlive(p)).map((p) => adkEventSchema.parse(JSON.parse(p)));
  return events.at(-1)?.content?.parts?.map((part) => part.text ?? '').join('') ?? '';
};

const tracksOf = (draft: { t: unknown[] }): Track[] => draft.t as Track[];
const trackOfType = (draft: { t: unknown[] }, tt: number): Track[] => tracksOf(draft).filter((t) => t.tt === tt);
const idOf = (name: string): string => String(uploaded.find((f) => f.filename === name)?.id);

beforeAll(async () => {
  tools = await resolveFfmpegTools();
  mediaDir = mkdtempSync(join(tmpdir(), 'vb-flagship-media-'));
  makeMedia(mediaDir);
  dataDir = mkdtempSync(join(tmpdir(), 'vb-flagship-data-'));
  engine = await startEngine({ dataDir, tools, heartbeatMs: 200, storeDebounceMs: 20 });
  conn = await connect(engine.url, 'flagship-client');
  const res = await upload(
    conn,
    FILES.map((name) => ({ name, data: readFileSync(join(mediaDir, name)) })),
  );
  const body = await json(res);
  expect(body.code).toBe(0);
  uploaded = parseData(uploadResultSchema, body.data).files;
}, 60_000);

afterAll(async () => {
  await engine?.close();
  if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('local engine: the flagship 60-second promo', () => {
  let promoText = '';

  it('uploads keep their order, kinds and probed facts', () => {
    expect(uploaded.map((f) => [f.filename, f.file_type])).toEqual([
      ['clip1.mp4', 'video'],
      ['photo1.png', 'image'],
      ['clip2.mp4', 'video'],
      ['photo2.jpg', 'image'],
      ['clip3.mp4', 'video'],
      ['music.mp3', 'audio'],
    ]);
    expect(uploaded.every((f) => typeof f.id === 'string' && f.id !== '')).toBe(true);
    expect(uploaded[5]?.duration).toBeCloseTo(90, 0);
  });

  it('builds the promo: every visual in upload order, exactly 60 s, transitions, title, overlays, music', async () => {
    const run = await runSse(conn, FLAGSHIP);
    expect(run.status).toBe(200);
    promoText = finalText(run.payloads);
    const draft = (await state(conn)).draft;

    const video = trackOfType(draft, 0);
    expect(video).toHaveLength(1);
    const segs = video[0]?.sg ?? [];
    expect(segs.map((s) => s.m.src)).toEqual(FILES.slice(0, 5).map(idOf));
    expect(segs.map((s) => s.m.name)).toEqual(FILES.slice(0, 5));
    expect(draft.d).toBe(60_000);
    expect(Math.max(...segs.map((s) => s.s + s.d))).toBe(60_000);

    // Clips keep their natural pace; the two images share what is left.
    for (const seg of segs.filter((s) => s.m.kind === 'video')) {
      expect(seg.d).toBe(NATURAL_MS[String(seg.m.name)]);
      expect(seg.m.speed ?? 1).toBe(1);
    }
    const images = segs.filter((s) => s.m.kind === 'image');
    expect(images).toHaveLength(2);
    expect(Math.abs((images[0]?.d ?? 0) - (images[1]?.d ?? 0))).toBeLessThanOrEqual(1);

    // A transition into every item but the first, each overlapping the previous item by exactly its length.
    expect(segs[0]?.m.tr).toBeUndefined();
    segs.slice(1).forEach((seg, i) => {
      const tr = seg.m.tr as { type: string; d: number } | undefined;
      expect(tr?.d).toBeGreaterThan(0);
      const prev = segs[i]!;
      expect(seg.s).toBe(prev.s + prev.d - (tr?.d ?? 0));
    });

    const texts = trackOfType(draft, 7).flatMap((t) => t.sg);
    const titles = texts.filter((t) => t.m.role === 'title');
    const overlays = texts.filter((t) => t.m.role === 'overlay');
    expect(titles).toHaveLength(1);
    expect(String(titles[0]?.m.text).trim()).not.toBe('');
    expect(titles[0]?.s).toBe(0);
    expect(overlays.length).toBeGreaterThanOrEqual(1);
    for (const t of texts) {
      expect(String(t.m.text).trim()).not.toBe('');
      expect(t.s).toBeGreaterThanOrEqual(0);
      expect(t.s + t.d).toBeLessThanOrEqual(60_000);
    }

    const music = trackOfType(draft, 1).flatMap((t) => t.sg);
    expect(music).toHaveLength(1);
    const bgm = music[0]!;
    expect(bgm.m.src).toBe(idOf('music.mp3'));
    expect([bgm.s, bgm.s + bgm.d]).toEqual([0, 60_000]);
    expect(Number(bgm.m.vol)).toBeGreaterThan(0);
    expect(Number(bgm.m.vol)).toBeLessThanOrEqual(0.5);
    expect(Number(bgm.m.fadeOut)).toBeGreaterThan(0);
    // clip1 and clip3 have sound: the music gives way under it.
    expect(bgm.m.duck).toBe(true);

    const summary = /Timeline \((\d+) tracks?\): [^\n]*$/.exec(promoText);
    expect(summary).not.toBeNull();
    expect(Number(summary?.[1])).toBe(tracksOf(draft).length);
  });

  it('renders it once at 1920x1080: H.264 High yuv420p, AAC 48 kHz stereo, 60 s within one frame', async () => {
    const draft = (await state(conn)).draft;
    expect(draft.d).toBe(60_000);
    const submit = await fetch(`${engine.url}${API_PATHS.renderSubmit}`, {
      method: 'POST',
      headers: auth(conn, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ id: 'flagship_1080p', sessionId: conn.sessionId, draft, output: { format: 'mp4', width: 1920, height: 1080 } }),
    });
    expect(await json(submit)).toMatchObject({ success: true, data: { id: 'flagship_1080p' } });
    const done = await pollUntilDone(conn, 'flagship_1080p', 400_000);
    expect(done.error ?? null).toBeNull();
    expect(done).toMatchObject({ status: 'completed', progress: 100 });

    const download = await fetch(`${engine.url}${API_PATHS.renderDownload('flagship_1080p')}`, { headers: auth(conn) });
    expect(download.status).toBe(200);
    const outFile = join(dataDir, 'flagship.mp4');
    writeFileSync(outFile, Buffer.from(await download.arrayBuffer()));

    const probe = ffprobe(outFile);
    const video = probe.streams.filter((s) => s.codec_type === 'video');
    const audio = probe.streams.filter((s) => s.codec_type === 'audio');
    expect(video).toHaveLength(1);
    expect(audio).toHaveLength(1);
    expect(video[0]).toMatchObject({ codec_name: 'h264', profile: 'High', pix_fmt: 'yuv420p', width: 1920, height: 1080 });
    expect(audio[0]).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
    expect(Math.abs(Number(probe.format.duration) - 60)).toBeLessThanOrEqual(FRAME_S);
    expect(Math.abs(Number(video[0]?.duration) - 60)).toBeLessThanOrEqual(FRAME_S);
  }, 420_000);

  it('"make it vertical for TikTok" gives a 1080x1920 canvas; "undo" restores the 1920x1080 draft exactly', async () => {
    const before = await state(conn);
    expect([before.draft.m.width, before.draft.m.height]).toEqual([1920, 1080]);

    const vertical = await runSse(conn, 'make it vertical for TikTok');
    expect(finalText(vertical.payloads)).toMatch(/Timeline \(\d+ tracks?\): [^\n]*$/);
    const after = await state(conn);
    expect([after.draft.m.width, after.draft.m.height]).toEqual([1080, 1920]);
    expect(after.canvas_config).toMatchObject({ width: 1080, height: 1920, ratio: '9:16' });
    // Only the canvas changed: same items, same 60 s.
    expect(after.draft.d).toBe(60_000);
    expect(trackOfType(after.draft, 0)[0]?.sg.map((s) => s.m.src)).toEqual(FILES.slice(0, 5).map(idOf));

    const undo = await runSse(conn, 'undo');
    expect(finalText(undo.payloads)).toMatch(/Timeline \(\d+ tracks?\): [^\n]*$/);
    const restored = await state(conn);
    expect([restored.draft.m.width, restored.draft.m.height]).toEqual([1920, 1080]);
    expect(restored.draft).toEqual(before.draft);
  });
});
