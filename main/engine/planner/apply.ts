/** Applies ops to a draft: one private copy, each op in turn, layout after each, so later ops see real times. */
import type { LocalDraft } from '../../../shared/draft';
import type { MediaRecord } from '../types';
import { addClips, moveClip, orderClips, removeClips, reverseClips, swapClips } from './apply-clips';
import { addMusic, nudgeMusic, removeMusic, setMusic } from './apply-audio';
import { setCanvas, setFit, setProjectTitle } from './apply-canvas';
import { addText, editText, removeText, setOverlays } from './apply-text';
import { setClipVolume, setDuration, setSpeed, setZoom, trimClip } from './apply-timing';
import { removeTransitions, setTransition } from './apply-transitions';
import { fitTotal } from './fit';
import { relayout } from './layout';
import type { Op } from './ops';
import { done, type Outcome } from './outcome';

/** Edits `draft` in place (callers pass a copy). Undo and redo are history moves, not draft edits. */
function applyOne(draft: LocalDraft, op: Op, media: readonly MediaRecord[]): Outcome {
  switch (op.op) {
    case 'add_clips':
      return addClips(draft, op, media);
    case 'remove_clips':
      return removeClips(draft, op);
    case 'move_clip':
      return moveClip(draft, op);
    case 'swap_clips':
      return swapClips(draft, op);
    case 'reverse_clips':
      return reverseClips(draft);
    case 'order_clips':
      return orderClips(draft, op);
    case 'trim_clip':
      return trimClip(draft, op, media);
    case 'set_duration':
      return setDuration(draft, op, media);
    case 'fit_total':
      return fitTotal(draft, op);
    case 'set_speed':
      return setSpeed(draft, op);
    case 'set_transition':
      return setTransition(draft, op);
    case 'remove_transitions':
      return removeTransitions(draft, op);
    case 'add_text':
      return addText(draft, op);
    case 'set_overlays':
      return setOverlays(draft, op);
    case 'edit_text':
      return editText(draft, op);
    case 'remove_text':
      return removeText(draft, op);
    case 'add_music':
      return addMusic(draft, op, media);
    case 'set_music':
      return setMusic(draft, op);
    case 'nudge_music':
      return nudgeMusic(draft, op);
    case 'remove_music':
      return removeMusic(draft);
    case 'set_clip_volume':
      return setClipVolume(draft, op);
    case 'set_canvas':
      return setCanvas(draft, op);
    case 'set_fit':
      return setFit(draft, op);
    case 'set_zoom':
      return setZoom(draft, op);
    case 'set_project_title':
      return setProjectTitle(draft, op);
    case 'undo':
    case 'redo':
      return done();
  }
}

export interface AppliedOp {
  op: Op;
  outcome: Outcome;
}

/**
 * Applies ops and reports each one's outcome. An op that fails leaves the draft as it was before that op
 * (the copy is taken per op), so one impossible request does not spoil the others in the message.
 */
export function applyOpsDetailed(draft: LocalDraft, ops: readonly Op[], media: readonly MediaRecord[]): { draft: LocalDraft; applied: AppliedOp[] } {
  let current = relayout(structuredClone(draft), media);
  const applied: AppliedOp[] = [];
  for (const op of ops) {
    const next = structuredClone(current);
    const outcome = applyOne(next, op, media);
    if (outcome.ok) current = relayout(next, media);
    applied.push({ op, outcome });
  }
  return { draft: current, applied };
}

/** Pure: returns a new draft; the input is never changed. Ops that cannot be done are skipped. */
export function applyOps(draft: LocalDraft, ops: readonly Op[], media: readonly MediaRecord[]): LocalDraft {
  return applyOpsDetailed(draft, ops, media).draft;
}
