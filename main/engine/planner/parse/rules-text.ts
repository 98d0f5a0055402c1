/**
 * Titles and text overlays: "add a title 'Summer Sale'", "text 'Shop now' at 5s at the top", "caption 'Hi' over
 * clip 2", "change the title to …", "move the title to the top", "remove the text", 加标题「…」, 字幕.
 */
import type { LocalDraft, TextPosition } from '../../../../shared/draft';
import { textSegments } from '../draft-model';
import { PLACEHOLDER_OVERLAYS, type Op, type TextTarget } from '../ops';
import type { Said } from '../outcome';
import { clipRefs, durations, quoteIndexes, textPosition, timeRange } from './slots';
import { cannot, hit, REMOVE_VERB, type Clause, type ParseContext, type Rule, type RuleHit } from './rule';

const TITLE = /\btitles?\b|\bheading\b|\bheadline\b|\bintro text\b|\btitle card\b|标题|片头文字|大标题|主标题/;
const OVERLAY = /\btext(?:s)?\b|\bcaptions?\b|\bsubtitles?\b|\boverlays?\b|\bwords?\b|\blower thirds?\b|\blabels?\b|\btaglines?\b|\bslogans?\b|\bcall to action\b|\bcta\b|文字|字幕|文案|标语|口号|大字/;
const EDIT = /\b(?:change|rename|replace|edit|update|fix|correct|switch|reword|rewrite)\b|\bshould (?:say|read)\b|\bmake (?:it|the title|the text) (?:say|read)\b|改成|改为|换成|修改|更改|改一下|变成/;
const MOVE = /\b(?:move|put|place|position|shift|align)\b|移到|放到|放在|挪到/;
const SAYING = /(?:\bsaying\b|\bthat says\b|\bwhich says\b|\bsays\b|\bthat reads\b|\breading\b|\bwith the (?:words?|text)\b|\bcalled\b|\btitled\b|\bnamed\b|\bto say\b|:|：|写着|内容是|内容为|叫做|叫|写)\s*(.+)$/;

const COLORS: Record<string, string> = {
  red: 'red', white: 'white', black: 'black', yellow: 'yellow', blue: 'blue', green: 'green', orange: 'orange', pink: 'pink', purple: 'purple', gold: 'gold', gray: 'gray', grey: 'gray',
  红: 'red', 白: 'white', 黑: 'black', 黄: 'yellow', 蓝: 'blue', 绿: 'green', 橙: 'orange', 粉: 'pink', 紫: 'purple', 金: 'gold', 灰: 'gray',
};

function color(text: string): string | undefined {
  const m = /\b(red|white|black|yellow|blue|green|orange|pink|purple|gold|gr[ae]y)\b|(红|白|黑|黄|蓝|绿|橙|粉|紫|金|灰)色/.exec(text);
  const key = m?.[1] ?? m?.[2];
  return key ? COLORS[key] : undefined;
}

/** The words a text should show: quoted, or after "saying …" up to the end of the clause. */
function texts(clause: Clause): string[] {
  const quoted = quoteIndexes(clause.text).map((n) => clause.quotes[n] ?? '').filter((t) => t !== '');
  if (quoted.length > 0) return quoted;
  const said = SAYING.exec(clause.text);
  const words = said?.[1]
    ?.replace(/\s+(?:at|from|for|on|over|in|to|during|starting) (?:the )?(?:top|bottom|center|centre|middle|start|end|beginning|first|second|last|clip|\d).*$/, '')
    .replace(/[.!?。！？]+$/, '')
    .trim();
  return words && words.length > 0 ? [withOriginalCase(words, clause.message)] : [];
}

/** Lower-casing keeps lengths for the scripts people write titles in, so the user's casing can be looked up. */
function withOriginalCase(words: string, message: string): string {
  const at = message.toLowerCase().indexOf(words);
  return at >= 0 && message.length === message.toLowerCase().length ? message.slice(at, at + words.length) : words;
}

interface Timing {
  startMs?: number;
  ms?: number;
  atEnd?: boolean;
}


function timing(text: string): Timing {
  const range = timeRange(text);
  if (range) return { startMs: range.fromMs, ms: range.toMs - range.fromMs };
  const out: Timing = {};
  if (/\bat the (?:very )?end\b|\bat the finish\b|\bending\b|\bend card\b|\boutro\b|结尾|最后几秒|片尾/.test(text)) out.atEnd = true;
  else if (/\bat the (?:start|beginning)\b|\bopening\b|开头|片头/.test(text)) out.startMs = 0;
  for (const d of durations(text)) {
    const before = text.slice(Math.max(0, d.index - 12), d.index);
    if (/\bfor\s*$|\blasting\s*$|持续\s*$|显示\s*$|停留\s*$/.test(before)) out.ms = d.value;
    else if (/(?:\bat|\bfrom|\bstarting(?: at)?|\bafter|第|从|在)\s*$/.test(before) && out.startMs === undefined && !out.atEnd) out.startMs = d.value;
    else if (out.startMs === undefined && !out.atEnd && out.ms !== undefined) out.startMs = d.value;
    else if (out.ms === undefined) out.ms = d.value;
  }
  return out;
}

function target(text: string): TextTarget {
  if (TITLE.test(text)) return 'title';
  if (/\b(?:all|every|any)\b.*\btext|所有文字|全部文字|所有的文字/.test(text)) return 'all';
  if (/\b(?:overlays?|captions?|subtitles?)\b|字幕/.test(text)) return 'overlays';
  if (/\blast text|\bthat text\b|刚才的文字|最后的文字/.test(text)) return 'last';
  return 'all';
}

export function defaultTitle(draft: LocalDraft, zh: boolean): { text: string; why: Said } {
  if (typeof draft.m.title === 'string' && draft.m.title.trim() !== '') {
    return { text: draft.m.title, why: { en: `the project title "${draft.m.title}"`, zh: `项目名“${draft.m.title}”` } };
  }
  return zh ? { text: '我的视频', why: { en: 'a placeholder', zh: '默认标题' } } : { text: 'My Video', why: { en: 'a placeholder', zh: '默认标题' } };
}

function addHit(clause: Clause, ctx: ParseContext, role: 'title' | 'overlay', words: string[]): RuleHit {
  const text = clause.text;
  const pos: TextPosition = textPosition(text.replace(/«\d+»/g, ' ')) ?? (role === 'title' ? 'center' : 'bottom');
  const when = timing(text);
  const refs = clipRefs(text, ctx).map((f) => f.value);
  const notes: Said[] = [];
  let list = words;
  if (list.length === 0 && role === 'title') {
    const title = defaultTitle(ctx.draft, clause.zh);
    list = [title.text];
    notes.push({ en: `You didn't say what the title should read, so I used ${title.why.en}: "${title.text}". Say e.g. change the title to "Summer Sale".`, zh: `你没有说标题写什么，所以用了${title.why.zh}：“${title.text}”。可以说：把标题改成“夏日特卖”。` });
  }
  const ops: Op[] = list.map((words1, i) => {
    const op: Extract<Op, { op: 'add_text' }> = { op: 'add_text', role: i === 0 ? role : 'overlay', text: words1, pos };
    if (when.startMs !== undefined) op.startMs = when.startMs;
    if (when.ms !== undefined) op.ms = when.ms;
    if (when.atEnd) op.atEnd = true;
    const over = refs[i] ?? (refs.length === 1 ? refs[0] : undefined);
    if (over !== undefined && when.startMs === undefined && !when.atEnd) op.over = over;
    return op;
  });
  return hit(ops, notes);
}

export const textRule: Rule = (clause, ctx) => {
  const text = clause.text;
  const quoted = quoteIndexes(text).length > 0;
  const isTitle = TITLE.test(text);
  const isText = isTitle || OVERLAY.test(text) || (quoted && /\b(?:add|put|write|show|display|say|insert|overlay)\b|加|写|显示|放/.test(text));
  if (!isText) return undefined;
  const hasText = textSegments(ctx.draft).length > 0;
  if (REMOVE_VERB.test(text) && !quoted) {
    return hasText ? hit([{ op: 'remove_text', target: target(text) }]) : cannot('There is no text on the video to remove.', '视频上没有可以删除的文字。');
  }
  const words = texts(clause);
  const pos = textPosition(text.replace(/«\d+»/g, ' '));
  const tint = color(text);
  const editing = hasText && (EDIT.test(text) || (MOVE.test(text) && !quoted && pos !== undefined) || (tint !== undefined && !quoted && /\bmake\b|改|变|换|设/.test(text)));
  if (editing) {
    const op: Extract<Op, { op: 'edit_text' }> = { op: 'edit_text', target: isTitle ? 'title' : target(text) };
    const changedTo = /\bto\b\s*(.+)$|改成\s*(.+)$|改为\s*(.+)$|换成\s*(.+)$/.exec(text);
    if (words[0] !== undefined) op.text = words[0];
    else if (changedTo && !pos && !tint) op.text = (changedTo[1] ?? changedTo[2] ?? changedTo[3] ?? changedTo[4] ?? '').trim();
    if (pos !== undefined) op.pos = pos;
    if (tint !== undefined) op.color = tint;
    if (op.text === undefined && op.pos === undefined && op.color === undefined) return cannot('What should the text change to? Put it in quotes, e.g. change the title to "Summer Sale".', '要改成什么文字？请放在引号里，比如：把标题改成“夏日特卖”。');
    return hit([op]);
  }
  if (!isTitle && words.length === 0) {
    if (/\b(?:overlays|texts|captions|some text)\b|文字|字幕/.test(text)) return hit([{ op: 'set_overlays', texts: defaultOverlays(clause.zh, ctx) }], [overlayNote(clause.zh, defaultOverlays(clause.zh, ctx))]);
    return cannot('What should the text say? Put it in quotes, e.g. add text "Shop now" at 5s.', '文字要写什么？请放在引号里，比如：在第5秒加文字“立即购买”。');
  }
  return addHit(clause, ctx, isTitle ? 'title' : 'overlay', words);
};


/** Neutral promo lines, one per later clip (at most three); the reply names them so they can be changed. */
export function defaultOverlays(zh: boolean, ctx: ParseContext, clipCount?: number): string[] {
  const count = clipCount ?? ctx.draft.t.find((t) => t.id === 'v1')?.sg.length ?? 0;
  const n = Math.max(1, Math.min(3, count - 1));
  return (zh ? PLACEHOLDER_OVERLAYS.zh : PLACEHOLDER_OVERLAYS.en).slice(0, n);
}

export function overlayNote(zh: boolean, lines: string[]): Said {
  void zh;
  return {
    en: `I used placeholder overlay texts (${lines.map((l) => `"${l}"`).join(', ')}); give me your own in quotes to replace them.`,
    zh: `文字用了默认文案（${lines.map((l) => `“${l}”`).join('、')}），把你想要的文字放在引号里发给我就能替换。`,
  };
}

const TRANSCRIBE =
  /\btranscri(?:be|bed|bing|pt|ption)s?\b|\bspeech[ -]to[ -]text\b|\bauto(?:matic|matically|-generated|generated)? ?(?:subtitles?|captions?|subs)\b|\b(?:subtitles?|captions?|subs)\b.*\b(?:from|of|for|matching|based on) (?:the |what |my |their |all )?(?:speech|audio|voices?|dialog(?:ue)?|talking|narration|spoken|words spoken|is said|they say|people say|sound|voiceover)\b|\b(?:subtitle|caption) (?:the |my |their )?(?:speech|dialog(?:ue)?|talking|narration|video|clips?)\b|语音识别|语音转文字|自动字幕|识别字幕|自动生成字幕|(?:根据|按照|识别|把)(?:语音|声音|对白|说话|说的话|人声|台词).{0,6}字幕/;

/** Subtitles from what is said need speech recognition, which the local engine does not have: say so and what it can do. */
export const transcriptRule: Rule = (clause) => {
  if (!TRANSCRIBE.test(clause.text)) return undefined;
  return cannot(
    'I can\'t transcribe speech, so I can\'t make subtitles from what is said in the clips. I can add text you type, at a time or over a clip: e.g. add text "Welcome to our shop" from 2 to 5 seconds, or put a caption "Hi" over clip 2.',
    '我无法识别语音，所以不能根据片段里说的话生成字幕。我可以加你输入的文字，放在某个时间或某个片段上，比如：在第2到5秒加文字“欢迎光临”，或在第二个片段上加字幕“你好”。',
  );
};
