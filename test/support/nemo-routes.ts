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
  sseEvents?: SseStep[]; // what /run_sse streams (default: sse.ts defaultRun())
  draftAfterRun?: unknown; // the draft a run leaves in the session's state (default: a video and a title track)
  renderPolls?: number; // polls until a render is completed (default 2)
  renderShape?: 'v44' | 'skill'; // v44: {success, data:{status, outputUrl}} (default); skill: top-level status, output.url (§3.9)
  renderBytes?: Buffer; // the rendered file (default 4 KB)
  maxUploadBytes?: number; // larger uploads get 4002 (default 500 MB)
  credits?: { available: number; frozen: number }; // default 100 / 0
}

export interface SessionRecord { taskId: string; userId: string; state: { video_infos: unknown[]; draft: unknown; [key: string]: unknown } }
export interface RenderJob { status: 'pending' | 'processing' | 'completed' | 'failed'; progress: number; polls: number; error?: string; invalid: boolean }
export interface StandInState {
  tokens: Map<string, { userId: string; clientId: string }>;
  sessions: Map<string, SessionRecord>;
  renders: Map<string, RenderJob>;
  /** Served at `/files/<name>` without auth, like a CDN. */
  files: Map<string, Buffer>;
  credits: { available: number; frozen: number };
}

const SAMPLE_DRAFT = { d: 3000, m: { title: 'project', width: 320, height: 180 }, t: [
  { id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: 3000, m: { name: 'clip.mp4', src: 'med_1' } }] },
  { id: 'x1', tt: 7, sg: [{ id: 's2', s: 0, d: 3000, m: { text: 'Hello' } }] }] };
const KIND_OF_EXTENSION = new Map<string, string>(Object.entries(SUPPORTED_EXTENSIONS).flatMap(([kind, exts]) => exts.map((e) => [e, kind] as const)));
const extensionOf = (name: string): string => name.toLowerCase().split('.').pop() ?? '';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
function bytes(res: ServerResponse, body: Buffer | undefined, type: string): void {
  if (!body) return json(res, 404, { success: false, error: 'not found' });
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
  res.end(body);
}
const ok = (res: ServerResponse, data: unknown): void => json(res, 200, { code: 0, message: 'success', data });
const fail = (res: ServerResponse, status: number, code: number, message: string): void => json(res, status, { code, message, data: null });
const bodyJson = (ctx: RouteContext): Record<string, unknown> => (typeof ctx.req.json === 'object' && ctx.req.json !== null ? (ctx.req.json as Record<string, unknown>) : {});

export function createStandIn(options: StandInOptions, baseUrl: () => string): { state: StandInState; routes: Record<string, RouteHandler> } {
  const credits = { ...(options.credits ?? { available: 100, frozen: 0 }) };
  const state: StandInState = { tokens: new Map(), sessions: new Map(), renders: new Map(), files: new Map(), credits };
  let seq = 0;
  const fileUrl = (name: string): string => `${baseUrl()}/files/${encodeURIComponent(name)}`;

  /** The caller's user id, or a 1001 reply and undefined. */
  function user(ctx: RouteContext): string | undefined {
    const token = /^Bearer (.+)$/.exec(ctx.req.headers.authorization ?? '')?.[1];
    const found = token ? state.tokens.get(token) : undefined;
    if (!found) fail(ctx.res, 401, 1001, 'token invalid or expired');
    return found?.userId;
  }
  /** The session named in the path or body (after auth), or a 1002 reply and undefined. */
  function session(ctx: RouteContext, sid = ctx.params.sid): SessionRecord | undefined {
    if (!user(ctx)) return undefined;
    const found = sid ? state.sessions.get(sid) : undefined;
    if (!found) fail(ctx.res, 404, 1002, 'session not found');
    return found;
  }
  /** A render job (after auth), or a 404 reply and undefined. */
  function job(ctx: RouteContext): RenderJob | undefined {
    const found = user(ctx) ? state.renders.get(ctx.params.id ?? '') : undefined;
    if (!found && !ctx.res.headersSent) json(ctx.res, 404, { success: false, error: 'render not found' });
    return found;
  }

  const routes: Record<string, RouteHandler> = {
    [ROUTES.anonymousToken]: ({ req, res }) => {
      const clientId = req.headers['x-client-id'];
      if (typeof clientId !== 'string' || clientId === '') return fail(res, 400, 400, 'X-Client-Id required');
      const existing = [...state.tokens].find(([, t]) => t.clientId === clientId);
      const token = existing?.[0] ?? `nmv_usr_${randomBytes(24).toString('base64url')}`;
      const userId = existing?.[1].userId ?? `anon_${randomBytes(8).toString('hex')}`;
      state.tokens.set(token, { userId, clientId });
      ok(res, { token, user_id: userId, expires_at: new Date(Date.now() + 7 * 86_400_000).toISOString(), credits: 100 });
    },
    [ROUTES.createSession]: (ctx) => {
      const userId = user(ctx);
      if (!userId) return;
      const sid = `55297987060244${15232 + ++seq}`;
      const taskId = `task_${randomBytes(6).toString('hex')}`;
      const canvas = { width: 1920, height: 1080, ratio: '16:9' };
      state.sessions.set(sid, { taskId, userId, state: { video_infos: [], draft: {}, canvas_config: canvas, video_analyses: {}, generated_media: [] } });
      ok(ctx.res, { task_id: taskId, session_id: sid, user_id: userId });
    },
    [ROUTES.claimToken]: (ctx) => void (user(ctx) && ok(ctx.res, { claim_token: `clm_${randomBytes(8).toString('hex')}`, expires_in: 604800 })),
    [ROUTES.credits]: (ctx) => void (user(ctx) && ok(ctx.res, { ...credits, total: credits.available + credits.frozen })),
    [ROUTES.state]: (ctx) => {
      const found = session(ctx);
      if (found) ok(ctx.res, { session_id: ctx.params.sid, task_id: found.taskId, task_name: 'project', state: found.state });
    },
    [ROUTES.upload]: (ctx) => {
      const found = session(ctx);
      if (!found) return;
      const { parts } = ctx.req;
      const urls = parts ? [] : bodyJson(ctx).urls;
      const files = parts
        ? parts.filter((p) => p.name === 'files').map((p) => ({ name: p.filename ?? '', size: p.size }))
        : (Array.isArray(urls) ? urls : []).map((u) => ({ name: decodeURIComponent(String(u).split('/').pop() ?? ''), size: 0 }));
      if (files.length === 0 || files.some((f) => !KIND_OF_EXTENSION.has(extensionOf(f.name)))) return fail(ctx.res, 400, 4001, 'unsupported file type');
      if (files.some((f) => f.size > (options.maxUploadBytes ?? 500 * 1024 * 1024))) return fail(ctx.res, 400, 4002, 'file too large');
      const infos = files.map(({ name }) => ({
        filename: name, file_type: KIND_OF_EXTENSION.get(extensionOf(name)), cdn_url: fileUrl(name), duration: 3, width: 320, height: 180, fps: 30, hash: `h${++seq}`,
      }));
      found.state.video_infos.push(...infos);
      ok(ctx.res, { files: infos, session_state_applied: true });
    },
    [ROUTES.runSse]: async (ctx) => {
      const found = session(ctx, String(bodyJson(ctx).session_id ?? ''));
      if (!found) return;
      if (credits.available < 50) return fail(ctx.res, 200, 2001, 'insufficient credits');
      await writeSse(ctx.res, options.sseEvents ?? defaultRun());
      found.state.draft = options.draftAfterRun ?? SAMPLE_DRAFT;
    },
    [ROUTES.renderSubmit]: (ctx) => {
      if (!ctx.req.headers['x-skill-source']) return fail(ctx.res, 402, 402, 'export requires a plan');
      if (!user(ctx)) return;
      const { id, draft } = bodyJson(ctx) as { id?: unknown; draft?: { t?: Array<{ sg?: unknown[] }> } };
      if (typeof id !== 'string' || id === '') return json(ctx.res, 400, { success: false, error: 'id required' });
      if (state.renders.has(id)) return json(ctx.res, 409, { success: false, error: 'duplicate id' });
      state.renders.set(id, { status: 'pending', progress: 5, polls: 0, invalid: !draft?.t?.some((t) => (t.sg?.length ?? 0) > 0) });
      json(ctx.res, 200, { success: true, data: { id, status: 'pending', progress: 5 } });
    },
    [ROUTES.renderPoll]: (ctx) => {
      const found = job(ctx);
      const id = ctx.params.id ?? '';
      if (!found) return;
      const needed = options.renderPolls ?? 2;
      found.polls += 1;
      if (found.status !== 'failed' && found.invalid) Object.assign(found, { status: 'failed', error: 'invalid draft' });
      else if (found.status !== 'failed' && found.polls < needed) Object.assign(found, { status: 'processing', progress: Math.round(5 + (90 * found.polls) / needed) });
      else if (found.status !== 'failed') {
        Object.assign(found, { status: 'completed', progress: 100 });
        state.files.set(`${id}.mp4`, options.renderBytes ?? Buffer.alloc(4096, 7));
      }
      const outputUrl = found.status === 'completed' ? fileUrl(`${id}.mp4`) : undefined;
      const fields = { status: found.status, progress: found.progress, error: found.error };
      if (options.renderShape === 'skill') return json(ctx.res, 200, { taskId: id, ...fields, output: outputUrl ? { url: outputUrl } : undefined });
      json(ctx.res, 200, { success: true, data: { id, ...fields, outputUrl, createdAt: Date.now() } });
    },
    [ROUTES.renderCancel]: (ctx) => {
      const found = job(ctx);
      if (found) json(ctx.res, 200, { success: true, data: { id: ctx.params.id, ...Object.assign(found, { status: 'failed', error: 'cancelled' }) } });
    },
    [ROUTES.renderDownload]: (ctx) => void (user(ctx) && bytes(ctx.res, state.files.get(`${ctx.params.id ?? ''}.mp4`), 'video/mp4')),
    [ROUTES.file]: ({ params, res }) => bytes(res, state.files.get(params.name ?? ''), 'application/octet-stream'),
  };
  return { state, routes };
}
