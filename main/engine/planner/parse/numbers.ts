/**
 * Rewrites spoken numbers as digits so that the rules only ever match digits: "thirty-five" → 35,
 * "half a minute" → "30 seconds", "二十" → 20, "两" → 2, "一分半" → "90秒". Ordinal words stay words
 * ("second" is also a unit), the clip-reference rules read them.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundred'].join('|')})`;
const SEQUENCE = new RegExp(`\\b${WORD}(?:(?:[\\s-]+|[\\s-]+and[\\s-]+)${WORD})*\\b`, 'g');

function wordsValue(words: string[]): number {
  let total = 0;
  let current = 0;
  for (const word of words) {
    if (word === 'hundred') current = (current || 1) * 100;
    else current += UNITS[word] ?? TENS[word] ?? 0;
  }
  total += current;
  return total;
}

/** "one" alone is usually a pronoun ("the last one"), so it only counts next to a unit or another number word. */
const LONE_ONE = /^one$/;
const AFTER_ONE = /^[\s-]*(?:seconds?|secs?|minutes?|mins?|ms\b|millisec|x\b|times|and a half|point|percent|%|or two|fifth|fourth|third|half|more second)/;

export function englishNumbersToDigits(text: string): string {
  let out = text
    .replace(/\b(?:half a|a half) minute\b/g, '30 seconds')
    .replace(/\bhalf a second\b/g, '0.5 seconds')
    .replace(/\b(?:a|one) minute and a half\b/g, '90 seconds')
    .replace(/\ba couple of\b/g, 'two')
    .replace(/\b(?:a|one) minute\b/g, '60 seconds')
    .replace(/\ba (?:few) seconds?\b/g, '3 seconds');
  out = out.replace(SEQUENCE, (match, offset: number) => {
    if (LONE_ONE.test(match) && !AFTER_ONE.test(out.slice(offset + match.length))) return match;
    return String(wordsValue(match.split(/[\s-]+/).filter((w) => w !== 'and')));
  });
  return out
    .replace(/(\d+) and a half\b/g, (_m, n: string) => String(Number(n) + 0.5))
    .replace(/(\d+) point (\d+)/g, '$1.$2')
    .replace(/\b(\d+(?:\.\d+)?) minutes?\b/g, (_m, n: string) => `${Number(n) * 60} seconds`)
    .replace(/\b(\d+(?:\.\d+)?) mins?\b/g, (_m, n: string) => `${Number(n) * 60} seconds`)
    .replace(/(\d+(?:\.\d+)?) seconds?(?:,| and|,? and)? (\d+(?:\.\d+)?) seconds?/g, (_m, a: string, b: string) => `${Number(a) + Number(b)} seconds`)
    // m:ss is a time, except "9:16", which people mean as the vertical aspect ratio.
    .replace(/\b(\d{1,2}):(\d{2})\b/g, (match: string, m: string, s: string) => (match === '9:16' ? match : `${Number(m) * 60 + Number(s)} seconds`));
}

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "三十五" → 35, "十五" → 15, "一百二十" → 120, "二零二四" → 2024. */
export function chineseNumeral(run: string): number {
  if (!/[十百千]/.test(run)) return Number([...run].map((ch) => CN_DIGIT[ch] ?? 0).join(''));
  let total = 0;
  let digit = 0;
  for (const ch of run) {
    if (ch === '千' || ch === '百' || ch === '十') {
      const scale = ch === '千' ? 1000 : ch === '百' ? 100 : 10;
      total += (digit || 1) * scale;
      digit = 0;
    } else {
      digit = CN_DIGIT[ch] ?? 0;
    }
  }
  return total + digit;
}

/** Words where 一 is not a number ("a bit", "together", "unify"…); they are kept as they are. */
const KEEP = ['一点点', '一下', '一些', '一起', '一样', '一直', '一定', '一般', '一切', '统一', '唯一', '万一', '一律', '一遍', '一键'];

export function chineseNumbersToDigits(text: string): string {
  const kept: string[] = [];
  let out = text.replace(new RegExp(KEEP.join('|'), 'g'), (word) => {
    kept.push(word);
    return `⟦${kept.length - 1}⟧`;
  });
  // "一点" is "a bit" unless a digit follows ("一点五秒" = 1.5 s).
  out = out.replace(/一点(?![零〇一二两三四五六七八九\d])/g, (word) => {
    kept.push(word);
    return `⟦${kept.length - 1}⟧`;
  });
  out = out
    .replace(/半分钟/g, '30秒')
    .replace(/半秒/g, '0.5秒')
    .replace(/百分之([零〇一二两三四五六七八九十百\d.]+)/g, (_m, n: string) => `${/\d/.test(n) ? n : chineseNumeral(n)}%`)
    .replace(/([零〇一二两三四五六七八九十百千]+)点([零〇一二三四五六七八九]+)/g, (_m, a: string, b: string) => `${chineseNumeral(a)}.${[...b].map((ch) => CN_DIGIT[ch] ?? 0).join('')}`)
    .replace(/[零〇一二两三四五六七八九十百千]+/g, (run) => String(chineseNumeral(run)))
    .replace(/(\d+(?:\.\d+)?)个?半分钟/g, (_m, n: string) => `${(Number(n) + 0.5) * 60}秒`)
    .replace(/(\d+(?:\.\d+)?)分半/g, (_m, n: string) => `${Number(n) * 60 + 30}秒`)
    .replace(/(\d+(?:\.\d+)?)分钟/g, (_m, n: string) => `${Number(n) * 60}秒`)
    .replace(/(\d+)分(\d+)秒/g, (_m, m: string, s: string) => `${Number(m) * 60 + Number(s)}秒`);
  return out.replace(/⟦(\d+)⟧/g, (_m, i: string) => kept[Number(i)] ?? '');
}
