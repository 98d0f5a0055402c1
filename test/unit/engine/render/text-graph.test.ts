import { describe, expect, it } from 'vitest';
import { escapeGraphText, escapeOptionValue, filterValue } from '../../../../main/engine/render/escape';
import { drawtextFilter, fontColor, fontSize, hasCjk } from '../../../../main/engine/render/text-graph';
import type { TextItem } from '../../../../main/engine/render/timeline';

const canvas = { width: 1920, height: 1080 };
const fonts = { fontFile: '/fonts/DejaVuSans-Bold.ttf', cjkFontFile: '/fonts/wqy-zenhei.ttc' };
const item = (text: string, extra: Partial<TextItem> = {}): TextItem => ({ id: 'x', start: 0, duration: 3000, text, pos: 'center', role: 'title', ...extra });

describe('filter graph escaping', () => {
  it('escapes quotes, colons and backslashes for the option parser', () => {
    expect(escapeOptionValue("It's 10:30 C:\\x")).toBe("It\\'s 10\\:30 C\\:\\\\x");
  });

  it('escapes graph separators, quotes, backslashes and spaces for the graph parser', () => {
    expect(escapeGraphText("a,b;[c] d'\\")).toBe("a\\,b\\;\\[c\\]\\ d\\'\\\\");
  });

  it('combines both levels (checked against ffmpeg -v debug "Setting \'text\' to value")', () => {
    expect(filterValue("It's 50% off: C:\\dir")).toBe("It\\\\\\'s\\ 50%\\ off\\\\:\\ C\\\\:\\\\\\\\dir");
    expect(filterValue(' padded ')).toBe('\\\\\\ padded\\\\\\ ');
  });
});

describe('drawtext', () => {
  it('always names the font file, turns expansion off (so % is literal) and escapes every special character', () => {
    expect(drawtextFilter(item("It's 100%: a\\b"), canvas, fonts)).toBe(
      'drawtext=fontfile=/fonts/DejaVuSans-Bold.ttf:expansion=none:' +
        "text=It\\\\\\'s\\ 100%\\\\:\\ a\\\\\\\\b:" +
        'fontsize=97:fontcolor=white:borderw=7:bordercolor=black@0.6:' +
        'x=(w-text_w)/2:y=(h-text_h)/2:enable=between(t\\,0\\,3)',
    );
  });

  it('uses the CJK font for Chinese text and keeps the characters as they are', () => {
    const filter = drawtextFilter(item('春节快乐，全场五折', { start: 3000, duration: 2500, pos: 'bottom', role: 'overlay' }), canvas, fonts);
    expect(filter).toContain('fontfile=/fonts/wqy-zenhei.ttc:');
    // The full-width comma is not a graph separator and needs no escaping.
    expect(filter).toContain(':text=春节快乐，全场五折:');
    expect(filter).toContain('y=h-text_h-h*0.09');
    expect(filter).toContain('enable=between(t\\,3\\,5.5)');
  });

  it('falls back to the Latin font when no CJK font exists, so the command still works', () => {
    expect(drawtextFilter(item('你好'), canvas, { fontFile: '/fonts/DejaVuSans-Bold.ttf' })).toContain('fontfile=/fonts/DejaVuSans-Bold.ttf:');
  });

  it('escapes a font path with spaces, quotes and a colon', () => {
    expect(drawtextFilter(item('Hi'), canvas, { fontFile: "C:/My Fonts/Bob's.ttf" })).toContain("fontfile=C\\\\:/My\\ Fonts/Bob\\\\\\'s.ttf:");
  });

  it('sizes titles larger than overlays and shrinks long lines to fit the width', () => {
    expect(fontSize(item('Sale'), canvas)).toBe(97);
    expect(fontSize(item('Sale', { role: 'overlay' }), canvas)).toBe(65);
    expect(fontSize(item('x'.repeat(60)), canvas)).toBe(48);
    expect(fontSize(item('春'.repeat(30)), canvas)).toBe(57);
    expect(fontSize(item('Sale', { size: 40 }), canvas)).toBe(40);
  });

  it('detects CJK text and reads colours safely', () => {
    expect(hasCjk('Spring 春')).toBe(true);
    expect(hasCjk('Spring')).toBe(false);
    expect(fontColor('#FF8800')).toBe('0xff8800');
    expect(fontColor('yellow')).toBe('yellow');
    expect(fontColor("red:x='1'")).toBe('white');
  });
});
