/** Ops that change how long clips play: trims, durations and speed. */
import type { LocalDraft } from '../../../shared/draft';
import type { MediaRecord } from '../types';
import { availableMs, clipIndex, clipSetIndexes, markOutPoint, mediaById, sourceSpanMs, videoSegments, type VisualSegment } from './draft-model';
import type { ClipSet, OpOf, TrimOp } from './ops';
import { done, failed, noClip, type Outcome } from './outcome';
import { seconds } from './said';

const MIN_CLIP_MS = 100;

function sourceLengthMs(seg: VisualSegment, media: readonly MediaRecord[]): number {
  return seg.m.kind === 'image' ? Number.POSITIVE_INFINITY : (mediaById(media, seg.m.src)?.durationMs ?? seg.m.in + seg.d * (seg.m.speed ?? 1));
}

/** The new in-point and timeline length for a trim, or undefined when nothing of the clip would be left. */
function trimmed(seg: VisualSegment, op: TrimOp, media: readonly MediaRecord[]): { in: number; d: number } | undefined {
  const speed = seg.m.speed ?? 1;
  const image = seg.m.kind === 'image';
  let result: { in: number; d: number };
  switch (op.mode) {
    case 'cut_start':
      result = { in: image ? 0 : seg.m.in + Math.round(op.ms * speed), d: seg.d - op.ms };
      break;
    case 'cut_end':
      result = { in: seg.m.in, d: seg.d - op.ms };
      break;
    case 'keep_first':
      result = { in: seg.m.in, d: Math.min(seg.d, op.ms) };
      break;
    case 'keep_last':
      result = { in: image ? 0 : seg.m.in + Math.round(Math.max(0, seg.d - op.ms) * speed), d: Math.min(seg.d, op.ms) };
      break;
    case 'keep_range': {
      // A range names times in the original file, whatever was trimmed before.
      const to = Math.min(op.toMs, sourceLengthMs(seg, media));
      result = { in: image ? 0 : op.fromMs, d: Math.round((to - op.fromMs) / speed) };
      break;
    }
  }
  return result.d >= MIN_CLIP_MS ? result : undefined;
}

export function trimClip(draft: LocalDraft, op: TrimOp, media: readonly MediaRecord[]): Outcome {
  const segs = videoSegments(draft);
  const index = clipIndex(draft, op.clip);
  const seg = index === undefined ? undefined : segs[index];
  if (index === undefined || !seg) return noClip(op.clip, segs.length);
  const next = trimmed(seg, op, media);
  if (!next) return failed(`That would leave nothing of clip ${index + 1} (it is ${seconds(seg.d)} s long).`, `这样第 ${index + 1} 个片段就没有内容了（它只有 ${seconds(seg.d)} 秒）。`);
  seg.m.in = next.in;
  seg.d = next.d;
  markOutPoint(seg);
  return done();
}

function setOneDuration(seg: VisualSegment, ms: number, media: readonly MediaRecord[]): boolean {
  const limit = availableMs(seg, media);
  seg.d = Math.max(MIN_CLIP_MS, Math.min(ms, limit));
  markOutPoint(seg);
  return ms <= limit;
}

function describeSet(set: ClipSet): { en: string; zh: string } {
  if (set === 'images') return { en: 'images', zh: '图片' };
  if (set === 'videos') return { en: 'video clips', zh: '视频片段' };
  return { en: 'clips', zh: '片段' };
}

function noneIn(draft: LocalDraft, set: ClipSet): Outcome {
  if (typeof set === 'number' || set === 'last') return noClip(set, videoSegments(draft).length);
  const what = describeSet(set);
  return failed(`There are no ${what.en} on the timeline.`, `时间线上没有${what.zh}。`);
}

export function setDuration(draft: LocalDraft, op: OpOf<'set_duration'>, media: readonly MediaRecord[]): Outcome {
  const indexes = clipSetIndexes(draft, op.clips);
  if (indexes.length === 0) return noneIn(draft, op.clips);
  const segs = videoSegments(draft);
  const short: string[] = [];
  for (const i of indexes) {
    const seg = segs[i];
    if (seg && !setOneDuration(seg, op.ms, media)) short.push(`${i + 1} (${seconds(seg.d)} s)`);
  }
  if (short.length === 0) return done();
  return done({
    en: `Clip ${short.join(', ')} is shorter than ${seconds(op.ms)} s, so it plays in full.`,
    zh: `第 ${short.join('、')} 个片段不足 ${seconds(op.ms)} 秒，所以完整保留。`,
  });
}

export const MIN_SPEED = 0.25;
export const MAX_SPEED = 4;

export function setSpeed(draft: LocalDraft, op: OpOf<'set_speed'>, media: readonly MediaRecord[]): Outcome {
  const segs = videoSegments(draft);
  const indexes = clipSetIndexes(draft, op.clips).filter((i) => segs[i]?.m.kind === 'video');
  if (indexes.length === 0) {
    const images = clipSetIndexes(draft, op.clips).map((i) => `${i + 1} (${segs[i]?.m.name ?? '?'})`);
    if (images.length > 0) {
      const which = typeof op.clips === 'number' || op.clips === 'last' ? { en: `Clip ${images.join(', ')} is an image`, zh: `第 ${images.join('、')} 个是图片` } : { en: 'Those are images', zh: '这些是图片' };
      return failed(`${which.en}: speed applies to video clips; images have no motion to speed up.`, `${which.zh}：速度只能用于视频片段，图片没有可以加速的画面。`);
    }
    return noneIn(draft, op.clips);
  }
  const factor = Math.min(MAX_SPEED, Math.max(MIN_SPEED, op.factor));
  for (const i of indexes) {
    const seg = segs[i];
    if (!seg) continue;
    // From the clip's own length, not a length an earlier fit squeezed it to.
    const source = sourceSpanMs(seg, media);
    seg.d = Math.max(MIN_CLIP_MS, Math.round(source / factor));
    if (factor === 1) delete seg.m.speed;
    else seg.m.speed = factor;
  }
  if (factor === op.factor) return done();
  return done({ en: `Speed is limited to ${MIN_SPEED}–${MAX_SPEED}×, so I used ${factor}×.`, zh: `速度范围是 ${MIN_SPEED}–${MAX_SPEED} 倍，所以用了 ${factor} 倍。` });
}

export function setClipVolume(draft: LocalDraft, op: OpOf<'set_clip_volume'>): Outcome {
  const segs = videoSegments(draft);
  const indexes = clipSetIndexes(draft, op.clips).filter((i) => segs[i]?.m.kind === 'video');
  if (indexes.length === 0) return noneIn(draft, op.clips === 'all' ? 'videos' : op.clips);
  for (const i of indexes) {
    const seg = segs[i];
    if (!seg) continue;
    if (op.vol === 1) delete seg.m.vol;
    else seg.m.vol = op.vol;
  }
  return done();
}

export function setZoom(draft: LocalDraft, op: OpOf<'set_zoom'>): Outcome {
  const segs = videoSegments(draft);
  const indexes = clipSetIndexes(draft, op.clips).filter((i) => segs[i]?.m.kind === 'image');
  if (indexes.length === 0) return noneIn(draft, 'images');
  for (const i of indexes) {
    const seg = segs[i];
    if (!seg) continue;
    if (op.zoom === 0) delete seg.m.zoom;
    else seg.m.zoom = op.zoom;
  }
  return done();
}
