/** The `timeline` event from a state reply: summary, what changed, and whether undo/redo can do anything. */
import type { Timeline } from '../../shared/bridge';
import { readDraft, summarize } from '../../shared/draft';
import type { StateResponse } from '../../shared/protocol';

/**
 * The local engine reports its history (`draft_history: {index, versions}`); the cloud does not, so there we
 * count our own changed turns: each change can be undone, each undo can be redone until the next change.
 */
export interface UndoDepth {
  undo: number;
  redo: number;
}

export function historyOf(state: StateResponse | undefined): { canUndo: boolean; canRedo: boolean } | null {
  const history = (state?.state as { draft_history?: unknown } | undefined)?.draft_history;
  if (typeof history !== 'object' || history === null) return null;
  const { index, versions } = history as { index?: unknown; versions?: unknown };
  if (typeof index !== 'number' || typeof versions !== 'number') return null;
  return { canUndo: index > 0, canRedo: index < versions - 1 };
}

/** Our own count after a turn: `kind` is what the message was, `changed` whether the draft moved. */
export function nextUndoDepth(depth: UndoDepth, kind: 'undo' | 'redo' | 'edit', changed: boolean): UndoDepth {
  if (!changed) return depth;
  if (kind === 'undo') return { undo: Math.max(0, depth.undo - 1), redo: depth.redo + 1 };
  if (kind === 'redo') return { undo: depth.undo + 1, redo: Math.max(0, depth.redo - 1) };
  return { undo: depth.undo + 1, redo: 0 };
}

export function buildTimeline(
  state: StateResponse | undefined,
  changes: { sentences: string[]; changedIds: string[] },
  depth: UndoDepth,
): Timeline {
  const draft = state?.state?.draft ?? {};
  const reported = historyOf(state);
  return {
    draft,
    summary: summarize(readDraft(draft)),
    changes: changes.sentences,
    changedIds: changes.changedIds,
    canUndo: reported?.canUndo ?? depth.undo > 0,
    canRedo: reported?.canRedo ?? depth.redo > 0,
  };
}

export const EMPTY_TIMELINE: Timeline = { draft: {}, summary: summarize(readDraft({})), changes: [], changedIds: [], canUndo: false, canRedo: false };
