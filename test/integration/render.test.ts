/**
 * Real renders with both ffmpeg builds (Debian's on PATH and the bundled 2018 one), on media generated here,
 * checked with ffprobe and by reading pixels back.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDraft } from '../../shared/draft';
import { AppError } from '../../shared/errors';
import { resolveFfmpegTools } from '../../main/engine/ffmpeg/resolve';
import { probeMedia } from '../../main/engine/media/probe';
import { renderDraft } from '../../main/engine/render/render';
import type { FfmpegTools, MediaRecord, RenderRequest } from '../../main/engine/types';

const run = promisify(execFile);
let dir: string;
let debian: FfmpegTools;
let bundled: FfmpegTools;
const media = new Map<string, MediaRecord>();

async function ffmpeg(bin: string, args: string[]): Promise<void> {
  await run(bin, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

async function addMedia(tools: FfmpegTools, id: string, file: string): Promise<void> {
  const path = join(dir, file);
  const probed = await probeMedia(tools, path, file);
  media.set(id, { ...probed, id, path, size: 1, createdAt: 0 });
}

interface StreamInfo {
  codec_type: string;
  codec_name: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  sample_rate?: string;
  channels?: number;
  duration?: string;
}

async function probeStreams(path: string): Promise<{ video: StreamInfo; audio: StreamInfo | undefined; formatDuration: number }> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', path]);
  const json = JSON.parse(stdout) as { streams: StreamInfo[]; format: { duration: string } };
  const video = json.streams.find((s) => s.codec_type === 'video');
  if (!video) throw new Error('no video stream');
  return { video, audio: json.streams.find((s) => s.codec_type === 'audio'), formatDuration: Number(json.format.duration) };
}

async function grayFrame(path: string, atSeconds: number): Promise<Buffer> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-ss', String(atSeconds), '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Pixels brighter than 200 inside a rectangle of a gray frame. */
function brightPixels(frame: Buffer, width: number, rect: { x0: number; x1: number; y0: number; y1: number }): number {
  let count = 0;
  for (let y = rect.y0; y < rect.y1; y += 1) for (let x = rect.x0; x < rect.x1; x += 1) if (frame[y * width + x]! > 200) count += 1;
  return count;
}

async function expectPlayableMp4(path: string, size: { width: number; height: number }, durationMs: number, fps: number): Promise<void> {
  const { video, audio } = await probeStreams(path);
  expect(video).toMatchObject({ codec_name: 'h264', profile: 'High', pix_fmt: 'yuv420p', width: size.width, height: size.height });
  expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
  expect(Math.abs(Number(video.duration) * 1000 - durationMs)).toBeLessThanOrEqual(1000 / fps + 1);
  expect(Math.abs(Number(audio?.duration) * 1000 - durationMs)).toBeLessThanOrEqual(1000 / fps + 1);
}

const request = (draft: LocalDraft, name: string): RenderRequest => ({ draft, media, outPath: join(dir, 'out', name), workDir: join(dir, 'work') });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vb-render-'));
  debian = await resolveFfmpegTools({ env: {} });
  bundled = await resolveFfmpegTools({ forceBundled: true });
  const ff = debian.ffmpeg;
  const lavfi = (src: string): string[] => ['-f', 'lavfi', '-i', src];
  await Promise.all([
    ffmpeg(ff, [...lavfi('testsrc2=s=320x180:r=30:d=2'), ...lavfi('sine=f=440:d=2:sample_rate=44100'), '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', join(dir, 'talk.mp4')]),
    ffmpeg(ff, [...lavfi('testsrc2=s=320x240:r=25:d=2'), '-c:v', 'libx264', '-preset', 'ultrafast', join(dir, 'silent clip.mp4')]),
    ffmpeg(ff, [...lavfi('testsrc2=s=640x480'), '-frames:v', '1', join(dir, 'photo.png')]),
    ffmpeg(ff, [...lavfi('color=c=0x202020:s=320x180'), '-frames:v', '1', join(dir, 'dark.png')]),
    ffmpeg(ff, [...lavfi('sine=f=220:d=3'), '-c:a', 'libmp3lame', join(dir, 'song.mp3')]),
    ffmpeg(ff, [...lavfi('color=c=white:s=3840x2160:r=10:d=1'), ...lavfi('sine=d=1'), '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', join(dir, 'uhd.mp4')]),
  ]);
  // Debian's 5.1 muxer drops the rotate tag; the 2018 build still writes it as a display matrix, like a phone does.
  await ffmpeg(bundled.ffmpeg, ['-i', join(dir, 'talk.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90', join(dir, 'portrait.mp4')]);
  await addMedia(debian, 'med_1', 'talk.mp4');
  await addMedia(debian, 'med_2', 'silent clip.mp4');
  await addMedia(debian, 'med_3', 'photo.png');
  await addMedia(debian, 'med_4', 'song.mp3');
  await addMedia(debian, 'med_5', 'portrait.mp4');
  await addMedia(debian, 'med_6', 'uhd.mp4');
  await addMedia(debian, 'med_7', 'dark.png');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const promo: LocalDraft = {
  d: 4200,
  m: { width: 320, height: 180, fps: 30 },
  t: [
    {
      id: 'v1', tt: 0, sg: [
        { id: 's1', s: 0, d: 2000, m: { src: 'med_1', name: 'talk.mp4', kind: 'video', in: 0 } },
        { id: 's2', s: 1600, d: 1300, m: { src: 'med_3', name: 'photo.png', kind: 'image', in: 0, fit: 'contain-blur', tr: { type: 'fade', d: 400 } } },
        { id: 's3', s: 2900, d: 1300, m: { src: 'med_2', name: 'silent clip.mp4', kind: 'video', in: 300, speed: 1.25, tr: { type: 'wipeleft', d: 400 } } },
      ],
    },
    { id: 'a1', tt: 1, sg: [{ id: 's9', s: 0, d: 4200, m: { src: 'med_4', name: 'song.mp3', in: 0, vol: 0.3, fadeOut: 1000, duck: true } }] },
    { id: 'x1', tt: 7, sg: [{ id: 's10', s: 0, d: 1500, m: { text: "It's 50% off: C:\\sale", pos: 'center', role: 'title' } }] },
  ],
};

describe.each([
  ['Debian ffmpeg (xfade)', () => debian],
  ['bundled 2018 ffmpeg (overlay fallback)', () => bundled],
])('render with %s', (label, tools) => {
  it('renders the promo draft to a playable H.264/AAC MP4 of the draft length', async () => {
    const name = `promo-${tools().source}.mp4`;
    let last = -1;
    await renderDraft(tools(), request(promo, name), { onProgress: (p) => (last = Math.max(last, p)) });
    await expectPlayableMp4(join(dir, 'out', name), { width: 320, height: 180 }, 4200, 30);
    expect(last).toBe(100);
    expect(existsSync(join(dir, 'out', `${name}.part`))).toBe(false);
    expect(label).toContain('ffmpeg');
  });

  it('shows title text while the title is on screen (Latin and Chinese)', async () => {
    const name = `title-${tools().source}.mp4`;
    const text = (id: string, s: number, value: string, size?: number) => ({ id, s, d: 1000, m: { text: value, pos: 'center' as const, role: 'title' as const, ...(size ? { size } : {}) } });
    const draft: LocalDraft = {
      d: 4000, m: { width: 320, height: 180, fps: 30 }, t: [
        { id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: 4000, m: { src: 'med_7', name: 'dark.png', kind: 'image', in: 0 } }] },
        { id: 'x1', tt: 7, sg: [text('s2', 0, 'SALE 50%'), text('s3', 1000, '一一一', 48), text('s4', 2000, '鬱鬱鬱', 48)] },
      ],
    };
    await renderDraft(tools(), request(draft, name), {});
    const path = join(dir, 'out', name);
    const area = { x0: 20, x1: 300, y0: 40, y1: 140 };
    const latin = brightPixels(await grayFrame(path, 0.5), 320, area);
    const simple = brightPixels(await grayFrame(path, 1.5), 320, area);
    const dense = brightPixels(await grayFrame(path, 2.5), 320, area);
    const none = brightPixels(await grayFrame(path, 3.5), 320, area);
    expect(none).toBe(0);
    expect(latin).toBeGreaterThan(200);
    // Real Chinese glyphs: a one-stroke character lights far fewer pixels than a dense one. A font without CJK
    // glyphs would draw the same empty box for both.
    expect(simple).toBeGreaterThan(50);
    expect(dense).toBeGreaterThan(simple * 3);
  });
});

describe('render edge cases (Debian ffmpeg)', () => {
  it('renders a 4K clip into the real 1920x1080 preset', async () => {
    const draft: LocalDraft = { d: 1000, m: { width: 1920, height: 1080, fps: 30 }, t: [{ id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: 1000, m: { src: 'med_6', name: 'uhd.mp4', kind: 'video', in: 0 } }] }] };
    await renderDraft(debian, request(draft, 'uhd.mp4'), {});
    await expectPlayableMp4(join(dir, 'out', 'uhd.mp4'), { width: 1920, height: 1080 }, 1000, 30);
  });

  it('turns a portrait phone clip upright (rotation metadata) and pads it in contain mode', async () => {
    expect(media.get('med_5')).toMatchObject({ width: 180, height: 320 });
    const draft: LocalDraft = { d: 1000, m: { width: 320, height: 180, fps: 30 }, t: [{ id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: 1000, m: { src: 'med_5', name: 'portrait.mp4', kind: 'video', in: 0, fit: 'contain' } }] }] };
    await renderDraft(debian, request(draft, 'portrait.mp4'), {});
    await expectPlayableMp4(join(dir, 'out', 'portrait.mp4'), { width: 320, height: 180 }, 1000, 30);
    const frame = await grayFrame(join(dir, 'out', 'portrait.mp4'), 0.5);
    // Upright, the 9:16 picture is about 102 px wide in the middle: the side bands stay black.
    const lit = (x0: number, x1: number): number => {
      let sum = 0;
      for (let y = 0; y < 180; y += 1) for (let x = x0; x < x1; x += 1) sum += frame[y * 320 + x]!;
      return sum / ((x1 - x0) * 180);
    };
    expect(lit(0, 100)).toBeLessThan(20);
    expect(lit(220, 320)).toBeLessThan(20);
    expect(lit(120, 200)).toBeGreaterThan(60);
  });

  it('gives a clip without audio a silent audio track', async () => {
    const draft: LocalDraft = { d: 1500, m: { width: 320, height: 180, fps: 25 }, t: [{ id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: 1500, m: { src: 'med_2', name: 'silent clip.mp4', kind: 'video', in: 0 } }] }] };
    await renderDraft(debian, request(draft, 'silent.mp4'), {});
    await expectPlayableMp4(join(dir, 'out', 'silent.mp4'), { width: 320, height: 180 }, 1500, 25);
  });

  it('renders an audio-only draft over a black picture', async () => {
    const draft: LocalDraft = { d: 2000, m: { width: 320, height: 180, fps: 30 }, t: [{ id: 'a1', tt: 1, sg: [{ id: 's1', s: 0, d: 2000, m: { src: 'med_4', name: 'song.mp3', in: 0, vol: 0.8, fadeIn: 300 } }] }] };
    await renderDraft(debian, request(draft, 'audio-only.mp4'), {});
    await expectPlayableMp4(join(dir, 'out', 'audio-only.mp4'), { width: 320, height: 180 }, 2000, 30);
    const { stderr } = await run('ffmpeg', ['-hide_banner', '-i', join(dir, 'out', 'audio-only.mp4'), '-af', 'volumedetect', '-vn', '-f', 'null', '-']);
    const mean = Number(/mean_volume: (-?[\d.]+) dB/.exec(stderr)?.[1]);
    expect(mean).toBeGreaterThan(-30);
  });

  it('refuses an empty draft with "Add media first" and writes nothing', async () => {
    const draft: LocalDraft = { d: 0, m: { width: 320, height: 180, fps: 30 }, t: [] };
    await expect(renderDraft(debian, request(draft, 'empty.mp4'), {})).rejects.toMatchObject({ user: { code: 'draft.empty' } });
    expect(existsSync(join(dir, 'out', 'empty.mp4'))).toBe(false);
  });

  it('cleans its scratch folder', async () => {
    expect(existsSync(join(dir, 'work')) ? await readdir(join(dir, 'work')) : []).toEqual([]);
    expect(AppError).toBeDefined();
  });
});
