/**
 * The draft (timeline) JSON: short keys, times in ms (protocol.md §5, docs/draft-format.md).
 * The cloud's draft is only partly published, so the schema is tolerant: every object keeps unknown keys
 * and the app never rebuilds a cloud draft, it only reads it and forwards it unchanged.
 */
import { z } from 'zod';

export const TRACK_VIDEO = 0;
export const TRACK_AUDIO = 1;
export const TRACK_TEXT = 7;

export const transitionSchema = z.looseObject({
  type: z.string(),
  d: z.number().nonnegative(),
  /** The length the user asked for, kept when the layout had to shorten `d` (neighbours too short); absent = `d`. */
  req: z.number().nonnegative().optional(),
});
export type Transition = z.infer<typeof transitionSchema>;

export const segmentSchema = z.looseObject({
  id: z.string().optional(),
  s: z.number().optional(),
  d: z.number().optional(),
  m: z.record(z.string(), z.unknown()).optional(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const trackSchema = z.looseObject({
  id: z.string().optional(),
  tt: z.number().optional(),
  sg: z.array(segmentSchema).optional().default([]),
});
export type Track = z.infer<typeof trackSchema>;

export const draftSchema = z.looseObject({
  d: z.number().optional(),
  m: z.record(z.string(), z.unknown()).optional(),
  t: z.array(trackSchema).optional().default([]),
});
export type Draft = z.infer<typeof draftSchema>;

/** Reads any value as a draft; anything that is not one becomes an empty draft (never throws). */
export function readDraft(value: unknown): Draft {
  const parsed = draftSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : salvageDraft(value);
}

/** Exportable iff at least one track has a segment (protocol.md §3.7). */
export function isExportable(draft: Draft): boolean {
  return draft.t.some((track) => track.sg.length > 0);
}

// ---- The local engine's draft: the same keys, fully typed (the engine writes only this form). ----

export type FitMode = 'cover' | 'contain' | 'contain-blur';
export type TextPosition = 'top' | 'center' | 'bottom' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface VisualSegmentMeta {
  /** Media id in the engine's store (`med_<n>`). */
  src: string;
  name: string;
  kind: 'video' | 'image';
  /** Source in-point in ms (trim start). Images: 0. */
  in: number;
  /**
   * Source out-point in ms, set when the user trims the end or sets the clip's length; absent = the end of the file.
   * `d` may be shorter (a fitted length); this is the length to come back to when the video is fitted longer again.
   */
  out?: number;
  /** Playback speed factor; the timeline duration `d` already accounts for it. */
  speed?: number;
  fit?: FitMode;
  /** Transition from the previous segment into this one; the two overlap by `tr.d`. */
  tr?: Transition;
  /** Slow zoom on stills (Ken Burns), 0 = off. */
  zoom?: number;
  /** The clip's own audio level, 0–1 (default 1). */
  vol?: number;
}

export interface AudioSegmentMeta {
  src: string;
  name: string;
  in: number;
  vol: number;
  fadeIn?: number;
  fadeOut?: number;
  /** Lower the music under the clips' own sound. */
  duck?: boolean;
  /** The song is shorter than the segment and repeats to fill it. */
  loop?: boolean;
}

export interface TextSegmentMeta {
  text: string;
  pos: TextPosition;
  role: 'title' | 'overlay';
  size?: number;
  color?: string;
  /** Id of the visual segment this text sits over; the planner keeps it there when the layout changes. */
  anchor?: string;
  /** The length asked for, kept when a short clip or video had to shorten `d`; absent = `d`. */
  req?: number;
}

export interface LocalSegment<M> {
  id: string;
  s: number;
  d: number;
  m: M;
}

export interface LocalTrack<M> {
  id: string;
  tt: number;
  sg: Array<LocalSegment<M>>;
}

export interface LocalDraftMeta {
  title?: string;
  width: number;
  height: number;
  fps: number;
  /** Default fit mode for visual segments without their own. */
  fit?: FitMode;
  /** The total length (ms) the user asked for ("make it 60 seconds"); kept while later edits preserve it. */
  target?: number;
}

export interface LocalDraft {
  d: number;
  m: LocalDraftMeta;
  t: Array<LocalTrack<VisualSegmentMeta> | LocalTrack<AudioSegmentMeta> | LocalTrack<TextSegmentMeta>>;
}

// ---- Tolerant accessors (protocol.md §5.3) ----

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

// One field of an unexpected type (a string start, a null segment) must not blank a whole cloud draft:
// keep every track and segment that is an object and drop only the fields the schema cannot read.
const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function salvageSegment(value: unknown): Segment[] {
  const seg = asRecord(value);
  if (!seg) return [];
  const id = typeof seg.id === 'number' ? String(seg.id) : str(seg.id);
  return [{ ...seg, id, s: num(seg.s), d: num(seg.d), m: asRecord(seg.m) }];
}

function salvageTrack(value: unknown): Track[] {
  const track = asRecord(value);
  if (!track) return [];
  const sg = Array.isArray(track.sg) ? track.sg.flatMap(salvageSegment) : [];
  return [{ ...track, id: str(track.id), tt: num(track.tt), sg }];
}

function salvageDraft(value: unknown): Draft {
  const draft = asRecord(value);
  if (!draft) return { t: [] };
  return { ...draft, d: num(draft.d), m: asRecord(draft.m), t: Array.isArray(draft.t) ? draft.t.flatMap(salvageTrack) : [] };
}

export function segmentStart(seg: Segment): number {
  const loose = seg as Record<string, unknown>;
  return num(seg.s) ?? num(loose.st) ?? num(loose.start) ?? 0;
}

export function segmentDuration(seg: Segment): number {
  const loose = seg as Record<string, unknown>;
  return num(seg.d) ?? num(loose.dur) ?? 0;
}

export function segmentLabel(seg: Segment): string {
  const m = seg.m ?? {};
  return str(m.name) ?? str(m.text) ?? str(m.title) ?? 'segment';
}

/** Volume as a percentage, or undefined when the segment has none we can read. */
export function segmentVolumePercent(seg: Segment): number | undefined {
  const vol = num(seg.m?.vol) ?? num(seg.m?.volume);
  if (vol === undefined) return undefined;
  if (vol >= 0 && vol <= 1) return Math.round(vol * 100);
  if (vol > 1 && vol <= 100) return Math.round(vol);
  return undefined;
}

export function trackKindLabel(track: Track): string {
  switch (track.tt) {
    case TRACK_VIDEO:
      return 'Video';
    case TRACK_AUDIO:
      return 'BGM';
    case TRACK_TEXT:
      return track.sg.length > 0 && track.sg.every((seg) => seg.m?.role === 'overlay') ? 'Text' : 'Title';
    default:
      return 'Track';
  }
}

/** Seconds for people: whole numbers stay whole, others get one decimal ("11.2"). */
export function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}

function describeSegment(track: Track, seg: Segment): string {
  const start = segmentStart(seg);
  const range = `${formatSeconds(start)}-${formatSeconds(start + segmentDuration(seg))}s`;
  const label = track.tt === TRACK_TEXT ? `"${segmentLabel(seg)}"` : segmentLabel(seg);
  const volume = track.tt === TRACK_AUDIO ? segmentVolumePercent(seg) : undefined;
  return `${label} (${range}${volume === undefined ? '' : `, ${volume}%`})`;
}

/**
 * The vendor's one-line timeline summary:
 * `Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)`.
 * A track with several segments lists them comma-separated after its kind.
 */
export function summarize(draft: Draft): string {
  const tracks = draft.t.filter((track) => track.sg.length > 0);
  if (tracks.length === 0) return 'Timeline (0 tracks): empty';
  const entries = tracks.map(
    (track, i) => `${i + 1}. ${trackKindLabel(track)}: ${track.sg.map((seg) => describeSegment(track, seg)).join(', ')}`,
  );
  return `Timeline (${tracks.length} ${tracks.length === 1 ? 'track' : 'tracks'}): ${entries.join(' ')}`;
}
