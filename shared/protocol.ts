/**
 * NemoVideo wire format (../shared/protocol.md). Every schema keeps unknown fields (`z.looseObject`):
 * the cloud is only partly documented, so we read what we know and pass the rest through untouched.
 */
import { z } from 'zod';

/** `{code, message, data}`: auth, tasks, upload, credits, state, claim (§2.2). */
export const gatewayEnvelopeSchema = z.looseObject({
  code: z.number(),
  message: z.string().optional().nullable(),
  data: z.unknown().optional(),
});

/** `{success, data | error}`: the render proxy (§2.2). */
export const renderEnvelopeSchema = z.looseObject({
  success: z.boolean(),
  data: z.unknown().optional(),
  error: z.string().optional().nullable(),
});

export type Unwrapped =
  | { ok: true; data: unknown }
  | { ok: false; code: number; message: string };

/**
 * The vendor CLI's rule (§2.2, §2.3): a numeric `code` in the body decides, whatever the HTTP status;
 * then `success:false`; then a non-2xx status; otherwise `data` (or the body itself).
 */
export function unwrapEnvelope(body: unknown, httpStatus: number): Unwrapped {
  const gateway = gatewayEnvelopeSchema.safeParse(body);
  if (gateway.success) {
    if (gateway.data.code !== 0) {
      return { ok: false, code: gateway.data.code, message: gateway.data.message ?? `HTTP ${httpStatus}` };
    }
    return { ok: true, data: gateway.data.data ?? null };
  }
  const render = renderEnvelopeSchema.safeParse(body);
  if (render.success) {
    if (!render.data.success) return { ok: false, code: httpStatus >= 400 ? httpStatus : -1, message: render.data.error ?? 'request failed' };
    return { ok: true, data: render.data.data ?? null };
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    const detail = z.looseObject({ detail: z.unknown() }).safeParse(body);
    const message = detail.success && typeof detail.data.detail === 'string' ? detail.data.detail : `HTTP ${httpStatus}`;
    return { ok: false, code: httpStatus, message };
  }
  return { ok: true, data: body };
}

// §3.1
export const anonymousTokenSchema = z.looseObject({
  token: z.string().min(1),
  user_id: z.string().optional(),
  expires_at: z.string().optional(),
  credits: z.number().optional(),
});
export type AnonymousToken = z.infer<typeof anonymousTokenSchema>;

// §3.2
export const sessionSchema = z.looseObject({
  session_id: z.union([z.string(), z.number()]).transform(String),
  task_id: z.string().optional(),
  user_id: z.string().optional(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

// §3.3
export const claimTokenSchema = z.looseObject({ claim_token: z.string(), expires_in: z.number().optional() });

// §3.5
export const uploadedFileSchema = z.looseObject({
  filename: z.string(),
  file_type: z.string().optional(),
  cdn_url: z.string().optional(),
  duration: z.number().optional().nullable(),
  width: z.number().optional().nullable(),
  height: z.number().optional().nullable(),
  fps: z.number().optional().nullable(),
  hash: z.string().optional(),
  id: z.string().optional(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;
export const uploadResultSchema = z.looseObject({
  files: z.array(uploadedFileSchema),
  session_state_applied: z.boolean().optional(),
});
export type UploadResult = z.infer<typeof uploadResultSchema>;

// §3.6
export const creditsSchema = z.looseObject({
  available: z.number(),
  frozen: z.number().optional().default(0),
  total: z.number().optional(),
  /** Local engine only: the plan is free and unlimited. */
  plan: z.string().optional(),
  unlimited: z.boolean().optional(),
});
export type Credits = z.infer<typeof creditsSchema>;

// §3.7. The draft is validated separately (shared/draft.ts) because the cloud's is opaque.
export const sessionStateSchema = z.looseObject({
  video_infos: z.array(z.unknown()).optional().default([]),
  draft: z.unknown().optional(),
  canvas_config: z.unknown().optional(),
  video_analyses: z.unknown().optional(),
  generated_media: z.array(z.unknown()).optional(),
});
export const stateResponseSchema = z.looseObject({
  session_id: z.union([z.string(), z.number()]).transform(String).optional(),
  task_id: z.string().optional(),
  task_name: z.string().optional(),
  state: sessionStateSchema.optional().default({ video_infos: [] }),
});
export type StateResponse = z.infer<typeof stateResponseSchema>;

// §3.8
export interface RenderOutput {
  format: 'mp4';
  quality?: 'high' | 'medium' | 'low';
  resolution?: string;
  width?: number;
  height?: number;
  fps?: number;
}
export interface RenderSubmitBody {
  id: string;
  sessionId: string;
  draft: unknown;
  output?: RenderOutput;
}

// §3.9: both the v4.4 shape (`data.status`, `data.outputUrl`) and the skill shape (top-level, `output.url`).
export const renderStatusSchema = z.enum(['pending', 'queued', 'processing', 'completed', 'failed', 'cancelled']);
export type RenderStatus = z.infer<typeof renderStatusSchema>;

const pollFieldsSchema = z.looseObject({
  id: z.string().optional(),
  taskId: z.string().optional(),
  status: z.string().optional(),
  progress: z.number().optional(),
  outputUrl: z.string().optional().nullable(),
  output: z.looseObject({ url: z.string().optional().nullable() }).optional().nullable(),
  error: z.string().optional().nullable(),
  /** Local engine: place in its render queue (0 = rendering now). */
  queuePosition: z.number().optional(),
  createdAt: z.number().optional().nullable(),
  completedAt: z.number().optional().nullable(),
});

export interface RenderPoll {
  status: RenderStatus;
  progress: number;
  outputUrl: string | undefined;
  error: string | undefined;
  queuePosition: number | undefined;
}

/** Reads a poll reply of either shape, enveloped or not. Returns null when nothing in it is a status. */
export function parseRenderPoll(body: unknown): RenderPoll | null {
  const outer = pollFieldsSchema.safeParse(body);
  const inner = pollFieldsSchema.safeParse(outer.success ? (outer.data as { data?: unknown }).data : undefined);
  const a = inner.success ? inner.data : undefined;
  const b = outer.success ? outer.data : undefined;
  const rawStatus = a?.status ?? b?.status;
  const status = renderStatusSchema.safeParse(rawStatus === 'succeeded' || rawStatus === 'done' ? 'completed' : rawStatus);
  if (!status.success) return null;
  const progress = a?.progress ?? b?.progress ?? (status.data === 'completed' ? 100 : 0);
  return {
    status: status.data,
    progress: Math.max(0, Math.min(100, progress)),
    outputUrl: a?.outputUrl ?? b?.outputUrl ?? a?.output?.url ?? b?.output?.url ?? undefined,
    error: a?.error ?? b?.error ?? undefined,
    queuePosition: a?.queuePosition ?? b?.queuePosition,
  };
}

// §4.2: ADK events. Only the parts we read are typed; everything else passes through.
export const functionCallSchema = z.looseObject({ id: z.string().optional(), name: z.string(), args: z.unknown().optional() });
export const functionResponseSchema = z.looseObject({ id: z.string().optional(), name: z.string(), response: z.unknown().optional() });
export const partSchema = z.looseObject({
  text: z.string().optional(),
  thought: z.boolean().optional(),
  functionCall: functionCallSchema.optional(),
  functionResponse: functionResponseSchema.optional(),
});
export const adkEventSchema = z.looseObject({
  id: z.string().optional(),
  invocationId: z.string().optional(),
  author: z.string().optional(),
  timestamp: z.number().optional(),
  content: z.looseObject({ role: z.string().optional(), parts: z.array(partSchema).optional() }).optional().nullable(),
  actions: z.unknown().optional(),
  partial: z.boolean().optional(),
  turnComplete: z.boolean().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  error: z.string().optional(),
});
export type AdkEvent = z.infer<typeof adkEventSchema>;

/** §4.1: every keep-alive form a client must tolerate. `raw` is the dispatched `data` payload. */
export function isKeepAlive(raw: string): boolean {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'heartbeat' || trimmed === 'ping') return true;
  if (!trimmed.startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null && ['heartbeat', 'ping', 'keepalive'].includes(String((parsed as { type?: unknown }).type));
  } catch {
    return false;
  }
}

/** The request body of `/run_sse` (§3.4), snake_case as NemoVideo insists. */
export interface RunSseBody {
  app_name: 'nemo_agent';
  user_id: string;
  session_id: string;
  new_message: { role: 'user'; parts: Array<{ text: string }> };
}

export const SUPPORTED_EXTENSIONS = {
  video: ['mp4', 'mov', 'avi', 'webm', 'mkv'],
  image: ['jpg', 'jpeg', 'png', 'gif', 'webp'],
  audio: ['mp3', 'wav', 'm4a', 'aac'],
} as const;
export type MediaKind = keyof typeof SUPPORTED_EXTENSIONS;
export const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

/** The kind of a file from its name, or null when the extension is not one we accept (§3.5). */
export function mediaKindOf(fileName: string): MediaKind | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  for (const [kind, exts] of Object.entries(SUPPORTED_EXTENSIONS) as Array<[MediaKind, readonly string[]]>) {
    if (exts.includes(ext)) return kind;
  }
  return null;
}

export const API_PATHS = {
  anonymousToken: '/api/auth/anonymous-token',
  createSession: '/api/tasks/me/with-session/nemo_agent',
  claimToken: '/api/auth/claim-token',
  runSse: '/run_sse',
  upload: (sid: string) => `/api/upload-video/nemo_agent/me/${encodeURIComponent(sid)}`,
  credits: '/api/credits/balance/simple',
  state: (sid: string) => `/api/state/nemo_agent/me/${encodeURIComponent(sid)}/latest`,
  renderSubmit: '/api/render/proxy/lambda',
  renderPoll: (id: string) => `/api/render/proxy/lambda/${encodeURIComponent(id)}`,
  renderCancel: (id: string) => `/api/render/proxy/lambda/${encodeURIComponent(id)}/cancel`,
  renderDownload: (id: string) => `/api/render/proxy/${encodeURIComponent(id)}/download`,
} as const;

export const DEFAULT_CLOUD_URL = 'https://mega-api-prod.nemovideo.ai';
export const NEMO_WEB_URL = 'https://nemovideo.com';
