/**
 * Recomputes every derived time in a draft after an edit: the video track end to end with transition overlaps,
 * the draft length, the music span and the text placement. Edits only change clips' lengths and order; this
 * one function owns the rules of design.md "Draft format", so no edit can leave the draft inconsistent.
 */
import { TRACK_TEXT, type LocalDraft } from '../../../shared/draft';
import type { MediaRecord } from '../types';
import {
  mediaById,
  musicSegment,
  pruneEmptyTracks,
  textSegments,
  videoSegments,
  type TextSegment,
  type VisualSegment,
} from './draft-model';
import { DEFAULT_MUSIC_FADE_MS } from './ops';

/** A transition may take at most half of the shorter of its two clips. */
export function maxTransitionMs(prev: VisualSegment, cur: VisualSegment): number {
  return Math.floor(Math.min(prev.d, cur.d) / 2);
}

function layOutVideo(segs: VisualSegment[]): number {
  let end = 0;
  segs.forEach((seg, i) => {
    const prev = segs[i - 1];
    if (!prev) {
      delete seg.m.tr;
      seg.s = 0;
    } else {
      if (seg.m.tr) seg.m.tr = { ...seg.m.tr, d: Math.min(seg.m.tr.d, maxTransitionMs(prev, seg)) };
      seg.s = end - (seg.m.tr?.d ?? 0);
    }
    end = seg.s + seg.d;
  });
  return end;
}

/** Where an anchored text goes: over its clip, after the transition into it, for at most its own length. */
function placeOverAnchor(text: TextSegment, anchor: VisualSegment, next: VisualSegment | undefined): void {
  const start = anchor.s + (anchor.m.tr?.d ?? 0);
  const visibleEnd = anchor.s + anchor.d - (next?.m.tr?.d ?? 0);
  text.s = start;
  text.d = Math.max(500, Math.min(text.d, visibleEnd - start));
}

function layOutTexts(draft: LocalDraft, segs: VisualSegment[]): void {
  for (const track of draft.t) {
    if (track.tt !== TRACK_TEXT) continue;
    const texts = track.sg as TextSegment[];
    track.sg = texts.filter((text) => {
      if (text.m.anchor === undefined) return true;
      const i = segs.findIndex((seg) => seg.id === text.m.anchor);
      const anchor = segs[i];
      // The clip it belonged to is gone: the text goes with it rather than floating over some other clip.
      if (!anchor) return false;
      placeOverAnchor(text, anchor, segs[i + 1]);
      return true;
    });
  }
  if (draft.d <= 0) return;
  for (const text of textSegments(draft)) {
    text.d = Math.min(text.d, draft.d);
    text.s = Math.max(0, Math.min(text.s, draft.d - text.d));
  }
}

function layOutMusic(draft: LocalDraft, media: readonly MediaRecord[], visualEnd: number): number {
  const music = musicSegment(draft);
  if (!music) return 0;
  const record = mediaById(media, music.m.src);
  const natural = Math.max(0, (record?.durationMs ?? music.d + music.m.in) - music.m.in);
  music.s = 0;
  music.d = visualEnd > 0 ? Math.min(natural, visualEnd) : natural;
  if (music.m.fadeOut === undefined && natural > visualEnd && visualEnd > 0) music.m.fadeOut = DEFAULT_MUSIC_FADE_MS;
  return music.d;
}

const TRACK_ORDER: Record<string, number> = { v1: 0, a1: 1, x1: 2, x2: 3 };

export function relayout(draft: LocalDraft, media: readonly MediaRecord[]): LocalDraft {
  pruneEmptyTracks(draft);
  const segs = videoSegments(draft);
  const visualEnd = layOutVideo(segs);
  const audioEnd = layOutMusic(draft, media, visualEnd);
  const textEnd = Math.max(0, ...textSegments(draft).map((text) => text.s + text.d));
  // The video decides the length; an audio-only project lasts as long as its music; text alone as long as the text.
  draft.d = visualEnd > 0 ? visualEnd : audioEnd > 0 ? audioEnd : textEnd;
  layOutTexts(draft, segs);
  pruneEmptyTracks(draft);
  draft.t.sort((a, b) => (TRACK_ORDER[a.id] ?? a.tt + 10) - (TRACK_ORDER[b.id] ?? b.tt + 10));
  return draft;
}
