/**
 * Render speed (issue 3 §Speed): the reference job (5 images, 3 clips, music → a 60 s promo with transitions,
 * a title, overlays and ducked music) at 1920x1080 and 1080x1920, rendered by the engine, by one naive
 * hand-written ffmpeg command (stills looped with `-loop 1`, same preset and CRF) as the baseline, and the
 * pure encode floor (testsrc2 at the same size, preset, CRF and length). Also the peak RSS of this Node
 * process (ffmpeg excluded) while the engine renders. `BENCH_QUICK=1` runs a tiny version to check the code.
 * The machine's load average is recorded with each size, because other work on a shared machine skews timings.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LocalDraft } from '../shared/draft';
import { resolveFfmpegTools } from '../main/engine/ffmpeg/resolve';
import { probeMedia } from '../main/engine/media/probe';
import { resolveFonts } from '../main/engine/render/fonts';
import { VIDEO_CRF, VIDEO_PRESET } from '../main/engine/render/graph';
import { renderDraft } from '../main/engine/render/render';
import type { FfmpegTools, MediaRecord } from '../main/engine/types';

const exec = promisify(execFile);
const QUICK = process.env.BENCH_QUICK === '1';
const TOTAL_MS = QUICK ? 8000 : 60_000;
const CLIP_MS = QUICK ? [1500, 1000, 1500] : [10_000, 8000, 12_000];
const TRANSITION_MS = QUICK ? 300 : 800;
/** Phone-camera-like stills: bigger than the canvas, as people's photos are. */
const PHOTO = QUICK ? { width: 640, height: 480 } : { width: 3000, height: 2000 };
const ALL_SIZES = QUICK ? [{ width: 320, height: 180 }] : [{ width: 1920, height: 1080 }, { width: 1080, height: 1920 }];
/** `BENCH_SIZES=1920x1080` re-measures one size (e.g. after a run disturbed by other load on the machine). */
const SIZES = ALL_SIZES.filter((s) => !process.env.BENCH_SIZES || process.env.BENCH_SIZES.split(',').includes(`${s.width}x${s.height}`));
const FPS = 30;

const secs = (ms: number): string => String(Math.round(ms) / 1000);
const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

interface Timing {
  seconds: number;
  /** user+sys CPU seconds of the ffmpeg child: steadier than wall time when other work shares the cores. */
  cpuSeconds: number;
}

/** CPU time of this process's finished children (Linux /proc; 0 elsewhere). Fields 16–17: cutime, cstime. */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

async function timed(work: () => Promise<unknown>): Promise<Timing> {
  const cpu = childCpuSeconds();
  const started = performance.now();
  await work();
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: childCpuSeconds() - cpu };
}

async function ffmpeg(tools: FfmpegTools, args: string[]): Promise<Timing> {
  return timed(() => exec(tools.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], { maxBuffer: 16 * 1024 * 1024 }));
}

interface Job {
  draft: LocalDraft;
  media: Map<string, MediaRecord>;
  /** Visual items in order with their timeline slot, for the baseline command. */
  order: Array<{ id: string; start: number; duration: number }>;
}

async function makeMedia(tools: FfmpegTools, dir: string): Promise<Map<string, MediaRecord>> {
  const lavfi = (src: string): string[] => ['-f', 'lavfi', '-i', src];
  const files: Array<[string, string[]]> = [];
  CLIP_MS.forEach((ms, i) => {
    files.push([`clip${i + 1}.mp4`, [...lavfi(`testsrc2=s=1920x1080:r=30:d=${secs(ms)}`), ...lavfi(`sine=f=${300 + 100 * i}:d=${secs(ms)}`), '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '18', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest']]);
  });
  for (let i = 1; i <= 5; i += 1) {
    files.push([`photo${i}.jpg`, [...lavfi(`testsrc2=s=${PHOTO.width}x${PHOTO.height}`), '-vf', `hue=h=${i * 60}`, '-frames:v', '1', '-q:v', '3']]);
  }
  files.push(['music.m4a', [...lavfi(`sine=f=220:d=${secs(TOTAL_MS + 10_000)}`), '-c:a', 'aac']]);
  const media = new Map<string, MediaRecord>();
  for (const [name, args] of files) {
    const path = join(dir, name);
    await ffmpeg(tools, [...args, path]);
    const id = `med_${media.size + 1}`;
    media.set(id, { ...(await probeMedia(tools, path, name)), id, path, size: 0, createdAt: 0 });
  }
  return media;
}

/** The planner's flagship layout: clips at natural length, images share the rest, a fade at every join. */
function referenceJob(media: Map<string, MediaRecord>, size: { width: number; height: number }): Job {
  const clips = [...media.values()].filter((m) => m.kind === 'video');
  const photos = [...media.values()].filter((m) => m.kind === 'image');
  const music = [...media.values()].find((m) => m.kind === 'audio')!;
  const visuals = [clips[0]!, photos[0]!, photos[1]!, clips[1]!, photos[2]!, photos[3]!, clips[2]!, photos[4]!];
  const clipTotal = clips.reduce((sum, c) => sum + c.durationMs, 0);
  const photoMs = Math.round((TOTAL_MS - clipTotal + TRANSITION_MS * (visuals.length - 1)) / photos.length);
  const order: Job['order'] = [];
  let cursor = 0;
  const segments = visuals.map((m, i) => {
    const duration = i === visuals.length - 1 ? TOTAL_MS - cursor : m.kind === 'video' ? m.durationMs : photoMs;
    const seg = {
      id: `s${i + 1}`, s: cursor, d: duration,
      m: { src: m.id, name: m.name, kind: m.kind as 'video' | 'image', in: 0, ...(i > 0 ? { tr: { type: 'fade', d: TRANSITION_MS } } : {}) },
    };
    order.push({ id: m.id, start: cursor, duration });
    cursor += duration - TRANSITION_MS;
    return seg;
  });
  const text = (id: string, s: number, d: number, value: string, role: 'title' | 'overlay', pos: 'center' | 'bottom') => ({ id, s, d, m: { text: value, pos, role } });
  const draft: LocalDraft = {
    d: TOTAL_MS,
    m: { title: 'Promo', ...size, fps: FPS },
    t: [
      { id: 'v1', tt: 0, sg: segments },
      { id: 'a1', tt: 1, sg: [{ id: 's20', s: 0, d: TOTAL_MS, m: { src: music.id, name: music.name, in: 0, vol: 0.3, fadeOut: 2000, duck: true } }] },
      { id: 'x1', tt: 7, sg: [text('s21', 0, 3000, 'Spring Sale', 'title', 'center'), text('s22', TOTAL_MS / 2, 3000, 'Up to 50% off', 'overlay', 'bottom'), text('s23', TOTAL_MS - 4000, 3000, 'Shop now', 'overlay', 'bottom')] },
    ],
  };
  return { draft, media, order };
}

/** What a person would write by hand: every still looped with -loop 1 and scaled on every frame. */
function baselineArgs(job: Job, size: { width: number; height: number }, fontFile: string, out: string): string[] {
  const { width: W, height: H } = size;
  const inputs: string[] = [];
  const chains: string[] = [];
  const audio: string[] = [];
  job.order.forEach((item, i) => {
    const m = job.media.get(item.id)!;
    if (m.kind === 'image') inputs.push('-loop', '1', '-t', secs(item.duration), '-i', m.path);
    else inputs.push('-t', secs(item.duration), '-i', m.path);
    chains.push(`[${i}:v]scale=${W}:${H}:force_original_aspect_ratio=increase,crop=${W}:${H},setsar=1,fps=${FPS},format=yuv420p[v${i}]`);
    audio.push(m.hasAudio ? `[${i}:a]aresample=48000,apad,atrim=duration=${secs(item.duration)}[a${i}]` : `anullsrc=r=48000:cl=stereo,atrim=duration=${secs(item.duration)}[a${i}]`);
  });
  let v = 'v0';
  let a = 'a0';
  job.order.slice(1).forEach((item, k) => {
    const i = k + 1;
    chains.push(`[${v}][v${i}]xfade=transition=fade:duration=${secs(TRANSITION_MS)}:offset=${secs(item.start)}[x${i}]`);
    audio.push(`[${a}][a${i}]acrossfade=d=${secs(TRANSITION_MS)}[ax${i}]`);
    v = `x${i}`;
    a = `ax${i}`;
  });
  const music = [...job.media.values()].find((m) => m.kind === 'audio')!;
  const musicIndex = job.order.length;
  inputs.push('-i', music.path);
  const font = fontFile.replace(/:/g, '\\:');
  chains.push(
    `[${v}]drawtext=fontfile=${font}:text='Spring Sale':fontsize=${Math.round(Math.min(W, H) * 0.09)}:fontcolor=white:x=(w-text_w)/2:y=(h-text_h)/2:enable='between(t,0,3)',` +
      `drawtext=fontfile=${font}:text='Up to 50%% off':fontsize=${Math.round(Math.min(W, H) * 0.06)}:fontcolor=white:x=(w-text_w)/2:y=h-text_h-100:enable='between(t,${secs(TOTAL_MS / 2)},${secs(TOTAL_MS / 2 + 3000)})'[vout]`,
  );
  audio.push(
    `[${musicIndex}:a]volume=0.3,afade=t=out:st=${secs(TOTAL_MS - 2000)}:d=2,atrim=duration=${secs(TOTAL_MS)}[m]`,
    `[${a}]asplit=2[c1][c2]`,
    '[m][c2]sidechaincompress=threshold=0.03:ratio=8[md]',
    '[c1][md]amix=inputs=2:duration=first[aout]',
  );
  return [
    ...inputs,
    '-filter_complex', [...chains, ...audio].join(';'),
    '-map', '[vout]', '-map', '[aout]',
    '-c:v', 'libx264', '-preset', VIDEO_PRESET, '-crf', String(VIDEO_CRF), '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-ar', '48000', '-ac', '2', '-t', secs(TOTAL_MS), '-movflags', '+faststart', out,
  ];
}

function floorArgs(size: { width: number; height: number }, out: string): string[] {
  return [
    '-f', 'lavfi', '-i', `testsrc2=s=${size.width}x${size.height}:r=${FPS}:d=${secs(TOTAL_MS)}`,
    '-c:v', 'libx264', '-preset', VIDEO_PRESET, '-crf', String(VIDEO_CRF), '-pix_fmt', 'yuv420p', out,
  ];
}

async function timeEngine(tools: FfmpegTools, job: Job, dir: string, name: string): Promise<Timing & { peakRssMB: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  try {
    const timing = await timed(() => renderDraft(tools, { draft: job.draft, media: job.media, outPath: join(dir, name), workDir: join(dir, 'work') }, {}));
    return { ...timing, peakRssMB: round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20, 1) };
  } finally {
    clearInterval(sampler);
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const tools = await resolveFfmpegTools();
  const dir = await mkdtemp(join(tmpdir(), 'vb-render-bench-'));
  try {
    const media = await makeMedia(tools, dir);
    const fonts = resolveFonts();
    const results: Record<string, unknown> = {
      ffmpeg: `${tools.source} ${tools.version}`,
      job: { durationS: TOTAL_MS / 1000, clips: CLIP_MS.length, images: 5, photoSize: `${PHOTO.width}x${PHOTO.height}`, preset: VIDEO_PRESET, crf: VIDEO_CRF },
    };
    for (const size of SIZES) {
      const key = `${size.width}x${size.height}`;
      const job = referenceJob(media, size);
      const engine = await timeEngine(tools, job, dir, `engine-${key}.mp4`);
      const baseline = await ffmpeg(tools, baselineArgs(job, size, fonts.fontFile, join(dir, `baseline-${key}.mp4`)));
      const floor = await ffmpeg(tools, floorArgs(size, join(dir, `floor-${key}.mp4`)));
      results[key] = {
        engineSeconds: round(engine.seconds),
        baselineSeconds: round(baseline.seconds),
        encodeFloorSeconds: round(floor.seconds),
        engineToBaseline: round(engine.seconds / baseline.seconds),
        engineToFloor: round(engine.seconds / floor.seconds),
        engineCpuSeconds: round(engine.cpuSeconds),
        baselineCpuSeconds: round(baseline.cpuSeconds),
        encodeFloorCpuSeconds: round(floor.cpuSeconds),
        engineToBaselineCpu: round(engine.cpuSeconds / baseline.cpuSeconds),
        engineToFloorCpu: round(engine.cpuSeconds / floor.cpuSeconds),
        targetEngineToBaseline: 0.8,
        meetsTarget: engine.seconds / baseline.seconds <= 0.8,
        engineNodePeakRssMB: engine.peakRssMB,
        loadAverage1m: round(loadavg()[0] ?? 0, 1),
      };
      process.stderr.write(`render bench ${key}: ${JSON.stringify(results[key])}\n`);
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
