/**
 * The picture: one chain per piece (clip, held still or black gap), joined by xfade, or by overlay+fade on
 * builds without xfade (the bundled 2018 ffmpeg), or by concat for cuts (issue 3 §Renderer).
 */
import { fitFragment, joinFilters, type Size } from './fit';
import { sec } from './escape';
import type { InputList } from './inputs';
import type { Piece, SequencePlan } from './sequence';
import type { VisualItem } from './timeline';

export interface VideoContext {
  canvas: Size;
  fps: number;
  inputs: InputList;
  hasXfade: boolean;
  preparedStills: ReadonlyMap<string, string>;
  /** Filled here: the input index of each clip, so the audio graph reads the same input. */
  clipInputs: Map<string, number>;
}

/** xfade transitions present since ffmpeg 4.4; anything else is shown as a fade. */
const XFADE_TYPES = new Set([
  'fade', 'wipeleft', 'wiperight', 'wipeup', 'wipedown', 'slideleft', 'slideright', 'slideup', 'slidedown',
  'circlecrop', 'rectcrop', 'distance', 'fadeblack', 'fadewhite', 'radial', 'smoothleft', 'smoothright',
  'smoothup', 'smoothdown', 'circleopen', 'circleclose', 'vertopen', 'vertclose', 'horzopen', 'horzclose',
  'dissolve', 'pixelize', 'diagtl', 'diagtr', 'diagbl', 'diagbr', 'hlslice', 'hrslice', 'vuslice', 'vdslice',
  'hblur', 'fadegrays', 'wipetl', 'wipetr', 'wipebl', 'wipebr', 'squeezeh', 'squeezev', 'zoomin',
]);
const XFADE_ALIASES: Record<string, string> = { crossfade: 'fade', wipe: 'wipeleft', slide: 'slideleft', zoom: 'zoomin', circle: 'circleopen' };

export function xfadeType(type: string): string {
  const t = type.toLowerCase().replace(/[^a-z]/g, '');
  const resolved = XFADE_ALIASES[t] ?? t;
  return XFADE_TYPES.has(resolved) ? resolved : 'fade';
}

/** Chains that end in `[vseq]`, the whole visual sequence at canvas size, yuv420p, constant frame rate. */
export function buildVideoSequence(plan: SequencePlan, ctx: VideoContext, out: string): string[] {
  const chains: string[] = [];
  let acc = '';
  plan.pieces.forEach((piece, k) => {
    const next = k === plan.pieces.length - 1 ? out : `vj${k}`;
    const label = k === 0 ? next : `v${k}`;
    chains.push(pieceChain(piece, ctx, label));
    if (k === 0) {
      // The first piece is the start of the sequence: nothing to join.
    } else if (piece.join && ctx.hasXfade) {
      chains.push(`[${acc}][${label}]xfade=transition=${xfadeType(piece.join.type)}:duration=${sec(piece.join.d)}:offset=${sec(piece.start)}[${next}]`);
    } else if (piece.join) {
      chains.push(...fadeOverlay(acc, label, next, piece, piece.join.d));
    } else {
      // concat outputs in microseconds; fps puts the stream back on the 1/fps clock that xfade requires.
      chains.push(`[${acc}][${label}]concat=n=2:v=1:a=0,fps=${ctx.fps}[${next}]`);
    }
    acc = next;
  });
  return chains;
}

/**
 * Crossfade without xfade: hold the outgoing picture (tpad) under the incoming one, which fades in through its
 * alpha and is shifted to its start time (toolchain.md §2).
 */
function fadeOverlay(acc: string, label: string, out: string, piece: Piece, d: number): string[] {
  const hold = piece.duration - d;
  return [
    `[${acc}]tpad=stop_mode=clone:stop_duration=${sec(hold)}[${label}h]`,
    `[${label}]format=yuva420p,fade=t=in:st=0:d=${sec(d)}:alpha=1,setpts=PTS-STARTPTS+${sec(piece.start)}/TB[${label}f]`,
    `[${label}h][${label}f]overlay=eof_action=pass:format=yuv420,format=yuv420p[${out}]`,
  ];
}

function pieceChain(piece: Piece, ctx: VideoContext, label: string): string {
  if (!piece.item) {
    return `color=c=black:s=${ctx.canvas.width}x${ctx.canvas.height}:r=${ctx.fps}:d=${sec(piece.duration)},format=yuv420p,setsar=1[${label}]`;
  }
  return piece.item.media.kind === 'image' ? stillChain(piece.item, ctx, label) : clipChain(piece.item, ctx, label);
}

/** Frames a piece of `ms` fills at the output rate. */
export function frameCount(ms: number, fps: number): number {
  return Math.max(1, Math.round((ms * fps) / 1000));
}

/**
 * A still is decoded and fitted ONCE (one input frame, no `-loop 1`), then the fitted frame is repeated by `loop`:
 * ffmpeg never decodes or scales it again (issue 3 §Speed).
 */
function stillChain(item: VisualItem, ctx: VideoContext, label: string): string {
  const { canvas, fps } = ctx;
  const prepared = ctx.preparedStills.get(item.id);
  const index = ctx.inputs.add(['-i', prepared ?? item.media.path]);
  const frames = frameCount(item.duration, fps);
  const fit = prepared ? '' : fitFragment(item.media, canvas, item.fit, `s${label}`);
  if (item.zoom > 0) {
    const z = `1+${item.zoom}*on/${frames}`;
    const zoom = `zoompan=z=${z}:x=iw/2-(iw/zoom/2):y=ih/2-(ih/zoom/2):d=${frames}:s=${canvas.width}x${canvas.height}:fps=${fps}`;
    return `[${index}:v]${joinFilters(fit, 'setsar=1', zoom, 'format=yuv420p')}[${label}]`;
  }
  const hold = `loop=loop=${frames - 1}:size=1:start=0,setpts=N/(${fps}*TB),fps=${fps}`;
  return `[${index}:v]${joinFilters(fit, 'setsar=1', 'format=yuv420p', hold)}[${label}]`;
}

function clipChain(item: VisualItem, ctx: VideoContext, label: string): string {
  const { canvas, fps } = ctx;
  const sourceMs = item.duration * item.speed;
  const seek = item.in > 0 ? ['-ss', sec(item.in)] : [];
  // A little more than needed: the exact cut is made by trim, after speed and frame-rate conversion.
  const index = ctx.inputs.add([...seek, '-t', sec(sourceMs + 2000 / fps), '-i', item.media.path]);
  ctx.clipInputs.set(item.id, index);
  const pts = item.speed === 1 ? 'setpts=PTS-STARTPTS' : `setpts=(PTS-STARTPTS)/${item.speed}`;
  const available = Math.max(0, item.media.durationMs - item.in) / item.speed;
  // Clone the last frame when the source is shorter than its slot (never ends early), then cut exactly.
  const pad = `tpad=stop_mode=clone:stop_duration=${sec(Math.max(0, item.duration - available) + 2000 / fps)}`;
  const fit = fitFragment(item.media, canvas, item.fit, `c${label}`);
  // Drop surplus frames before scaling them (60 fps phone clips); duplicate only after scaling.
  const rate = `fps=${fps}`;
  const beforeFit = item.media.fps * item.speed > fps ? rate : '';
  const afterFit = beforeFit ? '' : rate;
  return `[${index}:v]${joinFilters(pts, beforeFit, fit, afterFit, 'setsar=1', 'format=yuv420p', pad, `trim=duration=${sec(item.duration)}`)}[${label}]`;
}
