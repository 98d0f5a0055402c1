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
import { done, type Outcome, type Said } from './outcome';
import { seconds } from './said';
import { musicSegment } from './draft-model';

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
      return fitTotal(draft, op, media);
    case 'set_speed':
      return setSpeed(draft, op, media);
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

/** Two notes of one op read as one. */
function withNote(outcome: Outcome, note: Said | undefined): Outcome {
  if (!note || !outcome.ok) return outcome;
  return done(outcome.note ? { en: `${outcome.note.en} ${note.en}`, zh: `${outcome.note.zh}${note.zh}` } : note);
}

const CHANGES_TRANSITIONS = new Set<Op['op']>(['set_transition', 'remove_transitions']);

/**
 * The length the user asked for ("make it 60 seconds") is kept in `m.target`. A transition edit changes the
 * overlaps, so the video is fitted to that length again; any other edit that changes the length ends the promise,
 * and the reply says so rather than letting the length drift unmentioned.
 */
function keepTarget(before: LocalDraft, after: LocalDraft, op: Op, media: readonly MediaRecord[]): Said | undefined {
  const target = before.m.target;
  if (target === undefined || op.op === 'fit_total' || after.d === target) return undefined;
  if (CHANGES_TRANSITIONS.has(op.op)) {
    const refit = fitTotal(after, { op: 'fit_total', ms: target }, media);
    relayout(after, media);
    if (refit.ok && after.d === target) {
      return { en: `The video stays ${seconds(target)} s long, as you asked: the images and clips were refitted.`, zh: `视频仍是你要求的 ${seconds(target)} 秒：已重新调整图片和片段的时长。` };
    }
  }
  delete after.m.target;
  return {
    en: `The video is now ${seconds(after.d)} s long (it was fitted to ${seconds(target)} s); say "make it ${seconds(target)} seconds" to fit it again.`,
    zh: `视频现在是 ${seconds(after.d)} 秒（之前调整为 ${seconds(target)} 秒）；可以说“做成${seconds(target)}秒”重新调整。`,
  };
}

/** Music shorter than the video repeats to fill it: say so whenever that starts (new music, or the video grew past it). */
function musicLoopNote(before: LocalDraft, after: LocalDraft): Said | undefined {
  const music = musicSegment(after);
  if (!music?.m.loop) return undefined;
  const previous = musicSegment(before);
  if (previous?.m.loop && previous.m.src === music.m.src) return undefined;
  return {
    en: `The music "${music.m.name}" is shorter than the ${seconds(after.d)} s video, so it repeats to fill it.`,
    zh: `音乐“${music.m.name}”比 ${seconds(after.d)} 秒的视频短，会循环播放直到结尾。`,
  };
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
  for (const [i, op] of ops.entries()) {
    const next = structuredClone(current);
    let outcome = applyOne(next, op, media);
    if (outcome.ok) {
      relayout(next, media);
      // A length asked for in this same message replaces the old one: nothing to keep or to warn about.
      const refitted = ops.slice(i + 1).some((later) => later.op === 'fit_total');
      if (!refitted) outcome = withNote(outcome, keepTarget(current, next, op, media));
      outcome = withNote(outcome, musicLoopNote(current, next));
      current = next;
    }
    applied.push({ op, outcome });
  }
  return { draft: current, applied };
}

/** Pure: returns a new draft; the input is never changed. Ops that cannot be done are skipped. */
export function applyOps(draft: LocalDraft, ops: readonly Op[], media: readonly MediaRecord[]): LocalDraft {
  return applyOpsDetailed(draft, ops, media).draft;
}
