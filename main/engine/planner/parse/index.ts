/**
 * Words → ops. The message is split into clauses; each clause goes through the rules in order of specificity
 * (the first that understands it wins, except aspect and fit mode, which can ride along with anything).
 * A "make me a video" message becomes the build recipe, adjusted by its other clauses.
 */
import { applyOps } from '../apply';
import type { Op } from '../ops';
import type { Said } from '../outcome';
import { canvasFrom, fitFrom, fitTargets } from './rules-canvas';
import { buildOps, isBuildRequest, type BuildOptions } from './flagship';
import { englishNumbersToDigits, chineseNumbersToDigits } from './numbers';
import { clipSoundRule, musicRule } from './rules-audio';
import { clipsRule } from './rules-clips';
import { historyRule } from './rules-history';
import { speedRule, zoomRule } from './rules-speed';
import { textRule, transcriptRule } from './rules-text';
import { bareLengthRule, projectTitleRule, timingRule } from './rules-timing';
import { transitionRule } from './rules-transitions';
import type { Clause, ParseContext, Rule } from './rule';
import { splitClauses } from './split';
import { foldWidth, hasChinese, liftQuotes, restoreQuotes } from './text';
import { quoteIndexes } from './slots';

const RULES: Rule[] = [projectTitleRule, transcriptRule, musicRule, clipSoundRule, zoomRule, transitionRule, textRule, speedRule, clipsRule, timingRule, bareLengthRule];

const LEADING_FILLER =
  /^(?:(?:hey|hi|hello|ok|okay|so|now|and|also|then|please|pls|plz|kindly|could you|can you|would you|will you|could u|can u|you could|i want you to|i'd like you to|i would like you to|i want to|i'd like to|i would like to|i need you to|i need to|i wanna|let's|lets|go ahead and|just|maybe|perhaps|quickly|for me)\b[\s,]*)+/;
const TRAILING_FILLER = /(?:[\s,]*\b(?:please|pls|plz|thanks|thank you|for me|if you can|if possible|too|as well)\b[\s.!?]*)+$/;
const ZH_FILLER_START = /^(?:请你|请|先|麻烦你|麻烦|帮我|帮忙|你能|能不能|能否|可以|可不可以|我想要|我想|我要|我希望|给我|再)+/;
const ZH_FILLER_END = /(?:吧|吗|呢|啊|哦|呀|谢谢|好吗|可以吗|行吗|好不好)+$/;
const SMALL_TALK = /^(?:thanks|thank you|ok|okay|great|cool|nice|perfect|awesome|good|yes|no|hmm|好的|好|谢谢|行|可以|嗯|不错|很好)?$/;

export function normalizeClause(text: string): string {
  return chineseNumbersToDigits(englishNumbersToDigits(text))
    .replace(LEADING_FILLER, '')
    .replace(TRAILING_FILLER, '')
    .replace(ZH_FILLER_START, '')
    .replace(ZH_FILLER_END, '')
    .replace(/[\s,.!?，。！？]+$/, '')
    .trim();
}

export interface ParsedMessage {
  ops: Op[];
  notes: Said[];
  unknown: string[];
  zh: boolean;
}

interface ClauseResult {
  clause: Clause;
  ops: Op[];
  notes: Said[];
  understood: boolean;
  build: boolean;
}

function runRules(clause: Clause, ctx: ParseContext): Omit<ClauseResult, 'clause' | 'build'> {
  const history = historyRule(clause, ctx);
  if (history) return { ops: history.ops, notes: [], understood: true };
  const ops: Op[] = [];
  const canvas = canvasFrom(clause);
  if (canvas.op) ops.push(canvas.op);
  const fit = fitFrom(canvas.rest);
  let restText = fit.rest;
  if (fit.mode) {
    const targets = fitTargets(fit.rest, ctx);
    for (const clips of targets.sets) ops.push({ op: 'set_fit', mode: fit.mode, clips });
    restText = targets.rest;
    if (restText === '') return { ops, notes: [], understood: true };
  }
  const rest: Clause = { ...clause, text: restText };
  for (const rule of RULES) {
    const found = rule(rest, ctx);
    if (found) return { ops: [...ops, ...found.ops], notes: found.notes ?? [], understood: true };
  }
  return { ops, notes: [], understood: ops.length > 0 };
}

/**
 * "it" may mean the feature of the clause before: "add a title and make it red" → the title. Words that only make
 * sense for that feature ("fade it out" after music) take it first; otherwise "it" is the video ("… and make it vertical").
 */
function runWithTopic(clause: Clause, topic: string | undefined, ctx: ParseContext): Omit<ClauseResult, 'clause' | 'build'> {
  const withTopic = (): Omit<ClauseResult, 'clause' | 'build'> => runRules({ ...clause, text: `${clause.text} ${topic ?? ''}` }, ctx);
  if (topic && /music|song|音乐/.test(topic) && /\bfade\b|淡/.test(clause.text) && !/transition|转场/.test(clause.text)) return withTopic();
  const plain = runRules(clause, ctx);
  if (plain.understood || !topic) return plain;
  const retried = withTopic();
  return retried.understood ? retried : plain;
}

/** "add music, volume 30%": settings right after the add belong to it (one op instead of two). */
function mergeMusicSettings(ops: Op[]): void {
  for (let i = ops.length - 1; i > 0; i--) {
    const set = ops[i];
    const add = ops[i - 1];
    if (set?.op !== 'set_music' || add?.op !== 'add_music') continue;
    if (set.vol !== undefined) add.vol = set.vol;
    if (set.fadeInMs !== undefined) add.fadeInMs = set.fadeInMs;
    if (set.fadeOutMs !== undefined) add.fadeOutMs = set.fadeOutMs;
    if (set.duck !== undefined) add.duck = set.duck;
    ops.splice(i, 1);
  }
}

/** Moves "fit to N s" after everything that changes clip lengths, so the total comes out exact. */
const SHAPES_LENGTH = new Set<Op['op']>(['add_clips', 'remove_clips', 'trim_clip', 'set_duration', 'set_speed', 'set_transition', 'remove_transitions']);
function orderOps(all: Op[]): Op[] {
  // "no transitions, just hard cuts" says the same thing twice; do it once.
  const ops = all.filter((op, i) => all.findIndex((other) => JSON.stringify(other) === JSON.stringify(op)) === i);
  mergeMusicSettings(ops);
  const fits = ops.filter((op) => op.op === 'fit_total');
  if (fits.length === 0) return ops;
  const others = ops.filter((op) => op.op !== 'fit_total');
  let lastShaping = -1;
  others.forEach((op, i) => {
    if (SHAPES_LENGTH.has(op.op)) lastShaping = i;
  });
  const fit = fits[fits.length - 1] as Op;
  return [...others.slice(0, lastShaping + 1), fit, ...others.slice(lastShaping + 1)];
}

const NO_MUSIC = /\b(?:no|without|skip the|don't add|do not add)\s+(?:any\s+)?(?:background\s+)?(?:music|song|soundtrack)\b|不要(?:背景)?音乐|不加(?:背景)?音乐|不要配乐|无音乐|没有音乐/;
const NO_TEXT = /\b(?:no|without|skip the|don't add|do not add)\s+(?:any\s+)?(?:text|titles?|captions?|overlays?)\b|不要文字|不加文字|不要标题|不加标题|不要字幕|无文字/;
const NO_TRANSITIONS = /\b(?:no|without|skip the|don't add|do not add)\s+(?:any\s+)?transitions?\b|\bhard cuts\b|不要转场|不加转场|无转场|硬切/;

/** A title named with quotes in a clause of its own ("… and a title 'Hello World'"), whatever verb it lost. */
function namedTitle(clause: Clause): string | undefined {
  if (!/\btitles?\b|\bheading\b|\bheadline\b|标题/.test(clause.text)) return undefined;
  const first = quoteIndexes(clause.text)[0];
  return first === undefined ? undefined : clause.quotes[first];
}

/** Folds the other clauses' requests into the build recipe; what it cannot fold stays as its own op. */
function buildFrom(results: ClauseResult[], buildIndex: number, ctx: ParseContext, zh: boolean): { ops: Op[]; notes: Said[] } {
  const build = results[buildIndex];
  const opts: BuildOptions = { text: build?.clause.text ?? '', zh, quotes: quoteIndexes(build?.clause.text ?? '').map((n) => build?.clause.quotes[n] ?? '') };
  const kept: Op[] = [];
  const overlays: string[] = [];
  const notes: Said[] = [];
  const all = results.map((r) => r.clause.text).join(' ; ');
  // Saying what the recipe should leave out: there may be nothing to remove yet, so read the words themselves.
  if (NO_MUSIC.test(all)) opts.noMusic = true;
  if (NO_TEXT.test(all)) opts.noText = true;
  if (NO_TRANSITIONS.test(all)) opts.noTransitions = true;
  for (const result of results) {
    if (result.build) {
      kept.push(...result.ops);
      continue;
    }
    const keptBefore = kept.length;
    const named = namedTitle(result.clause);
    if (named !== undefined && opts.titleText === undefined && !result.ops.some((op) => op.op === 'add_text' && op.role === 'title')) opts.titleText = named;
    for (const op of result.ops) {
      if (op.op === 'set_transition' && op.into === 'all') opts.transition = { type: op.type, ms: op.ms };
      else if (op.op === 'remove_transitions' && op.into === 'all') opts.noTransitions = true;
      else if (op.op === 'fit_total') opts.lengthMs = op.ms;
      else if (op.op === 'add_text' && op.role === 'title' && opts.titleText === undefined) opts.titleText = op.text;
      else if (op.op === 'add_text' && op.over === undefined && op.startMs === undefined && !op.atEnd) overlays.push(op.text);
      else if (op.op === 'set_overlays' || op.op === 'add_clips') continue;
      else if (op.op === 'remove_text' && op.target !== 'last') opts.noText = true;
      else if (op.op === 'add_music') opts.music = { media: op.media, vol: op.vol };
      else if (op.op === 'remove_music') opts.noMusic = true;
      else kept.push(op);
    }
    // A clause folded into the recipe speaks through the recipe's notes; one that stayed separate keeps its own.
    const negation = NO_MUSIC.test(result.clause.text) || NO_TEXT.test(result.clause.text) || NO_TRANSITIONS.test(result.clause.text);
    if ((result.ops.length === 0 && !negation) || kept.length > keptBefore) notes.push(...result.notes);
  }
  if (overlays.length > 0) opts.overlayTexts = overlays;
  const built = buildOps(opts, ctx);
  return { ops: [...built.ops, ...kept], notes: [...built.notes, ...notes] };
}

export function parseDetailed(message: string, ctx: ParseContext): ParsedMessage {
  const zh = hasChinese(message);
  const lifted = liftQuotes(foldWidth(message));
  const lower = lifted.text.toLowerCase();
  const results: ClauseResult[] = [];
  // Later clauses see the draft as the earlier ones left it ("add music and fade it out").
  let scratch = ctx.draft;
  for (const { text: raw, topic } of splitClauses(lower)) {
    const text = normalizeClause(raw);
    const clause: Clause = { text, quotes: lifted.quotes, zh, message: lifted.text };
    if (text === '' || SMALL_TALK.test(text.replace(/[\s,.!?，。！？~]/g, ''))) continue;
    if (isBuildRequest(text)) {
      const canvas = canvasFrom(clause);
      const fit = fitFrom(canvas.rest);
      const ops: Op[] = [];
      if (canvas.op) ops.push(canvas.op);
      if (fit.mode) ops.push({ op: 'set_fit', mode: fit.mode, clips: 'all' });
      results.push({ clause, ops, notes: [], understood: true, build: true });
      continue;
    }
    const result = runWithTopic(clause, topic, { media: ctx.media, draft: scratch });
    if (result.ops.some((op) => op.op === 'undo' || op.op === 'redo')) scratch = ctx.draft;
    else if (result.ops.length > 0) scratch = applyOps(scratch, result.ops, ctx.media);
    results.push({ clause, ...result, build: false });
  }
  const unknown = results.filter((r) => !r.understood).map((r) => restoreQuotes(r.clause.text, lifted.quotes));
  const buildIndex = results.findIndex((r) => r.build);
  if (buildIndex >= 0) {
    const built = buildFrom(results, buildIndex, ctx, zh);
    return { ops: orderOps(built.ops), notes: built.notes, unknown, zh };
  }
  return { ops: orderOps(results.flatMap((r) => r.ops)), notes: results.flatMap((r) => r.notes), unknown, zh };
}

