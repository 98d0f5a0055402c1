/**
 * The engine's persisted data (dataDir/engine.json). Validated on load so a hand-edited or half-written file
 * can never crash the engine; drafts are stored as the planner wrote them and only checked for shape.
 */
import { z } from 'zod';
import type { LocalDraft } from '../../../shared/draft';

const localDraftSchema = z.custom<LocalDraft>(
  (value) => typeof value === 'object' && value !== null && Array.isArray((value as { t?: unknown }).t),
  'not a draft',
);

export const tokenRecordSchema = z.object({
  token: z.string(),
  userId: z.string(),
  clientId: z.string(),
  expiresAt: z.number(),
});
export type TokenRecord = z.infer<typeof tokenRecordSchema>;

export const sessionRecordSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  taskName: z.string(),
  userId: z.string(),
  language: z.string(),
  createdAt: z.number(),
  history: z.object({ versions: z.array(localDraftSchema).min(1), index: z.number().int().nonnegative() }),
  /** Upload order: the planner adds "all my clips" in this order. */
  mediaIds: z.array(z.string()),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

export const storedMediaSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  name: z.string(),
  kind: z.enum(['video', 'image', 'audio']),
  path: z.string(),
  size: z.number(),
  durationMs: z.number(),
  width: z.number(),
  height: z.number(),
  fps: z.number(),
  rotation: z.number(),
  hasAudio: z.boolean(),
  createdAt: z.number(),
  hash: z.string(),
});
export type StoredMedia = z.infer<typeof storedMediaSchema>;

export const renderRecordSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  userId: z.string(),
  status: z.enum(['pending', 'processing', 'completed', 'failed', 'cancelled']),
  progress: z.number(),
  error: z.string().optional(),
  createdAt: z.number(),
  completedAt: z.number().optional(),
  outPath: z.string(),
  /** Kept so that a job interrupted by an engine restart can be rendered again. */
  draft: localDraftSchema,
  size: z.object({ width: z.number(), height: z.number() }).optional(),
});
export type RenderRecord = z.infer<typeof renderRecordSchema>;

export const engineDataSchema = z.object({
  version: z.literal(1),
  /** Signs file URLs (cdn_url, outputUrl) so a browser can fetch them without the bearer token. */
  secret: z.string().min(32),
  nextMediaNumber: z.number().int().positive(),
  tokens: z.record(z.string(), tokenRecordSchema),
  /** client id → token, so the same client gets its unexpired token back (protocol.md §3.1). */
  clients: z.record(z.string(), z.string()),
  sessions: z.record(z.string(), sessionRecordSchema),
  media: z.record(z.string(), storedMediaSchema),
  renders: z.record(z.string(), renderRecordSchema),
});
export type EngineData = z.infer<typeof engineDataSchema>;
