/** Identifiers in the shapes of protocol.md §2.4 and §4.2. */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `nmv_usr_` + 32 url-safe characters (24 random bytes). */
export const newToken = (): string => `nmv_usr_${randomBytes(24).toString('base64url')}`;
export const newUserId = (): string => `anon_${randomBytes(8).toString('hex')}`;
export const newTaskId = (): string => `task_${randomBytes(8).toString('hex')}`;
export const newClaimToken = (): string => `clm_${randomBytes(24).toString('base64url')}`;
export const newInvocationId = (): string => `e-${randomUUID()}`;
export const newFunctionCallId = (): string => `adk-${randomUUID()}`;

/** ADK event ids: 8 random alphanumerics. */
export function newEventId(): string {
  let id = '';
  for (let i = 0; i < 8; i += 1) id += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return id;
}

/** A snowflake-like decimal string: milliseconds shifted left plus random low bits, kept as a string (§2.4). */
export function newSessionId(now: number): string {
  return ((BigInt(now) << 22n) | BigInt(randomInt(1 << 22))).toString();
}
