/**
 * PURE: draft + media + the ffmpeg build's capabilities → the argument list of ONE ffmpeg run with one filter
 * graph (issue 3 §Renderer). Nothing here touches the disk or spawns anything; it is tested on literal drafts.
 */
import { appError } from '../../../shared/errors';
import type { RenderRequest } from '../types';
import { buildAudioMix } from './audio-graph';
import { sec } from './escape';
import { InputList } from './inputs';
import { planSequence } from './sequence';
import { drawtextFilter, type TextFonts } from './text-graph';
import { readTimeline } from './timeline';
import { buildVideoSequence } from './video-graph';

export interface RenderCapabilities {
  hasXfade: boolean;
  hasSidechaincompress: boolean;
}

export interface RenderEnv extends TextFonts {
  /** Stills already fitted to the canvas, by segment id (optional: the graph fits the others itself, once). */
  preparedStills: ReadonlyMap<string, string>;
}

/** Encoder settings shared with the benchmark's baseline, so both are compared like for like. */
export const VIDEO_PRESET = 'veryfast';
export const VIDEO_CRF = 23;
const AUDIO_BITRATE = '160k';
const MAX_FPS = 60;

export function canvasOf(req: RenderRequest): { width: number; height: number; fps: number } {
  const size = req.size ?? { width: req.draft.m?.width, height: req.draft.m?.height };
  const even = (n: unknown, fallback: number): number =>
    typeof n === 'number' && Number.isFinite(n) && n >= 16 ? 2 * Math.round(n / 2) : fallback;
  const fpsRaw = req.draft.m?.fps;
  const fps = typeof fpsRaw === 'number' && Number.isFinite(fpsRaw) && fpsRaw > 0 ? Math.min(MAX_FPS, Math.round(fpsRaw)) : 30;
  return { width: even(size.width, 1920), height: even(size.height, 1080), fps };
}

export function buildRenderCommand(
  req: RenderRequest,
  caps: RenderCapabilities,
  env: RenderEnv,
): { args: string[]; durationMs: number } {
  const timeline = readTimeline(req.draft, req.media);
  if ((timeline.visuals.length === 0 && timeline.music.length === 0) || timeline.durationMs <= 0) {
    throw appError('draft.empty', 'Add media first: the timeline has nothing to export yet.');
  }
  const { width, height, fps } = canvasOf(req);
  const canvas = { width, height };
  const durationMs = timeline.durationMs;
  const inputs = new InputList();
  const clipInputs = new Map<string, number>();
  const chains: string[] = [];

  const plan = planSequence(timeline.visuals, durationMs, fps);
  if (plan.pieces.length > 0) {
    chains.push(
      ...buildVideoSequence(plan, { canvas, fps, inputs, hasXfade: caps.hasXfade, preparedStills: env.preparedStills, clipInputs }, 'vseq'),
    );
  } else {
    // Audio-only project: a black picture for the sound (and any text).
    chains.push(`color=c=black:s=${width}x${height}:r=${fps}:d=${sec(durationMs)},format=yuv420p,setsar=1[vseq]`);
  }
  // A frame of slack at the end: the output is cut at exactly the draft's length by -t, never short of it.
  const slack = `tpad=stop_mode=clone:stop_duration=${sec(2000 / fps)}`;
  const text = timeline.texts.map((t) => drawtextFilter(t, canvas, env));
  chains.push(`[vseq]${[slack, ...text].join(',')}[vout]`);
  chains.push(...buildAudioMix(plan, timeline.music, { inputs, hasSidechaincompress: caps.hasSidechaincompress, durationMs }, clipInputs, 'aout'));

  const args = [
    '-hide_banner',
    '-nostdin',
    '-loglevel', 'error',
    '-progress', 'pipe:1',
    '-nostats',
    ...inputs.toArgs(),
    '-filter_complex', chains.join(';'),
    '-map', '[vout]',
    '-map', '[aout]',
    '-c:v', 'libx264',
    '-preset', VIDEO_PRESET,
    '-crf', String(VIDEO_CRF),
    '-profile:v', 'high',
    '-pix_fmt', 'yuv420p',
    '-r', String(fps),
    '-c:a', 'aac',
    '-b:a', AUDIO_BITRATE,
    '-ar', '48000',
    '-ac', '2',
    '-t', sec(durationMs),
    '-movflags', '+faststart',
    '-f', 'mp4',
    '-y',
    `${req.outPath}.part`,
  ];
  return { args, durationMs };
}
