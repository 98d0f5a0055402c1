/** Titles and text overlays. One title per video (on x1); overlays on x2, optionally anchored over a clip. */
import type { LocalDraft, TextPosition } from '../../../shared/draft';
import { clipIndex, nextSegmentId, textSegments, textTrack, videoSegments, type TextSegment } from './draft-model';
import { textSpan } from './layout';
import { DEFAULT_TITLE_MS, PLACEHOLDER_OVERLAYS, type OpOf, type TextTarget } from './ops';
import { done, failed, noClip, type Outcome, type Said } from './outcome';
import { POS_ZH } from './said';

const OVERLAY_MS = 3000;
/** Shorter than this on screen, a line of text can't be read. */
const MIN_READABLE_MS = 2000;

/** Where a text may go instead when its place is taken, nearest first. */
const ALTERNATIVES: TextPosition[] = ['top', 'center', 'bottom', 'top-left', 'top-right', 'bottom-left', 'bottom-right'];


const PLACEHOLDERS = new Set<string>([...PLACEHOLDER_OVERLAYS.en, ...PLACEHOLDER_OVERLAYS.zh]);
const isPlaceholder = (seg: TextSegment): boolean => seg.m.role === 'overlay' && PLACEHOLDERS.has(seg.m.text);
const quoted = (segs: TextSegment[], zh: boolean): string => segs.map((seg) => (zh ? `“${seg.m.text}”` : `"${seg.m.text}"`)).join(zh ? '、' : ', ');

/** Texts at `pos` shown at the same time as `seg`: the renderer draws them on the same line, over each other. */
function collisions(draft: LocalDraft, seg: TextSegment, pos: TextPosition): TextSegment[] {
  const mine = textSpan(draft, seg);
  if (!mine) return [];
  return textSegments(draft).filter((other) => {
    if (other === seg || other.m.pos !== pos) return false;
    const span = textSpan(draft, other);
    return span !== undefined && span.s < mine.s + mine.d && mine.s < span.s + span.d;
  });
}

function removeTexts(draft: LocalDraft, gone: TextSegment[]): void {
  for (const role of ['title', 'overlay'] as const) {
    const track = textTrack(draft, role);
    track.sg = track.sg.filter((seg) => !gone.includes(seg));
  }
}

/**
 * A new overlay must stay readable: a placeholder overlay under it gives way, and a text of the user's keeps its
 * place while the new one moves to the nearest free position. Says what it did; undefined when nothing was in the way.
 */
function makeRoom(draft: LocalDraft, seg: TextSegment): Said | undefined {
  const asked = seg.m.pos;
  const first = collisions(draft, seg, asked);
  if (first.length === 0) return undefined;
  for (const pos of [asked, ...ALTERNATIVES.filter((p) => p !== asked)]) {
    const hits = collisions(draft, seg, pos);
    if (!hits.every(isPlaceholder)) continue;
    removeTexts(draft, hits);
    seg.m.pos = pos;
    const replaced: Said | undefined =
      hits.length > 0 ? { en: `It replaces the placeholder ${hits.length === 1 ? 'text' : 'texts'} ${quoted(hits, false)} that ${hits.length === 1 ? 'was' : 'were'} there.`, zh: `它替换了原来那里的默认文字${quoted(hits, true)}。` } : undefined;
    if (pos === asked) return replaced;
    const taken = first.filter((hit) => !isPlaceholder(hit));
    return {
      en: `The ${asked} already shows ${quoted(taken, false)} at that time, so I put this text at the ${pos}.${replaced ? ` ${replaced.en}` : ''}`,
      zh: `那段时间${POS_ZH[asked]}已经有${quoted(taken, true)}，所以这段文字放在了${POS_ZH[pos]}。${replaced?.zh ?? ''}`,
    };
  }
  return { en: `It overlaps ${quoted(first, false)} at the ${asked}.`, zh: `它和${POS_ZH[asked]}的${quoted(first, true)}重叠了。` };
}

export function addText(draft: LocalDraft, op: OpOf<'add_text'>): Outcome {
  const track = textTrack(draft, op.role);
  const ms = op.ms ?? (op.role === 'title' ? DEFAULT_TITLE_MS : OVERLAY_MS);
  const seg: TextSegment = { id: nextSegmentId(draft), s: op.startMs ?? 0, d: ms, m: { text: op.text, pos: op.pos, role: op.role } };
  if (op.over !== undefined) {
    const segs = videoSegments(draft);
    const index = clipIndex(draft, op.over);
    const clip = index === undefined ? undefined : segs[index];
    if (!clip) return noClip(op.over, segs.length);
    seg.m.anchor = clip.id;
  }
  // Layout runs after every op, so the draft's length is current here.
  if (op.atEnd) seg.s = Math.max(0, draft.d - ms);
  if (op.role === 'title') {
    track.sg = [seg];
    return done();
  }
  track.sg.push(seg);
  return done(makeRoom(draft, seg));
}

/** A clip's fully visible time: after the transition into it, before the transition out of it. */
function visibleSpan(segs: ReturnType<typeof videoSegments>, i: number): { start: number; end: number } {
  const seg = segs[i];
  if (!seg) return { start: 0, end: 0 };
  return { start: seg.s + (seg.m.tr?.d ?? 0), end: seg.s + seg.d - (segs[i + 1]?.m.tr?.d ?? 0) };
}

/**
 * Overlays go over the clips after the first, one per clip, when enough of those clips are on screen long enough to
 * read a line. Otherwise (a few long stills and many short clips) they are spread evenly over the time after the title,
 * so no overlay flashes by for half a second.
 */
export function setOverlays(draft: LocalDraft, op: OpOf<'set_overlays'>): Outcome {
  const segs = videoSegments(draft);
  const track = textTrack(draft, 'overlay');
  track.sg = [];
  if (segs.length === 0) return failed('Add some clips first, then I can place text over them.', '请先添加片段，然后才能在上面放文字。');
  const readable = segs
    .map((seg, i) => ({ seg, span: visibleSpan(segs, i), i }))
    .filter(({ span, i }) => (segs.length === 1 || i > 0) && span.end - span.start >= MIN_READABLE_MS);
  const count = op.texts.length;
  if (readable.length >= count) {
    for (let k = 0; k < count; k++) {
      const host = readable[Math.floor((k * readable.length) / count)]?.seg;
      const text = op.texts[k];
      if (!host || text === undefined) continue;
      track.sg.push({ id: nextSegmentId(draft), s: host.s, d: OVERLAY_MS, m: { text, pos: 'bottom', role: 'overlay', anchor: host.id } });
    }
    return done();
  }
  const title = textTrack(draft, 'title').sg[0];
  const from = Math.min(title ? title.s + title.d : 0, draft.d);
  const slot = (draft.d - from) / Math.max(1, count);
  const ms = Math.round(Math.max(500, Math.min(OVERLAY_MS, slot * 0.8)));
  op.texts.forEach((text, k) => {
    const s = Math.round(from + k * slot + (slot - ms) / 2);
    track.sg.push({ id: nextSegmentId(draft), s: Math.max(0, s), d: ms, m: { text, pos: 'bottom', role: 'overlay' } });
  });
  return done();
}

function targets(draft: LocalDraft, target: TextTarget): TextSegment[] {
  const all = textSegments(draft);
  if (target === 'all') return all;
  if (target === 'title') return all.filter((seg) => seg.m.role === 'title');
  if (target === 'overlays') return all.filter((seg) => seg.m.role === 'overlay');
  const latest = [...all].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1))).pop();
  return latest ? [latest] : [];
}

function noText(target: TextTarget): Outcome {
  return target === 'title'
    ? failed('There is no title yet. Say e.g. add a title "Summer Sale".', '还没有标题。可以说：加标题“夏日特卖”。')
    : failed('There is no text on the video yet.', '视频上还没有文字。');
}

export function editText(draft: LocalDraft, op: OpOf<'edit_text'>): Outcome {
  const found = targets(draft, op.target);
  if (found.length === 0) return noText(op.target);
  for (const seg of found) {
    if (op.text !== undefined) seg.m.text = op.text;
    if (op.pos !== undefined) seg.m.pos = op.pos;
    if (op.color !== undefined) seg.m.color = op.color;
  }
  return done();
}

export function removeText(draft: LocalDraft, op: OpOf<'remove_text'>): Outcome {
  const found = new Set(targets(draft, op.target));
  if (found.size === 0) return noText(op.target);
  for (const role of ['title', 'overlay'] as const) {
    const track = textTrack(draft, role);
    track.sg = track.sg.filter((seg) => !found.has(seg));
  }
  return done();
}
