/**
 * The local engine's planner: a chat message → timeline ops → one new draft version, with a plain-words reply
 * that ends with the timeline summary. Pure and deterministic: no clock, no I/O.
 */
import { summarize, type Draft, type LocalDraft } from '../../../shared/draft';
import type { DraftHistory, MediaRecord, PlannerCall, PlannerResult } from '../types';
import { applyOps, applyOpsDetailed } from './apply';
import { CAPABILITIES, describeOp, type Lang } from './describe';
import { emptyDraft } from './draft-model';
import { currentDraft, emptyHistory, moveIndex, pushVersion } from './history';
import type { Op } from './ops';
import { parseDetailed } from './parse';
import type { ParseContext } from './parse/rule';

export type { Op, ClipRef, ClipSet, TransitionType, TextTarget } from './ops';
export { TRANSITION_TYPES, CANVAS_BY_ASPECT } from './ops';
export { applyOps, currentDraft, emptyDraft, emptyHistory };

export function parseMessage(message: string, ctx: { media: MediaRecord[]; draft: LocalDraft }): { ops: Op[]; notes: string[]; unknown: string[] } {
  const parsed = parseDetailed(message, ctx);
  return { ops: parsed.ops, notes: parsed.notes.map((note) => (parsed.zh ? note.zh : note.en)), unknown: parsed.unknown };
}

function replyLanguage(message: string, zh: boolean, preferred: Lang | undefined): Lang {
  if (zh) return 'zh';
  if (/[a-z]/i.test(message)) return 'en';
  return preferred ?? 'en';
}

/** LocalDraft is the strict form of Draft (same keys); the loose schema type only lacks the index signatures. */
const summaryLine = (draft: LocalDraft): string => summarize(draft as unknown as Draft);

const same = (a: LocalDraft, b: LocalDraft): boolean => JSON.stringify(a) === JSON.stringify(b);

interface Turn {
  history: DraftHistory;
  lines: string[];
  calls: PlannerCall[];
}

function historyStep(turn: Turn, op: Extract<Op, { op: 'undo' | 'redo' }>, lang: Lang): Turn {
  const { history, moved } = moveIndex(turn.history, op.op === 'undo' ? -op.steps : op.steps);
  const lines = [...turn.lines];
  if (moved === 0) {
    lines.push(op.op === 'undo' ? (lang === 'zh' ? '没有可以撤销的操作了。' : 'There is nothing to undo.') : lang === 'zh' ? '没有可以重做的操作。' : 'There is nothing to redo.');
    return { ...turn, lines };
  }
  const en = op.op === 'undo' ? `Undid the last ${moved === 1 ? 'change' : `${moved} changes`}.` : `Redid ${moved === 1 ? 'the change' : `${moved} changes`}.`;
  const zh = op.op === 'undo' ? `已撤销${moved === 1 ? '上一步' : ` ${moved} 步`}。` : `已重做${moved === 1 ? '' : ` ${moved} 步`}。`;
  lines.push(lang === 'zh' ? zh : en);
  return { history, lines, calls: [...turn.calls, { name: op.op, args: { ...op, steps: moved } }] };
}

function editStep(turn: Turn, ops: Op[], media: readonly MediaRecord[], lang: Lang): Turn {
  const before = currentDraft(turn.history);
  const { draft, applied } = applyOpsDetailed(before, ops, media);
  const lines = [...turn.lines];
  const calls = [...turn.calls];
  for (const { op, outcome } of applied) {
    if (outcome.ok) {
      lines.push(describeOp(op, draft)[lang]);
      if (outcome.note) lines.push(outcome.note[lang]);
      calls.push({ name: op.op, args: { ...op } });
    } else {
      lines.push(outcome.why[lang]);
    }
  }
  const history = calls.length > turn.calls.length && !same(before, draft) ? pushVersion(turn.history, draft) : turn.history;
  return { history, lines, calls };
}

function notUnderstood(message: string, lang: Lang): string {
  const quoted = message.trim().slice(0, 120);
  return lang === 'zh' ? `抱歉，这个我做不到：“${quoted}”。\n${CAPABILITIES.zh}` : `Sorry, I can't do that: "${quoted}".\n${CAPABILITIES.en}`;
}

export function handleMessage(history: DraftHistory, message: string, media: MediaRecord[], opts?: { language?: Lang }): PlannerResult {
  const ctx: ParseContext = { media, draft: currentDraft(history) };
  const parsed = parseDetailed(message, ctx);
  const lang = replyLanguage(message, parsed.zh, opts?.language);
  const understood = parsed.ops.length > 0 || parsed.notes.length > 0;
  if (!understood) {
    return { history, reply: `${notUnderstood(message, lang)}\n${summaryLine(currentDraft(history))}`, calls: [], understood: false };
  }
  let turn: Turn = { history, lines: [], calls: [] };
  let pending: Op[] = [];
  const flush = (): void => {
    if (pending.length > 0) turn = editStep(turn, pending, media, lang);
    pending = [];
  };
  for (const op of parsed.ops) {
    if (op.op === 'undo' || op.op === 'redo') {
      flush();
      turn = historyStep(turn, op, lang);
    } else {
      pending.push(op);
    }
  }
  flush();
  const notes = parsed.notes.map((note) => note[lang]);
  const skipped = parsed.unknown.map((text) => (lang === 'zh' ? `这部分我没能理解：“${text}”。` : `I didn't understand this part: "${text}".`));
  const lines = [...turn.lines, ...notes, ...skipped];
  return { history: turn.history, reply: `${lines.join('\n')}\n${summaryLine(currentDraft(turn.history))}`, calls: turn.calls, understood: true };
}
