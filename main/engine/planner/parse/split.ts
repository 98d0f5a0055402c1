/**
 * Splits a message into clauses, one request each: "add a title 'Sale' and make it vertical" → two clauses.
 * "and" / "with" / a comma only split when a new request follows (a verb or a feature noun), so
 * "between clip 1 and 2" or "fade the music in and out" stay whole. A clause that lost its verb to the split
 * borrows the one before ("remove the title and the music" → "remove the music"), and one that says "it"
 * borrows the feature it refers to ("add music and fade it out").
 */

const VERB_EN =
  "(?:add|put|insert|include|use|place|apply|make|set|change|turn|switch|move|swap|reverse|reorder|sort|arrange|remove|delete|drop|cut|trim|shorten|lengthen|extend|keep|speed|slow|mute|unmute|lower|raise|increase|decrease|reduce|boost|fade|duck|give|crop|fit|fill|resize|rename|replace|undo|redo|revert|get rid|take|bring|show|write|call|name|play|convert|stretch|blur|center|align|throw|stick|overlay|finish|end|start|open|close|let|go)";
const NOUN_EN =
  '(?:transitions?|crossfades?|cross-fades?|dissolves?|wipes?|titles?|captions?|subtitles?|text|overlays?|music|song|soundtrack|bgm|background music|volume|speed|slow motion|slow zoom|ken burns|aspect ratio|canvas|fades?|hard cuts?)';
const VERB_ZH = '(?:加|添|放|用|把|将|设|删|去掉|去除|移除|移|调|改|换|剪|裁|放慢|加速|静音|做|生成|合成|变成|交换|倒序|让|给|保留|只要|撤销|重做|配|插入|拿掉|不要|取消|关掉)';
const NOUN_ZH = '(?:转场|过渡|标题|文字|字幕|背景音乐|音乐|配乐|歌|速度|比例|画面|背景|淡入|淡出|音量)';

const LEAD = '\\s*(?:(?:please|also|then|and|just|maybe|could you|can you)\\s+)*(?:(?:the|a|an|some|my|all|all the|every|no|without)\\s+)?';

const STRONG = /[;；。！!？?\n]+|\.(?=\s|$)|\s*\b(?:and then|after that|then|also|additionally|plus)\b\s*|然后|接着|另外|同时|并且|之后再|再把|再给|还有|最后再/;
const SOFT_EN = new RegExp(`(?:,|\\band\\b|&|\\bwith\\b|\\bas well as\\b)(?=${LEAD}(?:${VERB_EN}|${NOUN_EN})\\b)`);
const SOFT_ZH = new RegExp(`(?:，|,|和|跟|与|以及|并|加上)(?=(?:请|也|再|还)?(?:${VERB_ZH}|${NOUN_ZH}))`);

const VERB_AT_START_EN = new RegExp(`^${LEAD}${VERB_EN}\\b`);
const VERB_AT_START_ZH = new RegExp(`^(?:请|也|再|还)?${VERB_ZH}`);
// "combine these into a video with a fade and a title 'Hi'": the title clause borrows "combine", not "fade".
const FIRST_VERB = new RegExp(`\\b(?:get rid of|take out|combine|merge|stitch|compile|assemble|create|build|produce|${VERB_EN})\\b`);
const FIRST_VERB_ZH = new RegExp(VERB_ZH);
const PLACE_ONLY_ZH = /^(?:在|从|于)[^，,]{1,12}$/;
const TOPIC = /\b(music|song|title|text|transitions?|overlays?)\b|(音乐|标题|文字|转场)/g;

function splitKeeping(text: string, pattern: RegExp): Array<{ part: string; joiner: string }> {
  const out: Array<{ part: string; joiner: string }> = [];
  const global = new RegExp(pattern.source, 'g');
  let last = 0;
  let joiner = '';
  for (const m of text.matchAll(global)) {
    if (m[0] === '' && m.index === last) continue;
    out.push({ part: text.slice(last, m.index), joiner });
    joiner = m[0].trim();
    last = m.index + m[0].length;
  }
  out.push({ part: text.slice(last), joiner });
  return out;
}

function lastTopic(text: string): string | undefined {
  const all = [...text.matchAll(TOPIC)];
  const m = all[all.length - 1];
  return m ? (m[1] ?? m[2]) : undefined;
}

export interface SplitClause {
  text: string;
  /** The feature an "it" in this clause may refer to, from the clause before ("add music and fade it out"). */
  topic?: string;
}

export function splitClauses(text: string): SplitClause[] {
  const clauses: SplitClause[] = [];
  for (const { part: sentence } of splitKeeping(text, STRONG)) {
    let previous = '';
    let carry = '';
    const parts = splitKeeping(sentence, new RegExp(`${SOFT_EN.source}|${SOFT_ZH.source}`));
    for (const [i, { part, joiner: before }] of parts.entries()) {
      let clause = part.trim();
      let joiner = before;
      if (clause === '') continue;
      if (carry !== '') {
        clause = `${carry}${joiner}${clause}`;
        joiner = '';
        carry = '';
      }
      // "在开头加上字幕…": a place or time with no verb of its own belongs to the request right after it.
      const after = parts[i + 1]?.joiner;
      if (after !== undefined && !/^[,，]$/.test(after) && PLACE_ONLY_ZH.test(clause) && !FIRST_VERB_ZH.test(clause)) {
        carry = clause;
        continue;
      }
      const zh = /\p{Script=Han}/u.test(clause);
      const borrowsVerb = previous !== '' && joiner !== 'with' && !(zh ? VERB_AT_START_ZH : VERB_AT_START_EN).test(clause);
      if (borrowsVerb) {
        const verb = (zh ? FIRST_VERB_ZH : FIRST_VERB).exec(previous)?.[0];
        if (verb) clause = zh ? `${verb}${clause}` : `${verb} ${clause}`;
      }
      const topic = /\b(?:it|them|its|that)\b|它/.test(clause) && !lastTopic(clause) && previous !== '' ? lastTopic(previous) : undefined;
      clauses.push(topic ? { text: clause, topic } : { text: clause });
      previous = clause;
    }
  }
  return clauses;
}
