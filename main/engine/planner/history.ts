/** The undoable history: one version per message; undo and redo move the index and never copy drafts. */
import type { LocalDraft } from '../../../shared/draft';
import type { DraftHistory } from '../types';
import { emptyDraft } from './draft-model';

export function emptyHistory(): DraftHistory {
  return { versions: [emptyDraft()], index: 0 };
}

export function currentDraft(history: DraftHistory): LocalDraft {
  return history.versions[history.index] ?? history.versions[history.versions.length - 1] ?? emptyDraft();
}

/** Adds a version after the current one; versions that were undone are dropped (no redo after a new edit). */
export function pushVersion(history: DraftHistory, draft: LocalDraft): DraftHistory {
  const versions = [...history.versions.slice(0, history.index + 1), draft];
  return { versions, index: versions.length - 1 };
}

/** Moves back (negative) or forward; returns how many steps it really moved. */
export function moveIndex(history: DraftHistory, by: number): { history: DraftHistory; moved: number } {
  const target = Math.max(0, Math.min(history.versions.length - 1, history.index + by));
  return { history: { versions: history.versions, index: target }, moved: Math.abs(target - history.index) };
}
