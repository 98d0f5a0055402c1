/** Transitions: "add fade transitions", "a 1 second dissolve between clip 1 and 2", "wipe right", 转场, "hard cuts". */
import { videoSegments } from '../draft-model';
import { DEFAULT_TRANSITION, DEFAULT_TRANSITION_MS, type ClipRef, type Op, type TransitionType } from '../ops';
import { clipRefs, firstDuration } from './slots';
import { hit, REMOVE_VERB, type Clause, type ParseContext, type Rule } from './rule';

const TRANSITION_WORD =
  /\btransitions?\b|\bcross[ -]?fades?\b|\bcross[ -]?dissolves?\b|\bdissolves?\b|\bwipes?\b|\bslides?\b(?! ?show)|\bpush(?:es)?\b|\bdip to (?:black|white)\b|\bfades? (?:to|through) (?:black|white)\b|\bfades?\b|\biris\b|\bcircle (?:open|close|wipe)\b|\bhard cuts?\b|\bstraight cuts?\b|\bjump cuts?\b|转场|过渡|淡入淡出|溶解|叠化|擦除|划像|滑动|推移|闪白|黑场|硬切|直切/;

const TYPES: Array<[RegExp, TransitionType]> = [
  [/fades? (?:to|through) black|dip to black|fade ?black|黑场|闪黑/, 'fadeblack'],
  [/fades? (?:to|through) white|dip to white|flash|fade ?white|闪白|白场/, 'fadewhite'],
  [/cross[ -]?dissolve|dissolve|溶解|叠化/, 'dissolve'],
  [/wipe (?:to the )?right|wipe ?right|left[- ]to[- ]right wipe|向右擦除|右擦除/, 'wiperight'],
  [/wipe (?:to the )?up|wipe ?up|upward wipe|向上擦除/, 'wipeup'],
  [/wipe (?:to the )?down|wipe ?down|downward wipe|向下擦除/, 'wipedown'],
  [/wipe|擦除|划像/, 'wipeleft'],
  [/(?:slide|push) (?:to the )?right|slide ?right|向右滑动|右滑/, 'slideright'],
  [/(?:slide|push) (?:to the )?up|slide ?up|向上滑动|上滑/, 'slideup'],
  [/(?:slide|push) (?:to the )?down|slide ?down|向下滑动|下滑/, 'slidedown'],
  [/slide|push|滑动|推移|推拉/, 'slideleft'],
  [/circle ?close|iris ?(?:out|close)|closing circle|圆形收缩|圆形关闭/, 'circleclose'],
  [/circle|iris|圆形|圆圈/, 'circleopen'],
  [/zoom|缩放|放大/, 'zoomin'],
  [/radial|clock ?wipe|钟表|径向/, 'radial'],
  [/pixel|像素/, 'pixelize'],
  [/cross[ -]?fade|fade|淡入淡出|渐变|淡化/, 'fade'],
];

export function transitionType(text: string): TransitionType | undefined {
  return TYPES.find(([pattern]) => pattern.test(text))?.[1];
}

/** Which join: "between clip 1 and 2" → into 2; "before the last clip" → into last; "after clip 2" → into 3. */
function target(clause: Clause, ctx: ParseContext): ClipRef | 'all' {
  const text = clause.text;
  if (/\b(?:all|every|each|everywhere|throughout)\b|所有|全部|每个|每两个|之间都/.test(text) && !/\bbetween (?:clip|the) .* and\b/.test(text)) return 'all';
  const between = /between (?:clips? )?(\d+) and (?:clip )?(\d+)|(\d+)\s*(?:和|与|跟)\s*(?:第)?(\d+)/.exec(text);
  if (between) {
    const nums = [between[1], between[2], between[3], between[4]].filter((n): n is string => n !== undefined).map(Number);
    return Math.max(...nums);
  }
  const refs = clipRefs(text, ctx).map((f) => f.value);
  if (refs.length >= 2) {
    if (refs.includes('last')) return 'last';
    return Math.max(...refs.map((r) => (r === 'last' ? 0 : r)));
  }
  const ref = refs[0];
  if (ref === undefined) return 'all';
  const after = /\bafter\b|之后|后面/.test(text) && !/\bbefore\b|之前|前面/.test(text);
  if (!after) return ref;
  if (ref === 'last') return videoSegments(ctx.draft).length + 1;
  return ref + 1;
}

export const transitionRule: Rule = (clause, ctx) => {
  const text = clause.text;
  if (!TRANSITION_WORD.test(text)) return undefined;
  const into = target(clause, ctx);
  if (/\b(?:hard|straight|jump) cuts?\b|硬切|直切/.test(text) || (REMOVE_VERB.test(text) && !/\bwith\b/.test(text))) {
    return hit([{ op: 'remove_transitions', into }]);
  }
  // "make the transitions 1.5 s" keeps their type; "change them to dissolve" keeps their length.
  const existing = videoSegments(ctx.draft).find((seg) => seg.m.tr)?.m.tr;
  const type = transitionType(text) ?? (existing?.type as TransitionType | undefined) ?? DEFAULT_TRANSITION;
  const op: Op = { op: 'set_transition', into, type, ms: firstDuration(text) ?? existing?.d ?? DEFAULT_TRANSITION_MS };
  return hit([op]);
};
