/** Ops that add, remove and reorder clips on the video track. */
import type { LocalDraft } from '../../../shared/draft';
import type { MediaRecord } from '../types';
import { clipIndex, mediaById, nextSegmentId, videoSegments, videoTrack, type VisualSegment } from './draft-model';
import { DEFAULT_IMAGE_MS, type OpOf } from './ops';
import { done, failed, noClip, type Outcome } from './outcome';

function newClip(draft: LocalDraft, record: MediaRecord): VisualSegment {
  const d = record.kind === 'image' ? DEFAULT_IMAGE_MS : Math.max(1, record.durationMs);
  return { id: nextSegmentId(draft), s: 0, d, m: { src: record.id, name: record.name, kind: record.kind === 'image' ? 'image' : 'video', in: 0 } };
}

/** When every join already has a transition, new joins get the same one, so "transitions between all" stays true. */
function sharedTransition(segs: VisualSegment[]): VisualSegment['m']['tr'] {
  const joins = segs.slice(1);
  if (joins.length === 0 || !joins.every((seg) => seg.m.tr)) return undefined;
  const last = joins[joins.length - 1]?.m.tr;
  return last ? { type: last.type, d: last.req ?? last.d } : undefined;
}

export function addClips(draft: LocalDraft, op: OpOf<'add_clips'>, media: readonly MediaRecord[]): Outcome {
  const records = op.media.map((id) => mediaById(media, id));
  const missing = op.media.filter((_, i) => !records[i] || records[i]?.kind === 'audio');
  if (missing.length > 0) return failed(`I can't find ${missing.join(', ')} among your uploaded images and clips.`, `在已上传的图片和视频里找不到 ${missing.join('、')}。`);
  const track = videoTrack(draft);
  const tr = sharedTransition(track.sg);
  const at = op.at === undefined ? track.sg.length : Math.max(0, Math.min(track.sg.length, op.at - 1));
  const added: VisualSegment[] = [];
  for (const record of records) {
    if (!record) continue;
    const seg = newClip(draft, record);
    track.sg.splice(at + added.length, 0, seg);
    added.push(seg);
  }
  if (tr) for (const seg of track.sg.slice(1)) seg.m.tr ??= { ...tr };
  return done();
}

export function removeClips(draft: LocalDraft, op: OpOf<'remove_clips'>): Outcome {
  const segs = videoSegments(draft);
  const indexes = new Set<number>();
  for (const ref of op.clips) {
    const index = clipIndex(draft, ref);
    if (index === undefined) return noClip(ref, segs.length);
    indexes.add(index);
  }
  videoTrack(draft).sg = segs.filter((_, i) => !indexes.has(i));
  return done();
}

export function moveClip(draft: LocalDraft, op: OpOf<'move_clip'>): Outcome {
  const count = videoSegments(draft).length;
  const from = clipIndex(draft, op.clip);
  const to = clipIndex(draft, op.to);
  if (from === undefined) return noClip(op.clip, count);
  if (to === undefined) return noClip(op.to, count);
  const order = Array.from({ length: count }, (_, i) => i);
  order.splice(from, 1);
  order.splice(to, 0, from);
  reorder(draft, order);
  return done();
}

export function swapClips(draft: LocalDraft, op: OpOf<'swap_clips'>): Outcome {
  const count = videoSegments(draft).length;
  const a = clipIndex(draft, op.a);
  const b = clipIndex(draft, op.b);
  if (a === undefined) return noClip(op.a, count);
  if (b === undefined) return noClip(op.b, count);
  const order = Array.from({ length: count }, (_, i) => (i === a ? b : i === b ? a : i));
  reorder(draft, order);
  return done();
}

function setTr(seg: VisualSegment, tr: VisualSegment['m']['tr']): void {
  if (tr) seg.m.tr = tr;
  else delete seg.m.tr;
}

/** Reorders clips (0-based source indexes) keeping each join's transition at its place in the sequence. */
function reorder(draft: LocalDraft, order: number[]): void {
  const segs = videoSegments(draft);
  const joins = segs.map((seg) => seg.m.tr);
  const next = order.map((i) => segs[i]).filter((seg): seg is VisualSegment => seg !== undefined);
  next.forEach((seg, i) => setTr(seg, joins[i]));
  videoTrack(draft).sg = next;
}

export function reverseClips(draft: LocalDraft): Outcome {
  const count = videoSegments(draft).length;
  if (count < 2) return failed('There need to be at least two clips to reverse their order.', '至少要有两个片段才能倒序。');
  reorder(
    draft,
    Array.from({ length: count }, (_, i) => count - 1 - i),
  );
  return done();
}

export function orderClips(draft: LocalDraft, op: OpOf<'order_clips'>): Outcome {
  const count = videoSegments(draft).length;
  const wrong = op.order.find((n) => !Number.isInteger(n) || n < 1 || n > count);
  if (wrong !== undefined) return noClip(wrong, count);
  if (new Set(op.order).size !== op.order.length) return failed('Each clip can appear only once in the new order.', '新顺序里每个片段只能出现一次。');
  // Clips not named keep their relative order after the named ones.
  const rest = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !op.order.includes(n));
  reorder(
    draft,
    [...op.order, ...rest].map((n) => n - 1),
  );
  return done();
}
