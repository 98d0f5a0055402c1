/**
 * What to do with one HTTP reply, as a pure decision (protocol.md §2.2–2.3): a numeric envelope `code` decides first,
 * whatever the HTTP status; then the status. The client turns each verdict into a retry, a refresh or an error.
 */
import { unwrapEnvelope } from '../../shared/protocol';

/** Envelope codes that mean "the token is no good": 1001, and the CLI gateway's 1010/1011. */
export const AUTH_CODES: ReadonlySet<number> = new Set([1001, 1010, 1011]);

export type ReplyVerdict =
  | { kind: 'ok'; data: unknown }
  /** Get a new token and send again (once). */
  | { kind: 'auth'; code: number; message: string }
  /** 429: wait and send again (once). */
  | { kind: 'rate-limited'; code: number; message: string }
  /** 5xx: safe requests may be sent again with backoff. */
  | { kind: 'transient'; code: number; message: string }
  | { kind: 'error'; code: number; message: string }
  /** A 2xx whose body is not JSON. */
  | { kind: 'malformed' };

/** The body text as JSON, or `undefined` when it is not JSON. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function numericCode(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const code = (body as { code?: unknown }).code;
  return typeof code === 'number' && Number.isFinite(code) ? code : undefined;
}

function messageOf(body: unknown, status: number): string {
  if (typeof body === 'object' && body !== null) {
    const { message, error, detail } = body as { message?: unknown; error?: unknown; detail?: unknown };
    for (const candidate of [message, error, detail]) if (typeof candidate === 'string' && candidate !== '') return candidate;
  }
  return `HTTP ${status}`;
}

/** `body` is the parsed JSON, or `undefined` when the reply had no JSON body. */
export function classifyReply(status: number, body: unknown): ReplyVerdict {
  const code = numericCode(body);
  const message = messageOf(body, status);
  if (code !== undefined && code !== 0) {
    if (AUTH_CODES.has(code)) return { kind: 'auth', code, message };
    if (code === 429) return { kind: 'rate-limited', code, message };
    if (status >= 500 && code >= 500 && code < 600) return { kind: 'transient', code, message };
    return { kind: 'error', code, message };
  }
  if (code === undefined) {
    if (status === 401) return { kind: 'auth', code: 401, message };
    if (status === 429) return { kind: 'rate-limited', code: 429, message };
    if (status >= 500) return { kind: 'transient', code: status, message };
    if (body === undefined) return status >= 200 && status < 300 ? { kind: 'malformed' } : { kind: 'error', code: status, message };
  }
  const unwrapped = unwrapEnvelope(body, status);
  return unwrapped.ok ? { kind: 'ok', data: unwrapped.data } : { kind: 'error', code: unwrapped.code, message: unwrapped.message };
}
