/** protocol.md §3.8–3.10: render submit, poll, cancel and the download fallback, in the `{success,…}` envelope. */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { RequestContext } from '../context';
import { header, HttpError, readJsonBody, sendRenderOk } from '../http-util';
import type { Route } from '../router';
import { outputUrl } from '../file-urls';
import { serveFile } from '../range';
import { requireSession } from './session-access';
import type { RenderRecord } from '../../store/schema';

const dimension = z.number().int().min(16).max(7680);
const submitBodySchema = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, 'id must be 1–128 letters, digits, "_", "-" or "."'),
  sessionId: z.union([z.string(), z.number()]).transform(String),
  draft: z.unknown().optional(),
  output: z
    .looseObject({ format: z.string().optional(), width: dimension.optional(), height: dimension.optional(), resolution: z.string().optional() })
    .optional(),
});

const renderError = (status: number, message: string): HttpError => new HttpError(status, status, message, 'render');

/** `output.width/height` (export presets) or `output.resolution` ("720p", "1080p", "4k") → output size; even numbers. */
export function outputSize(
  output: { width?: number; height?: number; resolution?: string } | undefined,
  canvas: { width: number; height: number },
): { width: number; height: number } | undefined {
  const even = (n: number): number => Math.max(2, Math.round(n / 2) * 2);
  if (output?.width && output.height) return { width: even(output.width), height: even(output.height) };
  const match = /^(\d{3,4})p$|^(4k|2160p)$/i.exec(output?.resolution?.trim() ?? '');
  if (!match) return undefined;
  const shortSide = match[1] ? Number(match[1]) : 2160;
  const scale = shortSide / Math.min(canvas.width, canvas.height);
  return { width: even(canvas.width * scale), height: even(canvas.height * scale) };
}

function requireJob(ctx: RequestContext, id: string): RenderRecord {
  const record = ctx.services.renders.get(id);
  if (!record || record.userId !== ctx.auth?.userId) throw renderError(404, 'render not found');
  return record;
}

function pollData(ctx: RequestContext, id: string): unknown {
  return ctx.services.renders.view(id, (record) => outputUrl(ctx.services, record));
}

export const renderRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/render\/proxy\/lambda\/?$/,
    auth: 'bearer',
    envelope: 'render',
    async handle(ctx) {
      // §2.1: without attribution headers the cloud refuses export with HTTP 402; the engine behaves the same.
      if (!header(ctx.req, 'x-skill-source')) throw new HttpError(402, 402, 'Export needs the X-Skill-Source header.');
      const body = submitBodySchema.safeParse(await readJsonBody(ctx.req, 32 * 1024 * 1024, 'render'));
      if (!body.success) throw renderError(400, body.error.issues[0]?.message ?? 'invalid request');
      const { id, sessionId, draft, output } = body.data;
      const session = requireSession(ctx, sessionId);
      const { renders, ports } = ctx.services;
      if (renders.has(id)) throw renderError(409, 'duplicate id');
      const sourceDraft = draft ?? ports.planner.currentDraft(session.history);
      const canvas = ports.planner.currentDraft(session.history).m;
      const size = outputSize(output, readCanvas(sourceDraft) ?? canvas);
      renders.submit({ id, sessionId: session.id, userId: session.userId, draft: sourceDraft, ...(size ? { size } : {}) });
      sendRenderOk(ctx.res, pollData(ctx, id));
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/render\/proxy\/lambda\/([^/]+)\/?$/,
    auth: 'bearer',
    envelope: 'render',
    async handle(ctx) {
      requireJob(ctx, ctx.params[0] ?? '');
      sendRenderOk(ctx.res, pollData(ctx, ctx.params[0] ?? ''));
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/render\/proxy\/lambda\/([^/]+)\/cancel\/?$/,
    auth: 'bearer',
    envelope: 'render',
    async handle(ctx) {
      const id = ctx.params[0] ?? '';
      requireJob(ctx, id);
      ctx.req.resume();
      ctx.services.renders.cancel(id);
      sendRenderOk(ctx.res, pollData(ctx, id));
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/render\/proxy\/([^/]+)\/download\/?$/,
    auth: 'bearer',
    envelope: 'render',
    async handle(ctx) {
      const record = requireJob(ctx, ctx.params[0] ?? '');
      if (record.status !== 'completed' || !existsSync(record.outPath)) throw renderError(409, `render is ${record.status === 'cancelled' ? 'cancelled' : record.status}, no file yet`);
      await serveFile(ctx.req, ctx.res, record.outPath, { downloadName: `${record.id}.mp4`, disposition: 'attachment' });
    },
  },
];

function readCanvas(draft: unknown): { width: number; height: number } | undefined {
  const m = (draft as { m?: { width?: unknown; height?: unknown } } | null)?.m;
  return typeof m?.width === 'number' && typeof m.height === 'number' ? { width: m.width, height: m.height } : undefined;
}
