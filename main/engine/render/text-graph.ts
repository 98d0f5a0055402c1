/**
 * Titles and text overlays with drawtext. The font file is always given (the bundled static build floods stderr
 * with fontconfig warnings otherwise), expansion is off so `%` is literal, and every value is escaped for the graph.
 */
import type { TextPosition } from '../../../shared/draft';
import { filterValue, sec } from './escape';
import type { Size } from './fit';
import type { TextItem } from './timeline';

export interface TextFonts {
  fontFile: string;
  /** A font with Chinese/Japanese/Korean glyphs; DejaVu has none. */
  cjkFontFile?: string;
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
const MARGIN = 0.06;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Pixel size: from the draft if set, else a share of the canvas, shrunk so one line fits 90% of the width. */
export function fontSize(item: TextItem, canvas: Size): number {
  const short = Math.min(canvas.width, canvas.height);
  const base = item.size !== undefined ? item.size : Math.round(short * (item.role === 'title' ? 0.09 : 0.06));
  const longest = Math.max(...item.text.split('\n').map(lineEms));
  const fitting = longest > 0 ? Math.floor((canvas.width * 0.9) / longest) : base;
  return Math.max(12, Math.min(base, fitting));
}

/** Rough width of a line in em: CJK glyphs are square, Latin ones about 0.6 em. */
function lineEms(line: string): number {
  // Counted in tenths of an em so the sum is exact.
  let tenths = 0;
  for (const ch of line) tenths += hasCjk(ch) ? 10 : 6;
  return tenths / 10;
}

export function positionExpr(pos: TextPosition): { x: string; y: string } {
  const left = `w*${MARGIN}`;
  const right = `w-text_w-w*${MARGIN}`;
  const top = `h*${MARGIN}`;
  const bottom = `h-text_h-h*${MARGIN * 1.5}`;
  const cx = '(w-text_w)/2';
  const cy = '(h-text_h)/2';
  switch (pos) {
    case 'top':
      return { x: cx, y: top };
    case 'bottom':
      return { x: cx, y: bottom };
    case 'top-left':
      return { x: left, y: top };
    case 'top-right':
      return { x: right, y: top };
    case 'bottom-left':
      return { x: left, y: bottom };
    case 'bottom-right':
      return { x: right, y: bottom };
    default:
      return { x: cx, y: cy };
  }
}

/** `#ff8800`, `ff8800` or a colour name → an ffmpeg colour; anything else → white. */
export function fontColor(color: string | undefined): string {
  if (!color) return 'white';
  const hex = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (hex) return `0x${hex[1]!.toLowerCase()}`;
  return /^[a-z]{3,20}$/i.test(color.trim()) ? color.trim().toLowerCase() : 'white';
}

export function drawtextFilter(item: TextItem, canvas: Size, fonts: TextFonts): string {
  const size = fontSize(item, canvas);
  const font = hasCjk(item.text) && fonts.cjkFontFile ? fonts.cjkFontFile : fonts.fontFile;
  const { x, y } = positionExpr(item.pos);
  const border = Math.max(2, Math.round(size / 14));
  const options = [
    `fontfile=${filterValue(font)}`,
    'expansion=none',
    `text=${filterValue(item.text)}`,
    `fontsize=${size}`,
    `fontcolor=${fontColor(item.color)}`,
    `borderw=${border}`,
    'bordercolor=black@0.6',
    `x=${filterValue(x)}`,
    `y=${filterValue(y)}`,
    `enable=${filterValue(`between(t,${sec(item.start)},${sec(item.start + item.duration)})`)}`,
  ];
  return `drawtext=${options.join(':')}`;
}
