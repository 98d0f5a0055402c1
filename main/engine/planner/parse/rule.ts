/** The shape shared by the parsing rules: a clause in, ops and stated assumptions out. */
import type { LocalDraft } from '../../../../shared/draft';
import type { MediaRecord } from '../../types';
import type { Op } from '../ops';
import type { Said } from '../outcome';

export interface Clause {
  /** Normalized: lower case, digits for numbers, quoted texts replaced by «n». */
  text: string;
  /** Every quoted text of the whole message, by number. */
  quotes: readonly string[];
  zh: boolean;
  /** The whole message with its case (quotes lifted), to recover free text such as a title after "saying". */
  message: string;
}

export interface ParseContext {
  media: readonly MediaRecord[];
  draft: LocalDraft;
}

export interface RuleHit {
  ops: Op[];
  notes?: Said[];
}

export type Rule = (clause: Clause, ctx: ParseContext) => RuleHit | undefined;

export const hit = (ops: Op[], notes?: Said[]): RuleHit => (notes && notes.length > 0 ? { ops, notes } : { ops });

/** A hit with no op: the request was understood but cannot be done (the note says why). */
export const cannot = (en: string, zh: string): RuleHit => ({ ops: [], notes: [{ en, zh }] });

export const REMOVE_VERB = /\b(?:remove|delete|drop|get rid of|take (?:out|off|away)|lose|ditch|kill|clear|erase|strip|cut out|without|no more|don't want|do not want)\b|\bno (?=\w)|删除|删掉|删了|去掉|去除|拿掉|移除|不要|取消|清除|关掉|关闭|撤掉/;
