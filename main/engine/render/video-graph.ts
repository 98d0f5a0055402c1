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

/**
 * Chains that end in `[vseq]`, the whole visual sequence at canvas size, yuv420p, constant frame rate.
 * Transitions are blended only inside their windows: each piece is cut (frame-exactly) into the part it shares with
 * its neighbours and the part it shows alone, the shared parts are joined by xfade (or overlay+fade), and everything is
 * concatenated once. A chain of xfades over whole pieces would push every frame of the video through every join, which
 * costs about a third of the render time (bench/render.bench.ts).
 */
export function buildVideoSequence(plan: SequencePlan, ctx: VideoContext, out: string): string[] {
  const windows = plan.pieces.some((piece) => piece.join) ? joinWindows(plan, ctx.fps) : undefined;
  if (!windows) return buildChainedSequence(plan, ctx, out);
  const chains: string[] = [];
  const parts: string[] = [];
  plan.pieces.forEach((piece, k) => {
    const src = `w${k}`;
    const { frames, headFrames, tailFrames } = windows[k]!;
    if (headFrames === 0 && tailFrames === 0) {
      // Joined to its neighbours by cuts only: the piece is its own body.
      chains.push(pieceChain(piece, ctx, `${src}b`, frames));
    } else {
      chains.push(pieceChain(piece, ctx, src, frames));
      const cuts: Array<[string, string]> = [];
      if (headFrames > 0) cuts.push([`${src}h`, `trim=start_frame=0:end_frame=${headFrames}`]);
      cuts.push([`${src}b`, `trim=start_frame=${headFrames}:end_frame=${frames - tailFrames}`]);
      if (tailFrames > 0) cuts.push([`${src}t`, `trim=start_frame=${frames - tailFrames}:end_frame=${frames}`]);
      chains.push(`[${src}]split=${cuts.length}${cuts.map(([label]) => `[${label}s]`).join('')}`);
      for (const [label, trim] of cuts) chains.push(`[${label}s]${trim},setpts=PTS-STARTPTS[${label}]`);
    }
    if (headFrames > 0 && piece.join) {
      const d = (headFrames * 1000) / ctx.fps;
      const joined = `wj${k}`;
      if (ctx.hasXfade) chains.push(`[w${k - 1}t][${src}h]xfade=transition=${xfadeType(piece.join.type)}:duration=${sec(d)}:offset=0[${joined}]`);
      else chains.push(...fadeOverlayWindow(`w${k - 1}t`, `${src}h`, joined, d));
      parts.push(joined);
    }
    parts.push(`${src}b`);
  });
  // Every part holds exactly its frames, so renumbering them is exact; concat's own timestamps (microseconds, from
  // each part's last frame) can land a frame early after an xfade window, which fps would then drop.
  chains.push(`${parts.map((label) => `[${label}]`).join('')}concat=n=${parts.length}:v=1:a=0,settb=1/${ctx.fps},setpts=N/(${ctx.fps}*TB)[${out}]`);
  return chains;
}

interface JoinWindow {
  frames: number;
  /** Frames at the start shared with the previous piece's tail (the transition into this piece). */
  headFrames: number;
  tailFrames: number;
}

/**
 * Frame-exact windows for every piece, from each piece's place on the output's frame grid (so rounding never adds
 * up along the timeline), or undefined when some piece would have no frames of its own.
 */
export function joinWindows(plan: SequencePlan, fps: number): JoinWindow[] | undefined {
  const frameAt = (ms: number): number => Math.round((ms * fps) / 1000);
  const first = plan.pieces.map((piece) => frameAt(piece.start));
  const end = plan.pieces.map((piece) => frameAt(piece.start + piece.duration));
  const headFrames = plan.pieces.map((piece, k) => (k > 0 && piece.join ? Math.max(0, end[k - 1]! - first[k]!) : 0));
  const windows = plan.pieces.map((_piece, k) => ({
    frames: end[k]! - first[k]!,
    headFrames: headFrames[k]!,
    tailFrames: headFrames[k + 1] ?? 0,
  }));
  return windows.every((w) => w.frames - w.headFrames - w.tailFrames >= 1) ? windows : undefined;
}

/** The plain chain (xfade over whole pieces), for sequences whose pieces are almost all transition. */
function buildChainedSequence(plan: SequencePlan, ctx: VideoContext, out: string): string[] {
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
      chains.push(`[${acc}][${label}]concat=n=2:v=1:a=0,fps=${ctx.fps}[${next}]`);
    }
    acc = next;
  });
  return chains;
}

/** Crossfade of two equally long windows without xfade: the incoming one fades in through its alpha. */
function fadeOverlayWindow(outgoing: string, incoming: string, out: string, d: number): string[] {
  return [
    `[${incoming}]format=yuva420p,fade=t=in:st=0:d=${sec(d)}:alpha=1[${incoming}f]`,
    `[${outgoing}][${incoming}f]overlay=eof_action=pass:format=yuv420,format=yuv420p[${out}]`,
  ];
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

/** `frames`, when given, is the exact number of frames the piece must yield (its place on the output's frame grid). */
function pieceChain(piece: Piece, ctx: VideoContext, label: string, frames?: number): string {
  if (!piece.item) {
    const d = frames === undefined ? piece.duration : ((frames + 1) * 1000) / ctx.fps;
    const exact = frames === undefined ? '' : `,trim=end_frame=${frames}`;
    return `color=c=black:s=${ctx.canvas.width}x${ctx.canvas.height}:r=${ctx.fps}:d=${sec(d)},format=yuv420p,setsar=1${exact}[${label}]`;
  }
  return piece.item.media.kind === 'image' ? stillChain(piece.item, ctx, label, frames) : clipChain(piece.item, ctx, label, frames);
}

/** Frames a piece of `ms` fills at the output rate. */
export function frameCount(ms: number, fps: number): number {
  return Math.max(1, Math.round((ms * fps) / 1000));
}

/**
 * A still is decoded and fitted ONCE (one input frame, no `-loop 1`), then the fitted frame is repeated by `loop`:
 * ffmpeg never decodes or scales it again (issue 3 §Speed).
 */
function stillChain(item: VisualItem, ctx: VideoContext, label: string, exactFrames?: number): string {
  const { canvas, fps } = ctx;
  const prepared = ctx.preparedStills.get(item.id);
  const index = ctx.inputs.add(['-i', prepared ?? item.media.path]);
  const frames = exactFrames ?? frameCount(item.duration, fps);
  const fit = prepared ? '' : fitFragment(item.media, canvas, item.fit, `s${label}`);
  if (item.zoom > 0) {
    const z = `1+${item.zoom}*on/${frames}`;
    const zoom = `zoompan=z=${z}:x=iw/2-(iw/zoom/2):y=ih/2-(ih/zoom/2):d=${frames}:s=${canvas.width}x${canvas.height}:fps=${fps}`;
    return `[${index}:v]${joinFilters(fit, 'setsar=1', zoom, 'format=yuv420p')}[${label}]`;
  }
  const hold = `loop=loop=${frames - 1}:size=1:start=0,setpts=N/(${fps}*TB),fps=${fps}`;
  return `[${index}:v]${joinFilters(fit, 'setsar=1', 'format=yuv420p', hold)}[${label}]`;
}

function clipChain(item: VisualItem, ctx: VideoContext, label: string, exactFrames?: number): string {
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
  const cut = exactFrames === undefined ? `trim=duration=${sec(item.duration)}` : `trim=end_frame=${exactFrames}`;
  return `[${index}:v]${joinFilters(pts, beforeFit, fit, afterFit, 'setsar=1', 'format=yuv420p', pad, cut)}[${label}]`;
}
