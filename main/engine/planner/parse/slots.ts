/**
 * Reads the values inside a clause (already normalized: lower case, digits, quotes lifted): durations,
 * percentages, clip references and text positions. Each reader returns what it found in order of appearance.
 */
import type { TextPosition } from '../../../../shared/draft';
import type { MediaRecord } from '../../types';
import type { LocalDraft } from '../../../../shared/draft';
import { inUploadOrder, stem, videoSegments } from '../draft-model';
import type { ClipRef } from '../ops';

export interface Found<T> {
  value: T;
  index: number;
  end: number;
}

const DURATION = /(\d+(?:\.\d+)?)\s*-?\s*(milliseconds?|ms|seconds?|secs?|s|秒钟|秒|毫秒)(?![a-z])/g;

export function durations(text: string): Array<Found<number>> {
  return [...text.matchAll(DURATION)].map((m) => {
    const n = Number(m[1]);
    const unit = m[2] ?? 's';
    const ms = unit.startsWith('m') || unit === '毫秒' ? n : n * 1000;
    return { value: Math.round(ms), index: m.index, end: m.index + m[0].length };
  });
}

export function firstDuration(text: string): number | undefined {
  return durations(text)[0]?.value;
}

const UNIT = '(?:s\\b|secs?\\b|seconds?\\b|秒)';
const TO = '(?:-|to|until|till|through|and|到|至|~)';
const RANGES = [
  new RegExp(`第(\\d+(?:\\.\\d+)?)\\s*秒?\\s*(?:到|至|-|~)\\s*第?(\\d+(?:\\.\\d+)?)\\s*秒`),
  new RegExp(`(?:\\bfrom|\\bbetween|从)\\s*(?:第)?(\\d+(?:\\.\\d+)?)\\s*${UNIT}?\\s*${TO}\\s*(?:第)?(\\d+(?:\\.\\d+)?)\\s*${UNIT}`),
  new RegExp(`(\\d+(?:\\.\\d+)?)\\s*${UNIT}\\s*${TO}\\s*(\\d+(?:\\.\\d+)?)\\s*${UNIT}`),
  new RegExp(`(?<!(?:clips?|videos?|images?|photos?|第)\\s*)(\\d+(?:\\.\\d+)?)\\s*(?:-|~|到|至)\\s*(\\d+(?:\\.\\d+)?)\\s*${UNIT}`),
];

/** A time range in ms: "from 2s to 5s", "2-5 seconds", "0:02 to 0:05", "从2秒到5秒". */
export function timeRange(text: string): { fromMs: number; toMs: number } | undefined {
  for (const pattern of RANGES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const fromMs = Math.round(Number(m[1]) * 1000);
    const toMs = Math.round(Number(m[2]) * 1000);
    if (toMs > fromMs) return { fromMs, toMs };
  }
  return undefined;
}

/** "35%", "0.35", "volume 35" → 0.35 (a bare number is a fraction up to 1, a percentage up to 100). */
export function level(text: string): number | undefined {
  const pct = /(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)/.exec(text);
  if (pct) return Math.min(1, Number(pct[1]) / 100);
  const bare = /(?:^|[^\d.:x])(\d+(?:\.\d+)?)(?![\d.:x%]|\s*(?:seconds?|secs?|s\b|ms|秒|倍|个|段|张))/.exec(text);
  if (!bare) return undefined;
  const n = Number(bare[1]);
  if (n <= 1) return n;
  if (n <= 100) return n / 100;
  return undefined;
}

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, opening: 1, '1st': 1, '2nd': 2, '3rd': 3,
};
const ORDINAL_WORD = `(?:${Object.keys(ORDINALS).join('|')}|\\d+(?:st|nd|rd|th))`;
const CLIP_NOUN = '(?:clips?|ones?|videos?|images?|photos?|pictures?|pics?|shots?|segments?|items?|scenes?|parts?|slides?|stills?)';
const NOUN_KIND = (noun: string): 'image' | 'video' | 'any' =>
  /^(?:image|photo|picture|pic|still|slide)/.test(noun) ? 'image' : /^video/.test(noun) ? 'video' : 'any';

function ordinalValue(word: string): number {
  return ORDINALS[word] ?? Number(/^(\d+)/.exec(word)?.[1] ?? 0);
}

/** The timeline position of the n-th image or video, so "the second photo" means the second photo. */
function positionOfKind(draft: LocalDraft, kind: 'image' | 'video' | 'any', n: number | 'last'): ClipRef {
  if (kind === 'any') return n;
  const segs = videoSegments(draft);
  const positions = segs.flatMap((seg, i) => (seg.m.kind === kind ? [i + 1] : []));
  if (positions.length === 0 || positions.length === segs.length) return n;
  const pick = n === 'last' ? positions[positions.length - 1] : positions[n - 1];
  // A reference past the end stays a number, so applying it reports "there is no clip N".
  return pick ?? segs.length + 1;
}

export interface RefContext {
  draft: LocalDraft;
  media: readonly MediaRecord[];
}

/** Clip references in order: "clip 2", "the second clip", "the last one", "第二个片段", "最后一个", a clip's name. */
export function clipRefs(text: string, ctx: RefContext): Array<Found<ClipRef>> {
  const found: Array<Found<ClipRef>> = [];
  const count = videoSegments(ctx.draft).length;
  const add = (value: ClipRef, index: number, length: number): void => {
    if (!found.some((f) => index < f.end && f.index < index + length)) found.push({ value, index, end: index + length });
  };
  const patterns: Array<[RegExp, (m: RegExpExecArray) => ClipRef]> = [
    [new RegExp(`\\b(?:second|2nd)[ -]to[ -]last\\s*${CLIP_NOUN}?`, 'g'), () => Math.max(1, count - 1)],
    [new RegExp(`\\b(?:the )?last(?: ${CLIP_NOUN})?\\b(?! \\d)`, 'g'), (m) => positionOfKind(ctx.draft, NOUN_KIND(/ (\w+)$/.exec(m[0])?.[1] ?? ''), 'last')],
    [/\b(?:the )?(?:final|closing|ending) (?:clip|one|shot|scene|image|photo|picture|segment|slide)\b/g, (m) => positionOfKind(ctx.draft, NOUN_KIND(/ (\w+)$/.exec(m[0])?.[1] ?? ''), 'last')],
    [new RegExp(`\\b(${ORDINAL_WORD})(?: ${CLIP_NOUN})(?![a-z])`, 'g'), (m) => positionOfKind(ctx.draft, NOUN_KIND(/ (\w+)$/.exec(m[0])?.[1] ?? ''), ordinalValue(m[1] ?? ''))],
    // "the first/second" with an article but no noun ("swap the first and second").
    [new RegExp(`\\b(?:the )(${ORDINAL_WORD})\\b(?! (?:\\d|time|half|of the|second))`, 'g'), (m) => ordinalValue(m[1] ?? '')],
    [new RegExp(`\\b(clips?|videos?|images?|photos?|pictures?|pics?|shots?|segments?|items?|scenes?|parts?|slides?|number|no\\.|#)\\s*#?\\s*(\\d+)(?![\\d.])(?!\\s*(?:seconds?|secs?|s\\b|ms|x\\b|%|:))`, 'g'), (m) => {
      const noun = m[1] ?? '';
      return positionOfKind(ctx.draft, NOUN_KIND(noun), Number(m[2]));
    }],
    [/倒数第(\d+)(?:个|段|张)?(?:片段|视频|镜头|素材|图片|照片|图)?/g, (m) => Math.max(1, count + 1 - Number(m[1]))],
    [/第(\d+)(?![\d.]|\s*(?:秒|s\b)|\s*(?:到|至|-|~)\s*第?\d+(?:\.\d+)?\s*秒)(个|段|张)?(片段|视频|镜头|素材|图片|照片|图|个|段|张)?/g, (m) => positionOfKind(ctx.draft, /图|照|张/.test(`${m[2] ?? ''}${m[3] ?? ''}`) ? 'image' : /视频/.test(m[3] ?? '') ? 'video' : 'any', Number(m[1]))],
    [/最后(?:1)?(?:(个|段|张)(片段|视频|镜头|素材|图片|照片|图)?|的?(片段|视频|镜头|素材|图片|照片))/g, (m) => positionOfKind(ctx.draft, /图|照|张/.test(m.slice(1).join('')) ? 'image' : 'any', 'last')],
  ];
  // "the last two clips" names two clips.
  for (const m of text.matchAll(new RegExp(`\\b(?:the )?(?:last|final) (?:2|two) ${CLIP_NOUN}`, 'g'))) {
    if (count >= 2) {
      add(count - 1, m.index, 1);
      add('last', m.index + 1, m[0].length - 1);
    }
  }
  for (const [pattern, value] of patterns) {
    for (const m of text.matchAll(pattern)) add(value(m as RegExpExecArray), m.index, m[0].length);
  }
  for (const named of namedClips(text, ctx)) add(named.value, named.index, named.end - named.index);
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Stems that are also the words people use for the thing itself: "music" in "make the music quieter" is not a
 * mention of music.mp3. Such a file is only named by its full name.
 */
const GENERIC_STEM =
  /^(?:music|songs?|audio|bgm|soundtrack|track|sound|tune|beat|background(?: music)?|videos?|clips?|images?|photos?|pictures?|movie|film|footage|media|files?|title|text|音乐|背景音乐|配乐|歌曲|视频|图片|照片)$/;

/** Names of uploaded media mentioned in the text (full name or its stem, at least 3 letters, not a generic word). */
export function mentionedMedia(text: string, media: readonly MediaRecord[]): Array<Found<MediaRecord>> {
  const found: Array<Found<MediaRecord>> = [];
  for (const record of inUploadOrder(media)) {
    const stemName = stem(record.name).toLowerCase();
    const names = GENERIC_STEM.test(stemName.replace(/[_-]+/g, ' ').trim()) ? [record.name.toLowerCase()] : [record.name.toLowerCase(), stemName];
    for (const name of names) {
      if (name.length < 3) continue;
      const index = text.indexOf(name);
      const before = text[index - 1] ?? ' ';
      const after = text[index + name.length] ?? ' ';
      if (index >= 0 && !/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) {
        found.push({ value: record, index, end: index + name.length });
        break;
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function namedClips(text: string, ctx: RefContext): Array<Found<ClipRef>> {
  const segs = videoSegments(ctx.draft);
  return mentionedMedia(text, ctx.media).flatMap((f) => {
    const i = segs.findIndex((seg) => seg.m.src === f.value.id);
    return i >= 0 ? [{ value: i + 1, index: f.index, end: f.end }] : [];
  });
}

const POSITIONS: Array<[RegExp, TextPosition]> = [
  [/top[ -]?left|upper[ -]left|左上/, 'top-left'],
  [/top[ -]?right|upper[ -]right|右上/, 'top-right'],
  [/bottom[ -]?left|lower[ -]left|左下/, 'bottom-left'],
  [/bottom[ -]?right|lower[ -]right|右下/, 'bottom-right'],
  [/\b(?:at|to|on|in) the top\b|\btop of\b|\bupper\b|\btop\b|顶部|上方|上面|顶端|最上/, 'top'],
  [/\bbottom\b|\blower third\b|\blower\b|底部|下方|下面|底端|最下/, 'bottom'],
  [/\bcent(?:er|re)(?:ed)?\b|\bmiddle\b|中间|居中|中央|正中/, 'center'],
];

export function textPosition(text: string): TextPosition | undefined {
  return POSITIONS.find(([pattern]) => pattern.test(text))?.[1];
}

/** The lifted quote numbers in a clause, in order. */
export function quoteIndexes(text: string): number[] {
  return [...text.matchAll(/«(\d+)»/g)].map((m) => Number(m[1]));
}
