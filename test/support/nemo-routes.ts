/**
 * The default behaviour of the scripted server: a small in-memory version of the protocol.md §7 stand-in.
 * Tests override single routes (scripted-server.ts); everything they don't touch behaves like the cloud.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { SUPPORTED_EXTENSIONS } from '../../shared/protocol';
import type { RouteContext, RouteHandler } from './scripted-server';
import { defaultRun, writeSse, type SseStep } from './sse';

export const ROUTES = {
  anonymousToken: 'POST /api/auth/anonymous-token',
  createSession: 'POST /api/tasks/me/with-session/nemo_agent',
  claimToken: 'POST /api/auth/claim-token',
  runSse: 'POST /run_sse',
  upload: 'POST /api/upload-video/nemo_agent/:user/:sid',
  credits: 'GET /api/credits/balance/simple',
  state: 'GET /api/state/nemo_agent/:user/:sid/latest',
  renderSubmit: 'POST /api/render/proxy/lambda',
  renderPoll: 'GET /api/render/proxy/lambda/:id',
  renderCancel: 'POST /api/render/proxy/lambda/:id/cancel',
  renderDownload: 'GET /api/render/proxy/:id/download',
  file: 'GET /files/:name',
} as const;

export interface StandInOptions {
  /** What /run_sse streams (default: sse.ts defaultRun()). */
  sseEvents?: SseStep[];
  /** The draft a run leaves in the session's state (default: one video and one title track). */
  draftAfterRun?: unknown;
  /** Polls until a render is completed (default 2). */
  renderPolls?: number;
  /** 'v44': `{success, data:{status, outputUrl}}` (default); 'skill': top-level `status` and `output.url` (§3.9). */
  renderShape?: 'v44' | 'skill';
  /** The rendered file's bytes (default 4 KB). */
  renderBytes?: Buffer;
  /** Larger uploaded files get 4002 (default 500 MB). */
  maxUploadBytes?: number;
  credits?: { available: number; frozen: number };
}

export interface RenderJob {
  status: 'pending' | 'processing' | 'completed' | 'failed';
  progress: number;
  polls: number;
  error?: string;
  invalid: boolean;
}

export interface SessionRecord {
  taskId: string;
  userId: string;
  state: { video_infos: unknown[]; draft: unknown; [key: string]: unknown };
}

export interface StandInState {
  tokens: Map<string, { userId: string; clientId: string }>;
  sessions: Map<string, SessionRecord>;
  renders: Map<string, RenderJob>;
  /** Served at `/files/<name>` without auth, like a CDN. */
  files: Map<string, Buffer>;
  credits: { available: number; frozen: number };
}

const SAMPLE_DRAFT = {
  d: 3000,
  m: { title: 'project', width: 320, height: 180 },
  t: [
    { id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: 3000, m: { name: 'clip.mp4', src: 'med_1' } }] },
    { id: 'x1', tt: 7, sg: [{ id: 's2', s: 0, d: 3000, m: { text: 'Hello' } }] },
  ],
};
const EXTENSIONS: readonly string[] = Object.values(SUPPORTED_EXTENSIONS).flat();

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
const ok = (res: ServerResponse, data: unknown): void => json(res, 200, { code: 0, message: 'success', data });
const fail = (res: ServerResponse, status: number, code: number, message: string): void => json(res, status, { code, message, data: null });
const randomToken = (): string => `nmv_usr_${randomBytes(24).toString('base64url')}`;
const bodyJson = (ctx: RouteContext): Record<string, unknown> => {
  try {
    return JSON.parse(ctx.req.body) as Record<string, unknown>;
  } catch {
    return {};
  }
};

export function createStandIn(options: StandInOptions, baseUrl: () => string): { state: StandInState; routes: Record<string, RouteHandler> } {
  const state: StandInState = {
    tokens: new Map(),
    sessions: new Map(),
    renders: new Map(),
    files: new Map(),
    credits: { ...(options.credits ?? { available: 100, frozen: 0 }) },
  };
  let seq = 0;

  /** The caller's user, or a 1001 reply and undefined. */
  function user(ctx: RouteContext): string | undefined {
    const token = /^Bearer (.+)$/.exec(ctx.req.headers.authorization ?? '')?.[1];
    const found = token ? state.tokens.get(token) : undefined;
    if (!found) fail(ctx.res, 401, 1001, 'token invalid or expired');
    return found?.userId;
  }
  function session(ctx: RouteContext, sid: string | undefined): SessionRecord | undefined {
    const found = sid ? state.sessions.get(sid) : undefined;
    if (!found) fail(ctx.res, 404, 1002, 'session not found');
    return found;
  }
  function fileInfo(filename: string): Record<string, unknown> {
    const ext = filename.toLowerCase().split('.').pop() ?? '';
    const kind = (Object.entries(SUPPORTED_EXTENSIONS) as Array<[string, readonly string[]]>).find(([, exts]) => exts.includes(ext))?.[0];
    return { filename, file_type: kind, cdn_url: `${baseUrl()}/files/${encodeURIComponent(filename)}`, duration: 3, width: 320, height: 180, fps: 30, hash: `h${++seq}` };
  }

  const routes: Record<string, RouteHandler> = {
    [ROUTES.anonymousToken]: ({ req, res }) => {
      const clientId = req.headers['x-client-id'];
      if (typeof clientId !== 'string' || clientId === '') return fail(res, 400, 400, 'X-Client-Id required');
      const existing = [...state.tokens].find(([, t]) => t.clientId === clientId);
      const token = existing?.[0] ?? randomToken();
      const userId = existing?.[1].userId ?? `anon_${randomBytes(8).toString('hex')}`;
      state.tokens.set(token, { userId, clientId });
      ok(res, { token, user_id: userId, expires_at: new Date(Date.now() + 7 * 86_400_000).toISOString(), credits: 100 });
    },
    [ROUTES.createSession]: (ctx) => {
      const userId = user(ctx);
      if (!userId) return;
      const sid = `55297987060244${String(15232 + ++seq).padStart(5, '0')}`;
      const taskId = `task_${randomBytes(6).toString('hex')}`;
      state.sessions.set(sid, { taskId, userId, state: { video_infos: [], draft: {}, canvas_config: { width: 1920, height: 1080, ratio: '16:9' }, video_analyses: {}, generated_media: [] } });
      ok(ctx.res, { task_id: taskId, session_id: sid, user_id: userId });
    },
    [ROUTES.claimToken]: (ctx) => void (user(ctx) && ok(ctx.res, { claim_token: `clm_${randomBytes(8).toString('hex')}`, expires_in: 604800 })),
    [ROUTES.credits]: (ctx) => {
      if (!user(ctx)) return;
      ok(ctx.res, { ...state.credits, total: state.credits.available + state.credits.frozen });
    },
    [ROUTES.state]: (ctx) => {
      if (!user(ctx)) return;
      const found = session(ctx, ctx.params.sid);
      if (found) ok(ctx.res, { session_id: ctx.params.sid, task_id: found.taskId, task_name: 'project', state: found.state });
    },
    [ROUTES.upload]: (ctx) => {
      if (!user(ctx)) return;
      const found = session(ctx, ctx.params.sid);
      if (!found) return;
      const urls = ctx.req.parts ? [] : bodyJson(ctx).urls;
      const names = ctx.req.parts
        ? ctx.req.parts.filter((p) => p.name === 'files').map((p) => ({ name: p.filename ?? '', size: p.size }))
        : (Array.isArray(urls) ? urls : []).map((u) => ({ name: decodeURIComponent(String(u).split('/').pop() ?? ''), size: 0 }));
      if (names.length === 0) return fail(ctx.res, 400, 4001, 'no files');
      if (names.some((f) => !EXTENSIONS.includes(f.name.toLowerCase().split('.').pop() ?? ''))) return fail(ctx.res, 400, 4001, 'unsupported file type');
      if (names.some((f) => f.size > (options.maxUploadBytes ?? 500 * 1024 * 1024))) return fail(ctx.res, 400, 4002, 'file too large');
      const files = names.map((f) => fileInfo(f.name));
      found.state.video_infos.push(...files);
      ok(ctx.res, { files, session_state_applied: true });
    },
    [ROUTES.runSse]: async (ctx) => {
      if (!user(ctx)) return;
      const found = session(ctx, String(bodyJson(ctx).session_id ?? ''));
      if (!found) return;
      if (state.credits.available < 50) return fail(ctx.res, 200, 2001, 'insufficient credits');
      await writeSse(ctx.res, options.sseEvents ?? defaultRun());
      found.state.draft = options.draftAfterRun ?? SAMPLE_DRAFT;
    },
    [ROUTES.renderSubmit]: (ctx) => {
      if (!ctx.req.headers['x-skill-source']) return fail(ctx.res, 402, 402, 'export requires a plan');
      if (!user(ctx)) return;
      const { id, draft } = bodyJson(ctx) as { id?: unknown; draft?: { t?: Array<{ sg?: unknown[] }> } };
      if (typeof id !== 'string' || id === '') return json(ctx.res, 400, { success: false, error: 'id required' });
      if (state.renders.has(id)) return json(ctx.res, 409, { success: false, error: 'duplicate id' });
      const invalid = !draft?.t?.some((t) => (t.sg?.length ?? 0) > 0);
      state.renders.set(id, { status: 'pending', progress: 5, polls: 0, invalid });
      json(ctx.res, 200, { success: true, data: { id, status: 'pending', progress: 5 } });
    },
    [ROUTES.renderPoll]: (ctx) => {
      if (!user(ctx)) return;
      const id = ctx.params.id ?? '';
      const job = state.renders.get(id);
      if (!job) return json(ctx.res, 404, { success: false, error: 'render not found' });
      job.polls += 1;
      const needed = options.renderPolls ?? 2;
      if (job.status !== 'failed' && job.invalid) Object.assign(job, { status: 'failed', error: 'invalid draft' });
      else if (job.status !== 'failed') {
        const done = job.polls >= needed;
        Object.assign(job, { status: done ? 'completed' : 'processing', progress: done ? 100 : Math.round(5 + (90 * job.polls) / needed) });
        if (done) state.files.set(`${id}.mp4`, options.renderBytes ?? Buffer.alloc(4096, 7));
      }
      const outputUrl = job.status === 'completed' ? `${baseUrl()}/files/${encodeURIComponent(`${id}.mp4`)}` : undefined;
      const fields = { status: job.status, progress: job.progress, error: job.error };
      if (options.renderShape === 'skill') return json(ctx.res, 200, { taskId: id, ...fields, output: outputUrl ? { url: outputUrl } : undefined });
      json(ctx.res, 200, { success: true, data: { id, ...fields, outputUrl, createdAt: Date.now() } });
    },
    [ROUTES.renderCancel]: (ctx) => {
      if (!user(ctx)) return;
      const job = state.renders.get(ctx.params.id ?? '');
      if (!job) return json(ctx.res, 404, { success: false, error: 'render not found' });
      Object.assign(job, { status: 'failed', error: 'cancelled' });
      json(ctx.res, 200, { success: true, data: { id: ctx.params.id, status: 'failed' } });
    },
    [ROUTES.renderDownload]: (ctx) => {
      if (!user(ctx)) return;
      const bytes = state.files.get(`${ctx.params.id ?? ''}.mp4`);
      if (!bytes) return json(ctx.res, 404, { success: false, error: 'not ready' });
      ctx.res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': bytes.length });
      ctx.res.end(bytes);
    },
    [ROUTES.file]: ({ params, res }) => {
      const bytes = state.files.get(params.name ?? '');
      if (!bytes) return json(res, 404, { detail: 'Not Found' });
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
      res.end(bytes);
    },
  };
  return { state, routes };
}
