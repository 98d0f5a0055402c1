/** Transition ops: a transition belongs to the join into a clip (`m.tr` on that clip). */
import type { LocalDraft } from '../../../shared/draft';
import { clipIndex, videoSegments } from './draft-model';
import type { OpOf } from './ops';
import { done, failed, noClip, type Outcome } from './outcome';

function joinIndexes(draft: LocalDraft, into: number | 'last' | 'all'): number[] | Outcome {
  const segs = videoSegments(draft);
  if (segs.length < 2) return failed('Transitions go between clips, and the timeline has fewer than two.', '转场要放在两个片段之间，但时间线上还不到两个片段。');
  if (into === 'all') return segs.map((_, i) => i).slice(1);
  const index = clipIndex(draft, into);
  if (index === undefined) return noClip(into, segs.length);
  if (index === 0) return failed('The first clip has nothing before it, so a transition goes before clip 2 or later.', '第一个片段前面没有片段，转场只能放在第 2 个片段或之后。');
  return [index];
}

export function setTransition(draft: LocalDraft, op: OpOf<'set_transition'>): Outcome {
  const joins = joinIndexes(draft, op.into);
  if (!Array.isArray(joins)) return joins;
  const segs = videoSegments(draft);
  for (const i of joins) {
    const seg = segs[i];
    if (seg) seg.m.tr = { type: op.type, d: op.ms };
  }
  return done();
}

export function removeTransitions(draft: LocalDraft, op: OpOf<'remove_transitions'>): Outcome {
  const joins = joinIndexes(draft, op.into);
  if (!Array.isArray(joins)) return joins;
  const segs = videoSegments(draft);
  if (!joins.some((i) => segs[i]?.m.tr)) return failed('There are no transitions there to remove.', '那里没有可以删除的转场。');
  for (const i of joins) delete segs[i]?.m.tr;
  return done();
}
