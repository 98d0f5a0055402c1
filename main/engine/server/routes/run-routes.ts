/**
 * protocol.md §3.4 / §4: one message → one planner call → one new draft version, streamed as ADK events:
 * a short text at once, a functionCall + functionResponse per applied operation, heartbeats while it works,
 * and the planner's reply (ending with the timeline summary) as the final text. Then the stream closes.
 */
import { z } from 'zod';
import type { RequestContext } from '../context';
import { badRequest, HttpError, readJsonBody } from '../http-util';
import { newInvocationId } from '../ids';
import type { Route } from '../router';
import { SseWriter } from '../sse-writer';
import { textEvent, toolEvents } from '../adk-events';
import { sessionMedia } from '../state-view';
import { requireSession } from './session-access';

const partsSchema = z.looseObject({ parts: z.array(z.looseObject({ text: z.string().optional() })).min(1) });
/** ADK accepts snake_case and camelCase (§3.4); NemoVideo clients send snake_case. */
const runBodySchema = z
  .looseObject({
    app_name: z.string().optional(),
    appName: z.string().optional(),
    user_id: z.string().optional(),
    userId: z.string().optional(),
    session_id: z.union([z.string(), z.number()]).optional(),
    sessionId: z.union([z.string(), z.number()]).optional(),
    new_message: partsSchema.optional(),
    newMessage: partsSchema.optional(),
  })
  .transform((body) => ({
    userId: body.user_id ?? body.userId ?? 'me',
    sessionId: String(body.session_id ?? body.sessionId ?? ''),
    message: (body.new_message ?? body.newMessage)?.parts.map((part) => part.text ?? '').join('\n').trim() ?? '',
  }));

const HAN = /\p{Script=Han}/u;

/** Chinese words get a Chinese reply whatever the session's language; otherwise the session decides. */
export function replyLanguage(message: string, sessionLanguage: string): 'en' | 'zh' {
  if (HAN.test(message)) return 'zh';
  return /^zh\b/i.test(sessionLanguage) && !/[a-z]{3,}/i.test(message) ? 'zh' : 'en';
}

export function openingLine(language: 'en' | 'zh'): string {
  return language === 'zh' ? '好的，正在编辑时间线…' : 'On it — editing the timeline…';
}

export const runRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/run_sse\/?$/,
    auth: 'bearer',
    envelope: 'gateway',
    async handle(ctx) {
      const body = runBodySchema.safeParse(await readJsonBody(ctx.req));
      if (!body.success || body.data.sessionId === '') throw badRequest('session_id and new_message.parts[].text are required.');
      if (body.data.message === '') throw badRequest('The message is empty.');
      const session = requireSession(ctx, body.data.sessionId, body.data.userId);
      const { runs } = ctx.services;
      if (!runs.tryStart(session.id)) {
        throw new HttpError(409, 409, 'A message is still being worked on in this session. Wait for it to finish.');
      }
      try {
        await streamRun(ctx, session.id, body.data.message);
      } finally {
        runs.finish(session.id);
      }
    },
  },
];

async function streamRun(ctx: RequestContext, sessionId: string, message: string): Promise<void> {
  const { store, ports, config, now } = ctx.services;
  const session = store.data.sessions[sessionId];
  if (!session) return;
  const invocationId = newInvocationId();
  const language = replyLanguage(message, session.language);
  const sse = new SseWriter(ctx.res);
  sse.send(textEvent(invocationId, openingLine(language), now()));
  sse.startHeartbeat(config.heartbeatMs);
  try {
    // Let the opening event leave before the planner runs, so the first byte is never held back by the work.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const result = await ports.planner.handleMessage(session.history, message, sessionMedia(session, store.data.media), { language });
    // Not understood → the planner hands back the same history: no new version, nothing to undo.
    session.history = result.history;
    store.changed();
    await store.flush();
    for (const call of result.calls) {
      for (const event of toolEvents(invocationId, call.name, call.args, { status: 'success' }, now())) sse.send(event);
    }
    sse.send(textEvent(invocationId, result.reply, now()));
  } catch {
    // §4.4 (ADK @78eade9): a failure during the run is one last "Error: …" event, never a stack trace.
    sse.send({ ...textEvent(invocationId, 'Error: the edit could not be applied. The timeline is unchanged.', now()), author: 'system' });
  } finally {
    sse.end();
  }
}
