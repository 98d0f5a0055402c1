/** protocol.md §3.2 sessions, §3.6 credits, §3.7 state. */
import { z } from 'zod';
import type { RequestContext } from '../context';
import { badRequest, readJsonBody, sendOk, unauthorized } from '../http-util';
import { newSessionId, newTaskId } from '../ids';
import type { Route } from '../router';
import { fileObject, stateView } from '../state-view';
import { mediaUrl } from '../file-urls';
import { requireSession } from './session-access';

const createBodySchema = z.looseObject({ task_name: z.string().max(200).optional(), language: z.string().max(20).optional() });

/** A local, free plan: no limit, nothing frozen (the engine never charges). */
export const LOCAL_CREDITS = { available: 1_000_000, frozen: 0, total: 1_000_000, plan: 'local', unlimited: true } as const;

export const sessionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/tasks\/([^/]+)\/with-session\/nemo_agent\/?$/,
    auth: 'bearer',
    envelope: 'gateway',
    async handle(ctx) {
      const auth = ctx.auth;
      if (!auth || (ctx.params[0] !== 'me' && ctx.params[0] !== auth.userId)) throw unauthorized();
      const body = createBodySchema.safeParse(await readJsonBody(ctx.req));
      if (!body.success) throw badRequest('task_name and language must be short strings.');
      const { store, ports, now } = ctx.services;
      const id = newSessionId(now());
      const session = {
        id,
        taskId: newTaskId(),
        taskName: body.data.task_name ?? 'project',
        userId: auth.userId,
        language: body.data.language ?? 'en',
        createdAt: now(),
        history: ports.planner.emptyHistory(),
        mediaIds: [],
      };
      store.data.sessions[id] = session;
      await store.flush();
      sendOk(ctx.res, { task_id: session.taskId, session_id: id, user_id: auth.userId });
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/credits\/balance\/simple\/?$/,
    auth: 'bearer',
    envelope: 'gateway',
    async handle(ctx) {
      sendOk(ctx.res, LOCAL_CREDITS);
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/state\/nemo_agent\/([^/]+)\/([^/]+)\/latest\/?$/,
    auth: 'bearer',
    envelope: 'gateway',
    async handle(ctx) {
      sendOk(ctx.res, sessionState(ctx, ctx.params[1] ?? '', ctx.params[0]));
    },
  },
];

export function sessionState(ctx: RequestContext, sessionId: string, pathUser?: string): Record<string, unknown> {
  const session = requireSession(ctx, sessionId, pathUser);
  const { store, ports } = ctx.services;
  const files = session.mediaIds.flatMap((id) => {
    const media = store.data.media[id];
    return media ? [fileObject(media, mediaUrl(ctx.services, media))] : [];
  });
  return stateView(session, ports.planner.currentDraft(session.history), files);
}
