/**
 * Typed access to the planner's own draft form: the empty draft, its tracks by kind, fresh ids and clip lookup.
 * The functions that change a draft expect a private copy (applyOps clones once, then edits in place).
 */
import {
  TRACK_AUDIO,
  TRACK_TEXT,
  TRACK_VIDEO,
  type AudioSegmentMeta,
  type LocalDraft,
  type LocalSegment,
  type LocalTrack,
  type TextSegmentMeta,
  type VisualSegmentMeta,
} from '../../../shared/draft';
import type { MediaRecord } from '../types';
import type { ClipRef, ClipSet } from './ops';

export type VisualSegment = LocalSegment<VisualSegmentMeta>;
export type AudioSegment = LocalSegment<AudioSegmentMeta>;
export type TextSegment = LocalSegment<TextSegmentMeta>;

export function emptyDraft(): LocalDraft {
  return { d: 0, m: { width: 1920, height: 1080, fps: 30 }, t: [] };
}

function findTrack(draft: LocalDraft, tt: number, id: string): LocalTrack<unknown> | undefined {
  return draft.t.find((track) => track.tt === tt && track.id === id) ?? undefined;
}

function ensureTrack(draft: LocalDraft, tt: number, id: string): LocalTrack<unknown> {
  const found = findTrack(draft, tt, id);
  if (found) return found;
  const track: LocalTrack<unknown> = { id, tt, sg: [] };
  draft.t.push(track as LocalDraft['t'][number]);
  return track;
}

export function videoSegments(draft: LocalDraft): VisualSegment[] {
  return (findTrack(draft, TRACK_VIDEO, 'v1')?.sg ?? []) as VisualSegment[];
}

export function videoTrack(draft: LocalDraft): LocalTrack<VisualSegmentMeta> {
  return ensureTrack(draft, TRACK_VIDEO, 'v1') as LocalTrack<VisualSegmentMeta>;
}

export function musicSegment(draft: LocalDraft): AudioSegment | undefined {
  return (findTrack(draft, TRACK_AUDIO, 'a1')?.sg[0] as AudioSegment | undefined) ?? undefined;
}

export function musicTrack(draft: LocalDraft): LocalTrack<AudioSegmentMeta> {
  return ensureTrack(draft, TRACK_AUDIO, 'a1') as LocalTrack<AudioSegmentMeta>;
}

/** Titles live on x1 and overlays on x2, so the summary labels them "Title" and "Text". */
export function textTrack(draft: LocalDraft, role: TextSegmentMeta['role']): LocalTrack<TextSegmentMeta> {
  return ensureTrack(draft, TRACK_TEXT, role === 'title' ? 'x1' : 'x2') as LocalTrack<TextSegmentMeta>;
}

export function textSegments(draft: LocalDraft): TextSegment[] {
  return draft.t.filter((track) => track.tt === TRACK_TEXT).flatMap((track) => track.sg as TextSegment[]);
}

/** Drops tracks left without segments, so the draft carries no empty rows. */
export function pruneEmptyTracks(draft: LocalDraft): void {
  draft.t = draft.t.filter((track) => track.sg.length > 0);
}

export function nextSegmentId(draft: LocalDraft): string {
  let max = 0;
  for (const track of draft.t) {
    for (const seg of track.sg) {
      const n = /^s(\d+)$/.exec(seg.id)?.[1];
      if (n !== undefined) max = Math.max(max, Number(n));
    }
  }
  return `s${max + 1}`;
}

/** 0-based index of a clip reference, or undefined when the timeline has no such clip. */
export function clipIndex(draft: LocalDraft, ref: ClipRef): number | undefined {
  const count = videoSegments(draft).length;
  if (count === 0) return undefined;
  if (ref === 'last') return count - 1;
  return Number.isInteger(ref) && ref >= 1 && ref <= count ? ref - 1 : undefined;
}

/** 0-based indexes a clip set covers (empty when a single reference points nowhere). */
export function clipSetIndexes(draft: LocalDraft, set: ClipSet): number[] {
  const segs = videoSegments(draft);
  if (set === 'all') return segs.map((_, i) => i);
  if (set === 'images' || set === 'videos') {
    const kind = set === 'images' ? 'image' : 'video';
    return segs.flatMap((seg, i) => (seg.m.kind === kind ? [i] : []));
  }
  const index = clipIndex(draft, set);
  return index === undefined ? [] : [index];
}

/** Media in upload order: by creation time, then by the number in `med_<n>`. */
export function inUploadOrder(media: readonly MediaRecord[]): MediaRecord[] {
  const n = (id: string): number => Number(/(\d+)$/.exec(id)?.[1] ?? 0);
  return [...media].sort((a, b) => a.createdAt - b.createdAt || n(a.id) - n(b.id));
}

export function mediaById(media: readonly MediaRecord[], id: string): MediaRecord | undefined {
  return media.find((record) => record.id === id);
}

/** How long a clip can play from its in-point at its speed; images have no limit. */
export function availableMs(seg: VisualSegment, media: readonly MediaRecord[]): number {
  if (seg.m.kind === 'image') return Number.POSITIVE_INFINITY;
  const record = mediaById(media, seg.m.src);
  const total = record?.durationMs ?? seg.d * (seg.m.speed ?? 1) + seg.m.in;
  return Math.max(0, Math.floor((total - seg.m.in) / (seg.m.speed ?? 1)));
}

/**
 * A clip's own length on the timeline: from its in-point to its out-point (the end of the file unless the user trimmed
 * it), at its speed. An earlier fit may have made `d` shorter; this is what it comes back to. Images: their length.
 */
export function naturalMs(seg: VisualSegment, media: readonly MediaRecord[]): number {
  if (seg.m.kind === 'image') return seg.d;
  return Math.max(1, Math.floor(sourceSpanMs(seg, media) / (seg.m.speed ?? 1)));
}

/** Source ms between the clip's in- and out-point (video clips). */
export function sourceSpanMs(seg: VisualSegment, media: readonly MediaRecord[]): number {
  const fileEnd = mediaById(media, seg.m.src)?.durationMs ?? seg.m.out ?? seg.m.in + seg.d * (seg.m.speed ?? 1);
  return Math.max(0, Math.min(seg.m.out ?? fileEnd, fileEnd) - seg.m.in);
}

/** Records where the clip now ends in its source, so a later fit keeps the user's trim. */
export function markOutPoint(seg: VisualSegment): void {
  if (seg.m.kind === 'image') return;
  seg.m.out = seg.m.in + Math.round(seg.d * (seg.m.speed ?? 1));
}

export function stem(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}
