/**
 * The clip list: add ("use all my clips", "add them", "add beach.mp4 at the start"), remove, move, swap,
 * reverse and reorder ("put them in order 3, 1, 2", "sort by upload order").
 */
import { inUploadOrder, videoSegments } from '../draft-model';
import type { ClipRef, Op } from '../ops';
import { clipRefs, mentionedMedia } from './slots';
import { cannot, hit, REMOVE_VERB, type ParseContext, type Rule } from './rule';

const ADD = /\b(?:add|use|include|insert|put|place|bring|throw|append|drop in|stick|import|load|combine|merge|join|stitch|pop)\b|加入|加上|添加|加进|放入|放进|导入|用上|用|加|放/;
const ALL = /\b(?:all|every|everything|each|them|these|those|both|the rest|my clips|the clips|the videos|the photos|the images|the pictures|my videos|my photos|my images|the media|my media|the files|my files|the footage|my footage|uploads?|uploaded)\b|所有|全部|这些|它们|都|素材|片段/;
const IMAGES_ONLY = /\b(?:photos?|images?|pictures?|pics|stills|slides)\b|图片|照片/;
const VIDEOS_ONLY = /\b(?:videos|video clips|clips only)\b|视频/;

function position(text: string, ctx: ParseContext, count: number): number | undefined {
  if (/\bat the (?:start|beginning|front)\b|\bfirst\b|\bto the (?:start|beginning|front)\b|开头|最前/.test(text)) return 1;
  const pos = /\b(?:at|to|in|into) (?:position|place|slot|spot) (\d+)|第(\d+)位/.exec(text);
  if (pos) return Number(pos[1] ?? pos[2]);
  const rel = /\b(before|after)\b|(之前|之后|前面|后面)/.exec(text);
  const ref = clipRefs(text, ctx)[0]?.value;
  if (rel && ref !== undefined) {
    const n = ref === 'last' ? count : ref;
    return /before|之前|前面/.test(rel[0]) ? n : n + 1;
  }
  return undefined;
}

function addRule(text: string, ctx: ParseContext): ReturnType<Rule> {
  const named = mentionedMedia(text, ctx.media).filter((f) => f.value.kind !== 'audio');
  const onTimeline = new Set(videoSegments(ctx.draft).map((seg) => seg.m.src));
  const count = videoSegments(ctx.draft).length;
  let ids: string[];
  if (named.length > 0) ids = named.map((f) => f.value.id);
  else {
    if (!ALL.test(text)) return undefined;
    const kind = IMAGES_ONLY.test(text) && !/\bclips\b|片段/.test(text) ? 'image' : VIDEOS_ONLY.test(text) && !IMAGES_ONLY.test(text) ? 'video' : 'any';
    const visual = inUploadOrder(ctx.media).filter((m) => m.kind !== 'audio' && (kind === 'any' || m.kind === kind));
    if (visual.length === 0) return cannot('There are no images or clips in the project yet. Upload some first.', '项目里还没有图片或视频，请先上传。');
    ids = visual.filter((m) => !onTimeline.has(m.id)).map((m) => m.id);
    if (ids.length === 0) return cannot('All your uploaded images and clips are already on the timeline.', '已上传的图片和视频都已经在时间线上了。');
  }
  const op: Extract<Op, { op: 'add_clips' }> = { op: 'add_clips', media: ids };
  const at = position(text.replace(/«\d+»/g, ' '), ctx, count);
  if (at !== undefined && at <= count) op.at = at;
  return hit([op]);
}

function moveTarget(text: string, ctx: ParseContext, count: number): ClipRef | undefined {
  if (/\bto the (?:start|beginning|front|top)\b|\bfirst\b(?! (?:clip|one|video|image|photo))|\bat the (?:start|beginning|front)\b|开头|最前|第一位|第1位/.test(text)) return 1;
  // A bare 最后 is the end; 最后一个/最后的片段 names a clip (numbers are digits here: 最后1个).
  if (/\bto the (?:end|back|bottom)\b|\bat the end\b|\blast\b(?! (?:clip|one|video|image|photo))|\bto last\b|结尾|最后面|末尾|最后一位|最后(?!\s*1?\s*(?:个|段|张|的?(?:片段|视频|镜头|素材|图片|照片)))/.test(text)) return 'last';
  const pos = /\b(?:to|into|at) (?:position|place|slot|spot|number) (\d+)\b|\bto (\d+)(?:st|nd|rd|th)? (?:place|position)\b|第(\d+)位|第(\d+)个位置/.exec(text);
  if (pos) return Number(pos[1] ?? pos[2] ?? pos[3] ?? pos[4]);
  const refs = clipRefs(text, ctx);
  const rel = /\b(before|after)\b|(之前|之后|前面|后面)/.exec(text);
  const anchor = refs[1]?.value;
  const moving = refs[0]?.value;
  if (rel && anchor !== undefined && moving !== undefined) {
    const a = anchor === 'last' ? count : anchor;
    const m = moving === 'last' ? count : moving;
    const after = /after|之后|后面/.test(rel[0]);
    // Positions count after the moved clip is taken out.
    const to = after ? (m < a ? a : a + 1) : m < a ? a - 1 : a;
    return to >= count ? 'last' : Math.max(1, to);
  }
  return undefined;
}

export const clipsRule: Rule = (clause, ctx) => {
  const text = clause.text;
  const count = videoSegments(ctx.draft).length;
  if (/\breverse (?:the )?(?:order|clips|sequence|everything|it all)\b|\bin reverse(?: order)?\b|\bbackwards? order\b|\border reversed\b|倒序|顺序反过来|反过来排|颠倒顺序|顺序颠倒|反转顺序/.test(text)) {
    return hit([{ op: 'reverse_clips' }]);
  }
  if (/\b(?:swap|switch|exchange|trade|flip)\b|交换|互换|调换|对调/.test(text)) {
    const refs = clipRefs(text, ctx).map((f) => f.value);
    const nums = /(\d+)\s*(?:and|&|with|和|与|跟)\s*(?:clip\s*|第)?(\d+)/.exec(text);
    if (refs.length >= 2) return hit([{ op: 'swap_clips', a: refs[0] ?? 1, b: refs[1] ?? 2 }]);
    if (nums) return hit([{ op: 'swap_clips', a: Number(nums[1]), b: Number(nums[2]) }]);
  }
  if (/\b(?:order|reorder|sort|arrange|rearrange|sequence)\b|顺序|排序|排列|重新排/.test(text)) {
    if (/\bupload(?:ed)? order\b|\border (?:i|they were) uploaded\b|上传顺序/.test(text)) {
      const rank = new Map(inUploadOrder(ctx.media).map((m, i) => [m.id, i]));
      const segs = videoSegments(ctx.draft);
      const order = segs.map((seg, i) => ({ i: i + 1, r: rank.get(seg.m.src) ?? i })).sort((a, b) => a.r - b.r).map((x) => x.i);
      return hit([{ op: 'order_clips', order }]);
    }
    if (/\bby name\b|\balphabetical(?:ly)?\b|按名称|按名字/.test(text)) {
      const segs = videoSegments(ctx.draft);
      const order = segs.map((seg, i) => ({ i: i + 1, n: seg.m.name.toLowerCase() })).sort((a, b) => a.n.localeCompare(b.n)).map((x) => x.i);
      return hit([{ op: 'order_clips', order }]);
    }
    const list = /(\d+(?:\s*(?:,|、|，|-|>|then|and|\s)\s*\d+)+)/.exec(text);
    if (list?.[1]) return hit([{ op: 'order_clips', order: (list[1].match(/\d+/g) ?? []).map(Number) }]);
  }
  if (REMOVE_VERB.test(text)) {
    const refs = clipRefs(text, ctx).map((f) => f.value);
    const also = [...text.matchAll(/(?:,|\band\b|&|和|、)\s*(\d+)\b(?!\s*(?:s\b|seconds?|秒))/g)].map((m) => Number(m[1]));
    const all = refs.length === 0 && /\b(?:all|every|everything)\b.*\b(?:clips?|media|videos?|images?|photos?)\b|\bclear (?:the )?timeline\b|所有片段|全部片段|清空/.test(text);
    if (all) return count > 0 ? hit([{ op: 'remove_clips', clips: Array.from({ length: count }, (_, i) => i + 1) }]) : cannot('The timeline is already empty.', '时间线已经是空的。');
    if (refs.length > 0) {
      const clips: ClipRef[] = [...refs];
      for (const n of also) if (!clips.includes(n)) clips.push(n);
      return hit([{ op: 'remove_clips', clips }]);
    }
    return undefined;
  }
  if (/\b(?:move|put|place|bring|shift|drag|make)\b|移到|放到|挪到|移动|调到|放在|挪/.test(text) && clipRefs(text, ctx).length > 0) {
    const moving = clipRefs(text, ctx)[0]?.value;
    const to = moveTarget(text, ctx, count);
    if (moving !== undefined && to !== undefined && !/\d+(?:\.\d+)?\s*(?:s\b|seconds?|秒)/.test(text)) return hit([{ op: 'move_clip', clip: moving, to }]);
  }
  if (ADD.test(text)) return addRule(text, ctx);
  return undefined;
};
