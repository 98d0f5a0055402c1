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

/** The length the user asked for: a layout that had to shorten a transition keeps the request in `req`. */
export function requestedTransitionMs(seg: VisualSegment): number {
  return seg.m.tr ? (seg.m.tr.req ?? seg.m.tr.d) : 0;
}

/**
 * Clamps each transition to its neighbours without forgetting what was asked for: when the clips get long again
 * (a longer fit, a slower speed), the transition returns to the requested length.
 */
export function settleTransitions(segs: VisualSegment[]): void {
  segs.forEach((seg, i) => {
    const prev = segs[i - 1];
    if (!prev) {
      delete seg.m.tr;
      return;
    }
    if (!seg.m.tr) return;
    const wanted = requestedTransitionMs(seg);
    const d = Math.min(wanted, maxTransitionMs(prev, seg));
    const next = { ...seg.m.tr, d };
    delete next.req;
    seg.m.tr = d < wanted ? { ...next, req: wanted } : next;
  });
}

function layOutVideo(segs: VisualSegment[]): number {
  settleTransitions(segs);
  let end = 0;
  segs.forEach((seg, i) => {
    seg.s = i === 0 ? 0 : end - (seg.m.tr?.d ?? 0);
    end = seg.s + seg.d;
  });
  return end;
}

/**
 * Where a text goes: over its clip (after the transition into it, for at most the time that clip is fully shown), or
 * where it was put, inside the draft. Its length is the one asked for (`m.req` when a short clip had to shorten it),
 * so a text comes back to full length when its clip does. Undefined when the clip it belonged to is gone.
 */
export function textSpan(draft: LocalDraft, text: TextSegment): { s: number; d: number } | undefined {
  const segs = videoSegments(draft);
  const wanted = text.m.req ?? text.d;
  let s = text.s;
  let d = wanted;
  if (text.m.anchor !== undefined) {
    const i = segs.findIndex((seg) => seg.id === text.m.anchor);
    const anchor = segs[i];
    if (!anchor) return undefined;
    const next = segs[i + 1];
    s = anchor.s + (anchor.m.tr?.d ?? 0);
    const visibleEnd = anchor.s + anchor.d - (next?.m.tr?.d ?? 0);
    d = Math.max(500, Math.min(wanted, visibleEnd - s));
  }
  if (draft.d > 0) {
    d = Math.min(d, draft.d);
    s = Math.max(0, Math.min(s, draft.d - d));
  }
  return { s, d };
}

function layOutTexts(draft: LocalDraft): void {
  for (const track of draft.t) {
    if (track.tt !== TRACK_TEXT) continue;
    const texts = track.sg as TextSegment[];
    track.sg = texts.filter((text) => {
      const span = textSpan(draft, text);
      // The clip it belonged to is gone: the text goes with it rather than floating over some other clip.
      if (!span) return false;
      const wanted = text.m.req ?? text.d;
      text.s = span.s;
      text.d = span.d;
      if (span.d < wanted) text.m.req = wanted;
      else delete text.m.req;
      return true;
    });
  }
}

function layOutMusic(draft: LocalDraft, media: readonly MediaRecord[], visualEnd: number): number {
  const music = musicSegment(draft);
  if (!music) return 0;
  const record = mediaById(media, music.m.src);
  const natural = Math.max(0, (record?.durationMs ?? music.d + music.m.in) - music.m.in);
  music.s = 0;
  // Background music fills the whole video: a song shorter than the video repeats (the renderer loops it).
  music.d = visualEnd > 0 ? visualEnd : natural;
  if (visualEnd > 0 && natural < visualEnd) music.m.loop = true;
  else delete music.m.loop;
  if (music.m.fadeOut === undefined && natural !== visualEnd && visualEnd > 0) music.m.fadeOut = DEFAULT_MUSIC_FADE_MS;
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
  layOutTexts(draft);
  pruneEmptyTracks(draft);
  draft.t.sort((a, b) => (TRACK_ORDER[a.id] ?? a.tt + 10) - (TRACK_ORDER[b.id] ?? b.tt + 10));
  return draft;
}
