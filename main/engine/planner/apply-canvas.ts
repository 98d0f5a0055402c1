/** Canvas size, fit mode and the project title. */
import type { LocalDraft } from '../../../shared/draft';
import { clipSetIndexes, videoSegments } from './draft-model';
import type { OpOf } from './ops';
import { done, failed, type Outcome } from './outcome';

export function setCanvas(draft: LocalDraft, op: OpOf<'set_canvas'>): Outcome {
  if (op.width < 16 || op.height < 16 || op.width > 8192 || op.height > 8192) return failed('That canvas size is out of range.', '画布尺寸超出范围。');
  // Encoders need even sizes for yuv420p.
  draft.m.width = Math.round(op.width / 2) * 2;
  draft.m.height = Math.round(op.height / 2) * 2;
  return done();
}

export function setFit(draft: LocalDraft, op: OpOf<'set_fit'>): Outcome {
  const segs = videoSegments(draft);
  if (op.clips === 'all') {
    draft.m.fit = op.mode;
    for (const seg of segs) delete seg.m.fit;
    return done();
  }
  const indexes = clipSetIndexes(draft, op.clips);
  if (indexes.length === 0) return failed('There is no such clip on the timeline.', '时间线上没有这个片段。');
  for (const i of indexes) {
    const seg = segs[i];
    if (seg) seg.m.fit = op.mode;
  }
  return done();
}

export function setProjectTitle(draft: LocalDraft, op: OpOf<'set_project_title'>): Outcome {
  draft.m.title = op.title;
  return done();
}
