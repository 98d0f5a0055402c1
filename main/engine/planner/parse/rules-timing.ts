/**
 * Lengths: trims ("cut the first 2 seconds of clip 1", "keep only 2s to 5s of clip 2"), one clip's or every image's
 * duration ("make clip 2 5 seconds", "show each photo for 2 s"), and the whole video ("make it 30 seconds").
 */
import { videoSegments } from '../draft-model';
import type { ClipRef, ClipSet, Op, TrimOp } from '../ops';
import { clipRefs, durations, firstDuration, timeRange } from './slots';
import { cannot, hit, type ParseContext, type Rule, type RuleHit } from './rule';

const CUT = /\b(?:cut|trim|remove|chop|skip|drop|lose|shave|delete|get rid of)\b|剪掉|剪去|去掉|删掉|删除|裁掉|切掉|不要/;
const KEEP = /\b(?:keep|use|only|just|leave)\b|保留|只要|只留|留下|只用|只保留/;
const START = /\b(?:first|start|beginning|front|opening|intro)\b|前|开头|开始/;
const END = /\b(?:last|end|ending|tail|final)\b|后|最后|结尾|末尾/;
const WHOLE = /\b(?:it|the video|the whole(?: thing| video)?|everything|total|overall|in total|altogether|final video|the edit|the movie|the film|the result|the promo|the montage|the length|video length|runtime|all of it)\b|总长|总时长|一共|整体|整个|全长|总共|视频(?:长度|时长)?|成片|全片/;
const FIT_VERB = /\b(?:make|fit|cut|trim|shorten|squeeze|bring|get|keep|set|change|extend|stretch|limit|cap|need|want|should be|turn)\b|\blong\b|\blength\b|\bunder\b|\bat most\b|\bmax(?:imum)?\b|\bwithin\b|\bexactly\b|控制在|做成|剪成|剪到|压缩到|缩短到|改成|调成|调整为|变成|以内|不超过|之内/;
const SET_LENGTH = /\b(?:make|set|change|trim|cut|shorten|extend|lengthen|hold|show|display|keep|stretch)\b|\bshould (?:be|last)\b|\blasts?\b|\blong\b|\bfor\b|改成|设为|设成|设置为|裁到|剪到|剪成|变成|调成|调到|缩短到|延长到|时长|显示|停留|持续/;

function trimOp(clip: ClipRef, text: string): TrimOp | undefined {
  const range = timeRange(text);
  if (range && (KEEP.test(text) || /\bfrom\b|从|\btrim\b|\bcut\b|\bclip\b|剪|裁/.test(text))) return { op: 'trim_clip', clip, mode: 'keep_range', ...range };
  const ms = firstDuration(text);
  if (ms === undefined) return undefined;
  const keep = KEEP.test(text) && !CUT.test(text.replace(/\btrim (?:\w+ ){0,3}to\b/, ''));
  const end = END.test(text.replace(/\bthe last (?:clip|one|video|image|photo)\b|最后(?:1)?(?:个|段|张)(?:片段|视频)?/g, ' '));
  const start = START.test(text.replace(/\bthe first (?:clip|one|video|image|photo)\b|第1(?:个|段|张)/g, ' '));
  if (/\boff the (?:end|back)\b|\bfrom the end\b|\bshorten (?:\w+ ){0,4}by\b|结尾|末尾/.test(text) && !keep) return { op: 'trim_clip', clip, mode: 'cut_end', ms };
  if (/\boff the (?:start|beginning|front)\b|\bfrom the (?:start|beginning|front)\b|开头/.test(text) && !keep) return { op: 'trim_clip', clip, mode: 'cut_start', ms };
  if (keep || /\btrim (?:\w+ ){0,4}to the first\b/.test(text)) {
    if (end && !start) return { op: 'trim_clip', clip, mode: 'keep_last', ms };
    if (start) return { op: 'trim_clip', clip, mode: 'keep_first', ms };
    return undefined;
  }
  if (CUT.test(text) && start && !end) return { op: 'trim_clip', clip, mode: 'cut_start', ms };
  if (CUT.test(text) && end && !start) return { op: 'trim_clip', clip, mode: 'cut_end', ms };
  return undefined;
}

function groupOf(text: string): ClipSet | undefined {
  if (/\b(?:each|every|all(?: the)?|the) (?:photos?|images?|pictures?|stills?|slides?)\b|每张|所有图片|所有照片|图片都|照片都|每个图片/.test(text)) return 'images';
  if (/\b(?:each|every|all(?: the)?) (?:video )?clips?\b|\beach one\b|每个片段|所有片段|每段/.test(text)) return 'all';
  if (/\b(?:each|every|all(?: the)?) videos?\b|每个视频|所有视频/.test(text)) return 'videos';
  return undefined;
}

function singleClip(ctx: ParseContext): ClipRef | undefined {
  return videoSegments(ctx.draft).length === 1 ? 1 : undefined;
}

export const timingRule: Rule = (clause, ctx): RuleHit | undefined => {
  const text = clause.text;
  if (durations(text).length === 0) return undefined;
  const refs = clipRefs(text, ctx).map((f) => f.value);
  const group = groupOf(text);
  // Trims of a named clip, or of the video's start/end ("cut the first 2 seconds" = the first clip's start).
  const trimTargets: ClipRef[] = refs.length > 0 ? refs : [];
  if (trimTargets.length === 0 && !group) {
    const probe = trimOp(1, text);
    if (probe && (probe.mode === 'cut_start' || probe.mode === 'cut_end') && !WHOLE.test(text.replace(/\bit\b/, ''))) {
      return hit([{ ...probe, clip: probe.mode === 'cut_start' ? 1 : 'last' }]);
    }
    const only = singleClip(ctx);
    if (probe && only !== undefined) return hit([{ ...probe, clip: only }]);
  }
  const trims = trimTargets.map((clip) => trimOp(clip, text)).filter((op): op is TrimOp => op !== undefined);
  if (trims.length > 0) return hit(trims);
  const ms = firstDuration(text) ?? 0;
  if (group && SET_LENGTH.test(text)) return hit([{ op: 'set_duration', clips: group, ms }]);
  if (refs.length > 0 && SET_LENGTH.test(text)) return hit(refs.map((clips): Op => ({ op: 'set_duration', clips, ms })));
  if (refs.length === 0 && (WHOLE.test(text) || FIT_VERB.test(text))) return hit([{ op: 'fit_total', ms }]);
  return undefined;
};

/** A clause that is nothing but a length ("30 seconds", "60秒") means the whole video. */
export const bareLengthRule: Rule = (clause) => {
  const stripped = clause.text.replace(/\d+(?:\.\d+)?\s*-?\s*(?:seconds?|secs?|s\b|秒钟?|ms)/g, ' ').replace(/\b(?:please|total|long|in|about|around|roughly|max|only)\b|[\s,.!?，。！？的吧左右]/g, '');
  const ms = firstDuration(clause.text);
  if (stripped !== '' || ms === undefined) return undefined;
  return hit([{ op: 'fit_total', ms }]);
};

export const projectTitleRule: Rule = (clause) => {
  const m = /\b(?:call|name|rename)\b (?:the |this |my )?(?:project|video|it)(?: to| as)? «(\d+)»|项目(?:名|名字|名称)?(?:叫|改为|改成|设为)\s*«(\d+)»|(?:命名为|取名为?)\s*«(\d+)»/.exec(clause.text);
  if (!m) return undefined;
  const text = clause.quotes[Number(m[1] ?? m[2] ?? m[3])];
  return text ? hit([{ op: 'set_project_title', title: text }]) : cannot('What should the project be called? Put the name in quotes.', '项目要叫什么？请把名字放在引号里。');
};
