/**
 * Reads the local draft into what the renderer needs: visual segments in timeline order, music segments and
 * text segments, each with its media and defaults applied. The draft arrives as JSON from the store, so every
 * meta is parsed here rather than trusted.
 */
import { z } from 'zod';
import { TRACK_AUDIO, TRACK_TEXT, TRACK_VIDEO, type FitMode, type LocalDraft, type TextPosition } from '../../../shared/draft';
import { AppError } from '../../../shared/errors';
import type { MediaRecord } from '../types';

const fitSchema = z.enum(['cover', 'contain', 'contain-blur']);
const positionSchema = z.enum(['top', 'center', 'bottom', 'top-left', 'top-right', 'bottom-left', 'bottom-right']);
const finite = z.number().refine(Number.isFinite);

const visualMetaSchema = z.looseObject({
  src: z.string(),
  in: finite.nonnegative().catch(0).default(0),
  speed: finite.positive().optional().catch(undefined),
  fit: fitSchema.optional().catch(undefined),
  tr: z.looseObject({ type: z.string(), d: finite.nonnegative() }).optional().catch(undefined),
  zoom: finite.nonnegative().optional().catch(undefined),
  vol: finite.min(0).optional().catch(undefined),
});
const audioMetaSchema = z.looseObject({
  src: z.string(),
  in: finite.nonnegative().catch(0).default(0),
  vol: finite.min(0).catch(1).default(1),
  fadeIn: finite.nonnegative().optional().catch(undefined),
  fadeOut: finite.nonnegative().optional().catch(undefined),
  duck: z.boolean().optional().catch(undefined),
});
const textMetaSchema = z.looseObject({
  text: z.string(),
  pos: positionSchema.catch('center').default('center'),
  role: z.enum(['title', 'overlay']).catch('overlay').default('overlay'),
  size: finite.positive().optional().catch(undefined),
  color: z.string().optional().catch(undefined),
});

export interface VisualItem {
  id: string;
  media: MediaRecord;
  start: number;
  duration: number;
  in: number;
  speed: number;
  fit: FitMode;
  transition?: { type: string; d: number };
  zoom: number;
  vol: number;
}

export interface MusicItem {
  id: string;
  media: MediaRecord;
  start: number;
  duration: number;
  in: number;
  vol: number;
  fadeIn: number;
  fadeOut: number;
  duck: boolean;
}

export interface TextItem {
  id: string;
  start: number;
  duration: number;
  text: string;
  pos: TextPosition;
  role: 'title' | 'overlay';
  size?: number;
  color?: string;
}

export interface Timeline {
  visuals: VisualItem[];
  music: MusicItem[];
  texts: TextItem[];
  durationMs: number;
}

interface RawSegment {
  id?: unknown;
  s?: unknown;
  d?: unknown;
  m?: unknown;
}

export function readTimeline(draft: LocalDraft, media: ReadonlyMap<string, MediaRecord>): Timeline {
  const segmentsOf = (tt: number): RawSegment[] =>
    (Array.isArray(draft.t) ? draft.t : []).filter((t) => t.tt === tt).flatMap((t) => (Array.isArray(t.sg) ? (t.sg as RawSegment[]) : []));
  const fitDefault = fitSchema.catch('cover').parse(draft.m?.fit);

  const visuals = segmentsOf(TRACK_VIDEO)
    .map((seg, i) => readVisual(seg, i, media, fitDefault))
    .filter((v): v is VisualItem => v !== undefined)
    .sort((a, b) => a.start - b.start);
  const music = segmentsOf(TRACK_AUDIO)
    .map((seg, i) => readMusic(seg, i, media))
    .filter((m): m is MusicItem => m !== undefined);
  const texts = segmentsOf(TRACK_TEXT)
    .map((seg, i) => readText(seg, i))
    .filter((t): t is TextItem => t !== undefined);

  const ends = [...visuals, ...music, ...texts].map((x) => x.start + x.duration);
  const declared = typeof draft.d === 'number' && Number.isFinite(draft.d) && draft.d > 0 ? draft.d : 0;
  const durationMs = Math.round(declared || Math.max(0, ...ends));
  return { visuals, music, texts, durationMs };
}

function timing(seg: RawSegment): { start: number; duration: number } | undefined {
  const start = typeof seg.s === 'number' && Number.isFinite(seg.s) ? Math.max(0, seg.s) : 0;
  const duration = typeof seg.d === 'number' && Number.isFinite(seg.d) ? seg.d : 0;
  return duration > 0 ? { start: Math.round(start), duration: Math.round(duration) } : undefined;
}

function lookup(media: ReadonlyMap<string, MediaRecord>, src: string, name: unknown): MediaRecord {
  const record = media.get(src);
  if (!record) {
    const label = typeof name === 'string' && name ? name : src;
    throw new AppError({ code: 'render.failed', message: `“${label}” is on the timeline but its file is missing. Add it again.` });
  }
  return record;
}

function readVisual(seg: RawSegment, i: number, media: ReadonlyMap<string, MediaRecord>, fitDefault: FitMode): VisualItem | undefined {
  const t = timing(seg);
  const meta = visualMetaSchema.safeParse(seg.m);
  if (!t || !meta.success) return undefined;
  const m = meta.data;
  const record = lookup(media, m.src, (seg.m as { name?: unknown }).name);
  if (record.kind === 'audio') return undefined;
  const item: VisualItem = {
    id: typeof seg.id === 'string' ? seg.id : `v${i}`,
    media: record,
    ...t,
    in: record.kind === 'image' ? 0 : m.in,
    speed: record.kind === 'image' ? 1 : Math.min(4, Math.max(0.25, m.speed ?? 1)),
    fit: m.fit ?? fitDefault,
    zoom: record.kind === 'image' ? Math.min(0.5, m.zoom ?? 0) : 0,
    vol: Math.min(2, m.vol ?? 1),
  };
  if (m.tr && m.tr.d > 0) item.transition = { type: m.tr.type, d: Math.round(m.tr.d) };
  return item;
}

function readMusic(seg: RawSegment, i: number, media: ReadonlyMap<string, MediaRecord>): MusicItem | undefined {
  const t = timing(seg);
  const meta = audioMetaSchema.safeParse(seg.m);
  if (!t || !meta.success) return undefined;
  const m = meta.data;
  const record = lookup(media, m.src, (seg.m as { name?: unknown }).name);
  if (!record.hasAudio) return undefined;
  const half = t.duration / 2;
  return {
    id: typeof seg.id === 'string' ? seg.id : `a${i}`,
    media: record,
    ...t,
    in: m.in,
    vol: Math.min(2, m.vol),
    fadeIn: Math.min(half, m.fadeIn ?? 0),
    fadeOut: Math.min(half, m.fadeOut ?? 0),
    duck: m.duck ?? false,
  };
}

function readText(seg: RawSegment, i: number): TextItem | undefined {
  const t = timing(seg);
  const meta = textMetaSchema.safeParse(seg.m);
  if (!t || !meta.success || meta.data.text.trim() === '') return undefined;
  const m = meta.data;
  const item: TextItem = { id: typeof seg.id === 'string' ? seg.id : `x${i}`, ...t, text: m.text.trim(), pos: m.pos, role: m.role };
  if (m.size !== undefined) item.size = m.size;
  if (m.color !== undefined) item.color = m.color;
  return item;
}
