/**
 * Scale/crop/pad chains that put a picture on the canvas by fit mode (issue 3 §Renderer). Sizes are computed here
 * from the probed display size, so the chain is exact and testable; unknown sizes fall back to ffmpeg's own
 * aspect-ratio arithmetic.
 */
import type { FitMode } from '../../../shared/draft';

export interface Size {
  width: number;
  height: number;
}

/** The blurred background is built at a quarter of the canvas: blurring is cheap there and looks the same. */
const BLUR_DOWNSCALE = 4;

const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));

/**
 * A chain fragment to splice between `,` in a filter chain. contain-blur needs a split, so its fragment holds
 * labelled sub-chains (`split=2[a][b];[a]…[c];…;[c][d]overlay=…`); `tag` keeps those labels unique.
 */
export function fitFragment(src: Size, canvas: Size, mode: FitMode, tag: string): string {
  const known = src.width > 0 && src.height > 0;
  if (known && src.width === canvas.width && src.height === canvas.height) return '';
  if (mode === 'cover') return known ? coverKnown(src, canvas) : coverUnknown(canvas);
  if (mode === 'contain') return known ? containKnown(src, canvas) : containUnknown(canvas);
  if (known && sameAspect(src, canvas)) return coverKnown(src, canvas);
  return containBlur(src, canvas, tag, known);
}

function sameAspect(src: Size, canvas: Size): boolean {
  return Math.abs(src.width / src.height - canvas.width / canvas.height) < 0.01;
}

/** The centred part of the source with the canvas's aspect: cropping first means scaling fewer pixels. */
function coverCrop(src: Size, canvas: Size): Size {
  if (src.width * canvas.height > src.height * canvas.width) {
    return { width: Math.min(src.width, even((src.height * canvas.width) / canvas.height)), height: src.height };
  }
  return { width: src.width, height: Math.min(src.height, even((src.width * canvas.height) / canvas.width)) };
}

function containSize(src: Size, canvas: Size): Size {
  const f = Math.min(canvas.width / src.width, canvas.height / src.height);
  return { width: Math.min(canvas.width, even(src.width * f)), height: Math.min(canvas.height, even(src.height * f)) };
}

function coverKnown(src: Size, canvas: Size): string {
  const c = coverCrop(src, canvas);
  const scale = `scale=${canvas.width}:${canvas.height}`;
  if (c.width === src.width && c.height === src.height) return scale;
  return `crop=${c.width}:${c.height},${scale}`;
}

function coverUnknown(canvas: Size): string {
  return `scale=${canvas.width}:${canvas.height}:force_original_aspect_ratio=increase,crop=${canvas.width}:${canvas.height}`;
}

function containKnown(src: Size, canvas: Size): string {
  const s = containSize(src, canvas);
  const scale = `scale=${s.width}:${s.height}`;
  if (s.width === canvas.width && s.height === canvas.height) return scale;
  const x = Math.floor((canvas.width - s.width) / 2);
  const y = Math.floor((canvas.height - s.height) / 2);
  return `${scale},pad=${canvas.width}:${canvas.height}:${x}:${y}:black`;
}

function containUnknown(canvas: Size): string {
  return `scale=${canvas.width}:${canvas.height}:force_original_aspect_ratio=decrease,pad=${canvas.width}:${canvas.height}:(ow-iw)/2:(oh-ih)/2:black`;
}

function containBlur(src: Size, canvas: Size, tag: string, known: boolean): string {
  const small: Size = { width: even(canvas.width / BLUR_DOWNSCALE), height: even(canvas.height / BLUR_DOWNSCALE) };
  const bg = known ? coverKnown(src, small) : coverUnknown(small);
  const fg = known ? `scale=${containSize(src, canvas).width}:${containSize(src, canvas).height}` : `scale=${canvas.width}:${canvas.height}:force_original_aspect_ratio=decrease`;
  const overlay = known
    ? `overlay=${Math.floor((canvas.width - containSize(src, canvas).width) / 2)}:${Math.floor((canvas.height - containSize(src, canvas).height) / 2)}`
    : 'overlay=(W-w)/2:(H-h)/2';
  return (
    `split=2[${tag}bg][${tag}fg];` +
    `[${tag}bg]${joinFilters(bg, 'boxblur=8:2', `scale=${canvas.width}:${canvas.height}`)}[${tag}bgb];` +
    `[${tag}fg]${fg}[${tag}fgs];` +
    `[${tag}bgb][${tag}fgs]${overlay}`
  );
}

/** Joins chain parts with commas, skipping empty ones (a fit that needs no filter gives ''). */
export function joinFilters(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(',');
}
