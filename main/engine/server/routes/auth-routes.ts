/** protocol.md §3.1 anonymous tokens and §3.3 claim tokens. */
import { z } from 'zod';
import { issueAnonymousToken } from '../auth';
import { badRequest, header, HttpError, readJsonBody, sendOk } from '../http-util';
import { newClaimToken } from '../ids';
import type { Route } from '../router';
import { requireSession } from './session-access';

const CLAIM_TTL_S = 7 * 24 * 60 * 60;
const claimBodySchema = z.looseObject({ session_id: z.union([z.string(), z.number()]).transform(String), task_id: z.string().optional() });

export const authRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/auth\/anonymous-token\/?$/,
    auth: 'none',
    envelope: 'gateway',
    async handle(ctx) {
      const clientId = header(ctx.req, 'x-client-id');
      if (!clientId) throw new HttpError(400, 400, 'X-Client-Id header is required.');
      if (clientId.length > 128) throw badRequest('X-Client-Id is too long (at most 128 characters).');
      ctx.req.resume();
      const { store, now } = ctx.services;
      const { record, created } = issueAnonymousToken(store.data, clientId, now());
      if (created) await store.flush();
      sendOk(ctx.res, {
        token: record.token,
        user_id: record.userId,
        expires_at: new Date(record.expiresAt).toISOString(),
        // The local engine has no credit limit; this mirrors the cloud's field (§3.1).
        credits: 1_000_000,
        scopes: ['read', 'write', 'upload'],
      });
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/auth\/claim-token\/?$/,
    auth: 'bearer',
    envelope: 'gateway',
    async handle(ctx) {
      const body = claimBodySchema.safeParse(await readJsonBody(ctx.req));
      if (!body.success) throw badRequest('session_id is required.');
      requireSession(ctx, body.data.session_id);
      sendOk(ctx.res, { claim_token: newClaimToken(), expires_in: CLAIM_TTL_S });
    },
  },
];
