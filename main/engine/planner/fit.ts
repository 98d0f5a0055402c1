/**
 * "Make it N seconds": clips keep their natural pace (shortened only when they alone are too long), images share
 * what is left (at least 1 s each), and transitions are counted, so the result is exactly N ms long.
 * Natural means the clip's source length (its trims and speed, not an earlier fit), and transitions start from the
 * lengths the user asked for, so fitting shorter and then longer again gives back the same edit.
 */
import type { LocalDraft } from '../../../shared/draft';
import type { MediaRecord } from '../types';
import { naturalMs, videoSegments, type VisualSegment } from './draft-model';
import { requestedTransitionMs, settleTransitions } from './layout';
import type { OpOf } from './ops';
import { done, failed, type Outcome } from './outcome';
import { seconds } from './said';

export const MIN_IMAGE_MS = 1000;
const MIN_VIDEO_MS = 500;

/** Transition lengths after the half-of-the-shorter-neighbour rule, for given clip lengths. */
function clampedTransitions(requested: number[], lengths: number[]): number[] {
  return requested.map((wanted, i) => {
    if (i === 0) return 0;
    const prev = lengths[i - 1] ?? 0;
    const cur = lengths[i] ?? 0;
    return Math.min(wanted, Math.floor(Math.min(prev, cur) / 2));
  });
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** Scales lengths down proportionally to add up to `total` exactly (the rounding rest goes to the longest). */
function scaleTo(lengths: number[], total: number, min: number): number[] {
  const current = sum(lengths);
  const scaled = lengths.map((d) => Math.max(min, Math.floor((d * total) / current)));
  const longest = scaled.indexOf(Math.max(...scaled));
  scaled[longest] = (scaled[longest] ?? 0) + total - sum(scaled);
  return scaled;
}

/** Lengths that make the clips add up to `need` (before overlaps), or undefined when that is impossible. */
function lengthsFor(segs: VisualSegment[], natural: number[], need: number): number[] | undefined {
  const images = segs.flatMap((seg, i) => (seg.m.kind === 'image' ? [i] : []));
  const videos = segs.flatMap((seg, i) => (seg.m.kind === 'image' ? [] : [i]));
  const videoTotal = sum(videos.map((i) => natural[i] ?? 0));
  const lengths = [...natural];
  let videoBudget: number;
  if (images.length > 0) {
    const perImage = Math.floor((need - videoTotal) / images.length);
    if (perImage >= MIN_IMAGE_MS) {
      images.forEach((i) => (lengths[i] = perImage));
      const lastImage = images[images.length - 1] ?? 0;
      lengths[lastImage] = perImage + (need - videoTotal - perImage * images.length);
      return lengths;
    }
    images.forEach((i) => (lengths[i] = MIN_IMAGE_MS));
    videoBudget = need - MIN_IMAGE_MS * images.length;
  } else {
    videoBudget = Math.min(need, videoTotal);
  }
  if (videos.length === 0 || videoBudget < MIN_VIDEO_MS * videos.length) return undefined;
  if (videoBudget < videoTotal) {
    const scaled = scaleTo(videos.map((i) => natural[i] ?? 0), videoBudget, MIN_VIDEO_MS);
    videos.forEach((i, k) => (lengths[i] = scaled[k] ?? MIN_VIDEO_MS));
  }
  return lengths;
}

const totalOf = (segs: VisualSegment[]): number => sum(segs.map((seg) => seg.d)) - sum(segs.map((seg) => seg.m.tr?.d ?? 0));

const minimum = (seg: VisualSegment): number => (seg.m.kind === 'image' ? MIN_IMAGE_MS : MIN_VIDEO_MS);

/**
 * When the overlaps did not settle, the last few ms go to the longest image (or come off the longest item that
 * stays above its minimum): the longest one is never the shorter neighbour of a join, so its change moves no transition.
 */
function correctRounding(segs: VisualSegment[], target: number, natural: number[]): number {
  const diff = target - totalOf(segs);
  if (diff === 0) return target;
  const fits = (seg: VisualSegment, i: number): boolean =>
    seg.d + diff >= minimum(seg) && (seg.m.kind === 'image' || seg.d + diff <= (natural[i] ?? 0));
  const images = segs.filter((seg, i) => seg.m.kind === 'image' && fits(seg, i));
  const pool = images.length > 0 ? images : segs.filter(fits);
  const longest = pool.reduce<VisualSegment | undefined>((a, b) => (!a || b.d > a.d ? b : a), undefined);
  if (longest) longest.d += diff;
  settleTransitions(segs);
  return totalOf(segs);
}

export function fitTotal(draft: LocalDraft, op: OpOf<'fit_total'>, media: readonly MediaRecord[]): Outcome {
  const segs = videoSegments(draft);
  if (segs.length === 0) return failed('Add some clips first, then I can fit the video to a length.', '请先添加片段，然后才能调整总时长。');
  const natural = segs.map((seg) => naturalMs(seg, media));
  const requested = segs.map((seg, i) => (i === 0 ? 0 : requestedTransitionMs(seg)));
  let transitions = clampedTransitions(requested, natural);
  let lengths: number[] | undefined;
  // Clamping depends on the new lengths and the lengths on the overlaps: a few rounds settle it.
  for (let round = 0; round < 6; round++) {
    lengths = lengthsFor(segs, natural, op.ms + sum(transitions));
    if (!lengths) break;
    const next = clampedTransitions(requested, lengths);
    if (sum(next) === sum(transitions)) break;
    transitions = next;
  }
  if (!lengths) {
    return failed(
      `${seconds(op.ms)} s is too short for ${segs.length} clips (each needs at least ${seconds(MIN_IMAGE_MS)} s for an image or ${seconds(MIN_VIDEO_MS)} s for a clip).`,
      `${seconds(op.ms)} 秒放不下 ${segs.length} 个片段（每张图片至少 ${seconds(MIN_IMAGE_MS)} 秒，每个视频至少 ${seconds(MIN_VIDEO_MS)} 秒）。`,
    );
  }
  segs.forEach((seg, i) => {
    seg.d = lengths?.[i] ?? seg.d;
  });
  settleTransitions(segs);
  const total = correctRounding(segs, op.ms, natural);
  if (total === op.ms) draft.m.target = op.ms;
  else delete draft.m.target;
  if (total < op.ms) {
    return done({
      en: `Your clips only add up to ${seconds(total)} s, so the video is ${seconds(total)} s. Add images or slow a clip down to make it longer.`,
      zh: `所有片段加起来只有 ${seconds(total)} 秒，所以视频是 ${seconds(total)} 秒。可以加图片或放慢片段来延长。`,
    });
  }
  return done();
}
