/**
 * The engine's own anonymous tokens (protocol.md §3.1, §7): one per client id, valid 7 days; the same client id
 * gets its unexpired token back rather than a new one, so a client that lost its reply can simply ask again.
 */
import type { EngineData, TokenRecord } from '../store/schema';
import { newToken, newUserId } from './ids';

export const TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function issueAnonymousToken(data: EngineData, clientId: string, now: number): { record: TokenRecord; created: boolean } {
  const existing = data.clients[clientId];
  const current = existing === undefined ? undefined : data.tokens[existing];
  if (current && current.expiresAt > now) return { record: current, created: false };
  if (existing !== undefined) delete data.tokens[existing];
  // An expired token's user keeps its id, so its sessions stay reachable after the renewal (§6.1).
  const record: TokenRecord = { token: newToken(), userId: current?.userId ?? newUserId(), clientId, expiresAt: now + TOKEN_TTL_MS };
  data.tokens[record.token] = record;
  data.clients[clientId] = record.token;
  return { record, created: true };
}

/** The token record for an `Authorization: Bearer …` header, or undefined when missing, unknown or expired. */
export function authenticate(data: EngineData, authorization: string | undefined, now: number): TokenRecord | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const record = data.tokens[match[1]];
  return record && record.expiresAt > now ? record : undefined;
}

/** `me` stands for the token's user; a real user id in the path must be that user (§2.4). */
export function pathUserMatches(pathUser: string, record: TokenRecord): boolean {
  return pathUser === 'me' || pathUser === record.userId;
}
