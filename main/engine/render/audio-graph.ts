/**
 * The sound: the clips' own audio in step with the picture (silence for stills, gaps and clips without sound),
 * background music with volume, fades and ducking under the clips' audio, summed without normalisation.
 */
import { filterValue, sec } from './escape';
import type { InputList } from './inputs';
import type { Piece, SequencePlan } from './sequence';
import type { MusicItem, VisualItem } from './timeline';

export interface AudioContext {
  inputs: InputList;
  hasSidechaincompress: boolean;
  durationMs: number;
}

/** One format for every branch, so joins and mixes never negotiate per pair. */
const STEREO = 'sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo';
const NORMALIZE = `aresample=48000,aformat=${STEREO}`;
const SILENCE = 'anullsrc=r=48000:cl=stereo';
/** Ducking: music drops by about 10 dB while the clips' audio is above roughly -30 dBFS. */
const DUCK = 'sidechaincompress=threshold=0.03:ratio=8:attack=20:release=400';
/** Where sidechaincompress is missing, the music is simply lowered while clips with sound play. */
const DUCK_FALLBACK_GAIN = 0.35;

export function hasClipAudio(item: VisualItem | undefined): boolean {
  return item !== undefined && item.media.kind === 'video' && item.media.hasAudio && item.vol > 0;
}

/** Chains that end in `[out]`: the final stereo mix, exactly the draft's length. */
export function buildAudioMix(plan: SequencePlan, music: readonly MusicItem[], ctx: AudioContext, clipInputs: ReadonlyMap<string, number>, out: string): string[] {
  const chains: string[] = [];
  const D = sec(ctx.durationMs);
  const anyClipAudio = plan.pieces.some((p) => hasClipAudio(p.item));
  if (anyClipAudio) chains.push(...clipAudioSequence(plan, clipInputs, 'aseq'), `[aseq]apad,atrim=duration=${D}[aclips]`);
  else chains.push(`${SILENCE},atrim=duration=${D}[aclips]`);

  const musicLabels = music.map((m, k) => {
    chains.push(musicChain(m, ctx, `am${k}`));
    return `am${k}`;
  });
  if (musicLabels.length === 0) {
    chains.push(`[aclips]anull[${out}]`);
    return chains;
  }
  chains.push(...sumStereo(musicLabels, 'amusic'));

  const duck = anyClipAudio && music.some((m) => m.duck);
  if (!duck) {
    chains.push(...sumStereo(['aclips', 'amusic'], out));
    return chains;
  }
  if (ctx.hasSidechaincompress) {
    chains.push('[aclips]asplit=2[aclipsmix][aclipskey]', `[amusic][aclipskey]${DUCK}[aducked]`);
  } else {
    chains.push('[aclips]anull[aclipsmix]', `[amusic]volume=${DUCK_FALLBACK_GAIN}:enable=${filterValue(speechRanges(plan))}[aducked]`);
  }
  chains.push(...sumStereo(['aclipsmix', 'aducked'], out));
  return chains;
}

/** `between(t,0,4.2)+between(t,9,12)`: when the clips' own sound plays. */
function speechRanges(plan: SequencePlan): string {
  return plan.pieces
    .filter((p) => hasClipAudio(p.item))
    .map((p) => `between(t,${sec(p.start)},${sec(p.start + p.duration)})`)
    .join('+');
}

/** Clip audio per piece, joined like the picture: acrossfade under transitions, concat at cuts. */
function clipAudioSequence(plan: SequencePlan, clipInputs: ReadonlyMap<string, number>, out: string): string[] {
  const chains: string[] = [];
  let acc = '';
  plan.pieces.forEach((piece, k) => {
    const next = k === plan.pieces.length - 1 ? out : `aj${k}`;
    const label = k === 0 ? next : `a${k}`;
    chains.push(pieceAudio(piece, clipInputs, label));
    if (k > 0) {
      chains.push(
        piece.join
          ? `[${acc}][${label}]acrossfade=d=${sec(piece.join.d)}[${next}]`
          : `[${acc}][${label}]concat=n=2:v=0:a=1[${next}]`,
      );
    }
    acc = next;
  });
  return chains;
}

function pieceAudio(piece: Piece, clipInputs: ReadonlyMap<string, number>, label: string): string {
  const d = sec(piece.duration);
  const item = piece.item;
  const index = item ? clipInputs.get(item.id) : undefined;
  if (!item || !hasClipAudio(item) || index === undefined) return `${SILENCE},atrim=duration=${d}[${label}]`;
  const filters = ['asetpts=PTS-STARTPTS', ...tempoFilters(item.speed), NORMALIZE];
  if (item.vol !== 1) filters.push(`volume=${item.vol}`);
  filters.push('apad', `atrim=duration=${d}`);
  return `[${index}:a]${filters.join(',')}[${label}]`;
}

/** atempo takes 0.5–2 per instance on older builds, so larger changes are chained. */
export function tempoFilters(speed: number): string[] {
  if (speed === 1) return [];
  const filters: string[] = [];
  let rest = speed;
  while (rest > 2) {
    filters.push('atempo=2');
    rest /= 2;
  }
  while (rest < 0.5) {
    filters.push('atempo=0.5');
    rest /= 0.5;
  }
  filters.push(`atempo=${Math.round(rest * 10000) / 10000}`);
  return filters;
}

function musicChain(m: MusicItem, ctx: AudioContext, label: string): string {
  const needsLoop = m.media.durationMs > 0 && m.media.durationMs < m.in + m.duration;
  const index = ctx.inputs.add([
    ...(needsLoop ? ['-stream_loop', '-1'] : []),
    ...(m.in > 0 ? ['-ss', sec(m.in)] : []),
    '-t', sec(m.duration),
    '-i', m.media.path,
  ]);
  const filters = ['asetpts=PTS-STARTPTS', NORMALIZE, `volume=${m.vol}`];
  if (m.fadeIn > 0) filters.push(`afade=t=in:st=0:d=${sec(m.fadeIn)}`);
  if (m.fadeOut > 0) filters.push(`afade=t=out:st=${sec(m.duration - m.fadeOut)}:d=${sec(m.fadeOut)}`);
  // Pad first so the music holds its full slot even if the file is shorter, then place it on the timeline.
  filters.push('apad', `atrim=duration=${sec(m.duration)}`);
  if (m.start > 0 || m.duration < ctx.durationMs) {
    if (m.start > 0) filters.push(`adelay=${Math.round(m.start)}|${Math.round(m.start)}`);
    filters.push('apad', `atrim=duration=${sec(ctx.durationMs)}`);
  }
  return `[${index}:a]${filters.join(',')}[${label}]`;
}

/**
 * Sums stereo streams: amerge puts them side by side and pan adds them up. Unlike amix this never divides by
 * the number of inputs (older builds have no `normalize=0`), so levels are what the draft says.
 */
export function sumStereo(labels: readonly string[], out: string): string[] {
  if (labels.length === 1) return [`[${labels[0]}]anull[${out}]`];
  const left = labels.map((_, i) => `c${2 * i}`).join('+');
  const right = labels.map((_, i) => `c${2 * i + 1}`).join('+');
  // amerge needs a known layout on every input; some filters (sidechaincompress) leave it unset.
  const tagged = labels.map((l) => `[${l}]aformat=${STEREO}[${l}s]`);
  return [...tagged, `${labels.map((l) => `[${l}s]`).join('')}amerge=inputs=${labels.length},pan=stereo|c0=${left}|c1=${right}[${out}]`];
}
