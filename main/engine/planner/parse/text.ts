/**
 * Message text preparation: quoted texts are lifted out first (their words must never be read as commands and
 * keep their case), then the rest is lower-cased and full-width forms are folded to ASCII.
 */

/** Placeholder for the n-th quoted text; it survives lower-casing and splitting. */
export const quoteMark = (n: number): string => `«${n}»`;
export const QUOTE_MARK = /«(\d+)»/g;

// A single quote only opens or closes a quote when it is not an apostrophe: not inside a word (don't, it's, Sam's),
// so 'Don't stop' is one quote and "Tom's trip" none. The same goes for the curly ’, which is also the apostrophe.
const QUOTED =
  /"([^"]+)"|“([^”]+)”|„([^“”]+)[“”]|「([^」]+)」|『([^』]+)』|‘((?:[^’]|’(?=[\p{L}\p{N}]))+?)’(?![\p{L}\p{N}])|《([^》]+)》|(?<![\p{L}\p{N}])'((?:[^']|'(?=[\p{L}\p{N}]))+?)'(?![\p{L}\p{N}])/gu;

export function liftQuotes(message: string): { text: string; quotes: string[] } {
  const quotes: string[] = [];
  const text = message.replace(QUOTED, (...groups: unknown[]) => {
    const inner = groups.slice(1, 9).find((g): g is string => typeof g === 'string') ?? '';
    const trimmed = inner.trim();
    if (trimmed === '') return ' ';
    quotes.push(trimmed);
    return ` ${quoteMark(quotes.length - 1)} `;
  });
  return { text, quotes };
}

export function restoreQuotes(text: string, quotes: readonly string[]): string {
  return text.replace(QUOTE_MARK, (_m, n: string) => `"${quotes[Number(n)] ?? ''}"`);
}

/** Full-width digits, letters and signs → ASCII; the Chinese comma and full stop stay (they split clauses). */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => {
      if (ch === '\uFF0C' || ch === '\uFF1B' || ch === '\uFF01' || ch === '\uFF1F') return ch;
      return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
    })
    .replace(/\u3000/g, ' ')
    .replace(/[×✕]/g, 'x')
    .replace(/[–—]/g, '-');
}

export const hasChinese = (text: string): boolean => /\p{Script=Han}/u.test(text);
