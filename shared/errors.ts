/**
 * Every failure a person can see goes through here: NemoVideo error codes (protocol.md §2.3) and local failures
 * (disk, files, network, timeouts, unreadable replies) become a short message and at most one action. Nothing
 * that leaves this module carries a stack trace or a token.
 */
import { z } from 'zod';
import { userErrorSchema, type UserError } from './bridge';
import { MAX_UPLOAD_BYTES, NEMO_WEB_URL, SUPPORTED_EXTENSIONS } from './protocol';

export const ERROR_CODES = {
  authExpired: 'auth.expired',
  sessionMissing: 'session.missing',
  creditsInsufficient: 'credits.insufficient',
  mediaUnsupported: 'media.unsupported',
  mediaTooLarge: 'media.too-large',
  mediaCorrupt: 'media.corrupt',
  clientIdMissing: 'client.id-missing',
  exportPlanBlocked: 'export.plan-blocked',
  rateLimited: 'rate-limited',
  serverError: 'server.error',
  serverMalformed: 'server.malformed',
  network: 'network',
  timeout: 'timeout',
  cancelled: 'cancelled',
  diskFull: 'disk.full',
  filePermission: 'file.permission',
  fileMissing: 'file.missing',
  ffmpegMissing: 'ffmpeg.missing',
  draftEmpty: 'draft.empty',
  streamDropped: 'stream.dropped',
  streamTimeout: 'stream.timeout',
  unknown: 'unknown',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
export type UserErrorAction = NonNullable<UserError['action']>;

const REGISTER_URL = `${NEMO_WEB_URL}/register`;
const MAX_SERVER_MESSAGE = 200;
/** Longer raw messages are more likely to be internals than something a person can act on. */
const MAX_RAW_UNKNOWN_MESSAGE = 120;

/** The message used when a caller gives none (and for local failures below). */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  'auth.expired': 'Your sign-in has expired. Sign in again to continue.',
  'session.missing': 'This editing session no longer exists on the server. Start a new session to continue.',
  'credits.insufficient': "You're out of credits.",
  'media.unsupported': `This file type is not supported. Supported formats: ${supportedFormatsList()}.`,
  'media.too-large': `This file is larger than the ${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB limit. Compress or trim it, then add it again.`,
  'media.corrupt': 'This file could not be read. It may be damaged or only partly downloaded.',
  'client.id-missing': 'The service did not accept this app’s client id. Retrying with a new client id.',
  'export.plan-blocked': 'Register or upgrade your plan to unlock export.',
  'rate-limited': 'The service is busy; retrying in 30 seconds…',
  'server.error': 'The video service reported an error.',
  'server.malformed': 'The server sent a reply we could not read. Please try again.',
  network: "Can't reach the video service. Check your connection and try again.",
  timeout: 'The video service took too long to answer. Please try again.',
  cancelled: 'Cancelled.',
  'disk.full': 'Your disk is full. Free some space and try again.',
  'file.permission': 'The app is not allowed to read or write this file. Check its permissions or choose another folder.',
  'file.missing': 'A file could not be found. It may have been moved or deleted.',
  'ffmpeg.missing': 'ffmpeg was not found. Install ffmpeg or reinstall the app.',
  'draft.empty': 'Add media first, then ask for an edit or an export.',
  'stream.dropped': 'The connection to the video service dropped. Checking what was done…',
  'stream.timeout': 'The video service stopped answering. Checking what was done…',
  unknown: 'Something went wrong. Please try again.',
};

function supportedFormatsList(): string {
  return Object.values(SUPPORTED_EXTENSIONS)
    .flat()
    .map((ext) => ext.toUpperCase())
    .join(', ');
}

export class AppError extends Error {
  readonly user: UserError;
  readonly apiCode?: number;

  constructor(user: UserError, options?: { apiCode?: number; cause?: unknown }) {
    super(user.message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.user = user;
    if (options?.apiCode !== undefined) this.apiCode = options.apiCode;
  }
}

/** A UserError with the catalogue's default message when none is given. */
export function userError(code: ErrorCode, message?: string, action?: UserErrorAction): UserError {
  const base: UserError = { code, message: message ?? DEFAULT_MESSAGES[code] };
  return action ? { ...base, action } : base;
}

/** An AppError to throw; its `user` part is what the person will see. */
export function appError(code: ErrorCode, message?: string, action?: UserErrorAction, options?: { apiCode?: number; cause?: unknown }): AppError {
  return new AppError(userError(code, message, action), options);
}

// Token shapes we know of: NemoVideo user tokens, bearer headers, JWTs and secret-bearing query parameters.
const SECRET_PATTERNS: RegExp[] = [
  /nmv_[A-Za-z0-9]+_[A-Za-z0-9._~+/=-]*/g,
  /\bBearer\s+[^\s"',;]+/gi,
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  /([?&](?:token|access_token|secret|key|api_key|signature|sig)=)[^&\s"']+/gi,
];

/** Removes anything that looks like a credential. Safe to use before logging too. */
export function redactSecrets(text: string): string {
  // Only the query-parameter pattern has a capture group: keep its `?token=` so the URL still reads as one.
  const replace = (_match: string, group: unknown): string => (typeof group === 'string' ? `${group}[redacted]` : '[redacted]');
  return SECRET_PATTERNS.reduce((acc, pattern) => acc.replace(pattern, replace), text);
}

function containsSecret(text: string): boolean {
  return redactSecrets(text) !== text;
}

/** A server's message made safe to show: no tokens, one line, at most 200 characters. */
export function sanitizeServerMessage(message: string): string {
  const oneLine = redactSecrets(message).replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SERVER_MESSAGE ? `${oneLine.slice(0, MAX_SERVER_MESSAGE - 1)}…` : oneLine;
}

/** protocol.md §2.3: an envelope code or an HTTP status → what the person sees. */
export function errorForApiCode(code: number, serverMessage?: string, ctx?: { userId?: string }): UserError {
  switch (code) {
    case 1001:
    case 1010:
    case 1011:
    case 401:
      return userError('auth.expired', undefined, { kind: 'reauth', label: 'Sign in again' });
    case 1002:
      return userError('session.missing', undefined, { kind: 'new-session', label: 'Start a new session' });
    case 2001:
      return creditsError(ctx?.userId);
    // The server's reason names the file and what is wrong with it; keep it in front of the generic advice.
    case 4001:
      return withServerReason(userError('media.unsupported'), serverMessage);
    case 4002:
      return withServerReason(userError('media.too-large'), serverMessage);
    case 400:
      return userError('client.id-missing', undefined, { kind: 'retry', label: 'Retry with a new client id' });
    case 402:
      return userError('export.plan-blocked', undefined, { kind: 'link', label: 'Register', url: REGISTER_URL });
    case 429:
      return userError('rate-limited', undefined, { kind: 'retry', label: 'Retry now' });
    default: {
      const detail = serverMessage ? sanitizeServerMessage(serverMessage) : '';
      return userError(
        'server.error',
        detail ? `The video service reported an error: ${detail}` : `The video service reported an error (code ${code}).`,
        { kind: 'retry', label: 'Try again' },
      );
    }
  }
}

function withServerReason(error: UserError, serverMessage: string | undefined): UserError {
  const reason = serverMessage ? sanitizeServerMessage(serverMessage) : '';
  if (!reason || /^HTTP \d+$/.test(reason) || error.message.includes(reason)) return error;
  return { ...error, message: `${reason.replace(/[.!]?$/, '.')} ${error.message}` };
}

function creditsError(userId: string | undefined): UserError {
  if (userId?.startsWith('anon_')) {
    return userError('credits.insufficient', "You're out of free credits. Register to get more and keep this project.", {
      kind: 'link',
      label: 'Register',
      url: `${REGISTER_URL}?bind=${encodeURIComponent(userId)}`,
    });
  }
  return userError('credits.insufficient', "You're out of credits. Top up your credits at nemovideo.com.", {
    kind: 'link',
    label: 'Top up',
    url: NEMO_WEB_URL,
  });
}

const NETWORK_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
  'EPIPE',
]);
// A server that accepted the connection but then went quiet is slow, not unreachable.
const SLOW_SERVER_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const NETWORK_MESSAGES = ['fetch failed', 'failed to fetch', 'networkerror when attempting to fetch resource.', 'load failed'];

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  cause?: unknown;
}

/** The error and its causes (fetch wraps the real reason in `cause`), bounded against cycles. */
function causeChain(err: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = err;
  while (typeof current === 'object' && current !== null && chain.length < 6 && !chain.includes(current as ErrorLike)) {
    chain.push(current as ErrorLike);
    current = (current as ErrorLike).cause;
  }
  return chain;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

function fileSystemError(e: ErrorLike): UserError | null {
  const code = str(e.code);
  const syscall = str(e.syscall);
  const path = str(e.path);
  if (code === 'ENOENT' && syscall.startsWith('spawn') && /ff(mpeg|probe)/i.test(`${syscall} ${path}`)) {
    return userError('ffmpeg.missing');
  }
  const name = path ? baseName(path) : '';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return userError('disk.full');
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return userError('file.permission', name ? `The app is not allowed to read or write ${name}. Check its permissions or choose another folder.` : undefined);
    case 'ENOENT':
      return userError('file.missing', name ? `${name} could not be found. It may have been moved or deleted.` : undefined);
    default:
      return null;
  }
}

function isZodError(err: unknown): boolean {
  if (err instanceof z.ZodError) return true;
  const e = err as ErrorLike & { issues?: unknown };
  return typeof err === 'object' && err !== null && str(e.name) === 'ZodError' && Array.isArray(e.issues);
}

/** Plain objects already shaped like a UserError (e.g. a bridge failure) pass through, sanitized. */
function passThroughUserError(err: unknown): UserError | null {
  if (typeof err !== 'object' || err === null || err instanceof Error) return null;
  const candidate = 'bridgeError' in err ? (err as { bridgeError: unknown }).bridgeError : err;
  const parsed = userErrorSchema.safeParse(candidate);
  if (!parsed.success) return null;
  return { ...parsed.data, message: sanitizeServerMessage(parsed.data.message) };
}

function unknownError(raw: string): UserError {
  const trimmed = raw.trim();
  const showable = trimmed !== '' && trimmed.length <= MAX_RAW_UNKNOWN_MESSAGE && !/[\r\n]/.test(trimmed) && !containsSecret(trimmed);
  return userError('unknown', showable ? `Something went wrong: ${trimmed}` : undefined);
}

/** Any thrown value → what the person sees. Never includes a stack trace or a token. */
export function toUserError(err: unknown): UserError {
  // Messages may quote a file name or a server's words, so every one is redacted on the way out.
  const user = describeFailure(err);
  return { ...user, message: redactSecrets(user.message) };
}

function describeFailure(err: unknown): UserError {
  if (err instanceof AppError) return err.user;
  const passed = passThroughUserError(err);
  if (passed) return passed;

  const chain = causeChain(err);
  const top = chain[0];
  if (top) {
    const name = str(top.name);
    if (name === 'AbortError' || str(top.code) === 'ABORT_ERR') return userError('cancelled');
    if (name === 'TimeoutError') return userError('timeout');
    const fsError = fileSystemError(top);
    if (fsError) return fsError;
  }
  for (const e of chain) {
    if (e instanceof AppError) return e.user;
    const code = str(e.code);
    if (SLOW_SERVER_CODES.has(code) || str(e.name) === 'TimeoutError') return userError('timeout');
  }
  for (const e of chain) {
    const code = str(e.code);
    if (NETWORK_ERRNOS.has(code) || code.startsWith('UND_ERR_')) return userError('network');
    if (NETWORK_MESSAGES.includes(str(e.message).trim().toLowerCase())) return userError('network');
  }
  if (isZodError(err)) return userError('server.malformed');

  if (typeof err === 'string') return unknownError(err);
  return unknownError(str(top?.message));
}
