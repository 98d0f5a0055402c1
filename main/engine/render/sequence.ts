/**
 * Lays the visual items end to end as the one stream the output shows: where each piece joins the previous
 * (cut or transition), and black gaps where the timeline has holes. The video and the clips' audio are both
 * built from this plan, so picture and sound stay in step.
 */
import type { VisualItem } from './timeline';

export interface Piece {
  /** Undefined for a black, silent gap. */
  item?: VisualItem;
  duration: number;
  /** Where this piece starts in the output, in ms. */
  start: number;
  /** The transition from the previous piece into this one (they overlap by `d`); undefined = a cut. */
  join?: { type: string; d: number };
}

export interface SequencePlan {
  pieces: Piece[];
  lengthMs: number;
}

export function planSequence(visuals: readonly VisualItem[], durationMs: number, fps: number): SequencePlan {
  const frameMs = 1000 / fps;
  const pieces: Piece[] = [];
  let length = 0;
  for (const item of visuals) {
    const prev = pieces[pieces.length - 1];
    const overlap = item.transition && prev?.item ? Math.min(item.transition.d, prev.duration, item.duration) : 0;
    if (item.transition && overlap >= frameMs) {
      const start = length - overlap;
      pieces.push({ item, duration: item.duration, start, join: { type: item.transition.type, d: overlap } });
      length = start + item.duration;
      continue;
    }
    if (item.start - length >= frameMs) {
      pieces.push({ duration: item.start - length, start: length });
      length = item.start;
    }
    pieces.push({ item, duration: item.duration, start: length });
    length += item.duration;
  }
  if (pieces.length > 0 && durationMs - length >= frameMs) {
    pieces.push({ duration: durationMs - length, start: length });
    length = durationMs;
  }
  return { pieces, lengthMs: length };
}
