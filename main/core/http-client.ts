/**
 * The one HTTP client of the core (undici). Every request carries the bearer token and the three attribution
 * headers; replies are decided on the envelope code first, then the HTTP status (http-reply.ts). Retries:
 * 1001 → new token, once; 429 → wait, once; 5xx/network → backoff, only for requests marked safe.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { AppError, appError, errorForApiCode, type ErrorCode } from '../../shared/errors';
import type { Auth } from './auth';
import { classifyReply, parseJsonBody, type ReplyVerdict } from './http-reply';
import { multipartLayout, multipartStream, newBoundary, type MultipartFile } from './multipart-body';

export const SKILL_SOURCE = 'video-builder';

export interface ApiClientOptions {
  baseUrl: string;
  auth: Auth;
  appVersion: string;
  platform: string;
  /** Per request, default 30 s. */
  timeoutMs?: number;
  /** 5xx/network retries for safe requests, default 2, exponential backoff. */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** 429 wait, default 30 s (protocol.md §2.3). */
  rateLimitDelayMs?: number;
  dispatcher?: Dispatcher;
}

export interface JsonRequestOptions {
  body?: unknown;
  /** false for requests that create something: a 5xx or a dropped connection may already have created it. */
  retry?: boolean;
  signal?: AbortSignal;
}

export interface DownloadOptions {
  onProgress?: (loaded: number, total: number | undefined) => void;
  signal?: AbortSignal;
}

export interface UploadOptions {
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/** The headers NemoVideo uses to attribute traffic; without them export is refused with 402 (§2.1). */
export function attributionHeaders(appVersion: string, platform: string): Record<string, string> {
  return { 'X-Skill-Source': SKILL_SOURCE, 'X-Skill-Version': appVersion, 'X-Skill-Platform': platform };
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const BACKOFF_BASE_MS = 500;
const MAX_REDIRECTS = 5;
/** Uploads are long and the server may probe the file before answering: no overall timeout, a generous wait for headers. */
const UPLOAD_HEADERS_TIMEOUT_MS = 10 * 60_000;
/** Connection failures where the request certainly never reached the server. */
const NOT_SENT_ERRNOS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);

function errnoOf(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

type Attempt = { verdict: ReplyVerdict; status: number } | { failure: AppError };

export class ApiClient {
  readonly baseUrl: string;
  private readonly opts: Required<Omit<ApiClientOptions, 'dispatcher'>> & { dispatcher?: Dispatcher };

  constructor(opts: ApiClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    // `??`, not spread defaults: callers pass `undefined` for "use the default".
    this.opts = {
      ...opts,
      timeoutMs: opts.timeoutMs ?? 30_000,
      retries: opts.retries ?? 2,
      sleep: opts.sleep ?? defaultSleep,
      rateLimitDelayMs: opts.rateLimitDelayMs ?? 30_000,
    };
  }

  /** Authorization plus attribution headers, with `extra` on top. */
  async headers(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    return this.headersFor(await this.opts.auth.token(), extra);
  }

  async json<T>(method: 'GET' | 'POST', apiPath: string, schema: z.ZodType<T>, opts: JsonRequestOptions = {}): Promise<T> {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const data = await this.withRecovery(opts.retry !== false, opts.signal, async (token) => {
      const signal = this.timeoutSignal(opts.signal);
      const extra: Record<string, string> = { Accept: 'application/json' };
      if (payload !== undefined) extra['Content-Type'] = 'application/json';
      const res = await request(this.url(apiPath), {
        method,
        headers: this.headersFor(token, extra),
        body: payload ?? null,
        signal,
        dispatcher: this.opts.dispatcher,
      });
      return { status: res.statusCode, text: await res.body.text() };
    });
    return parseData(schema, data);
  }

  /**
   * POST to an SSE endpoint. Never sent twice once the server may have it, except when the server answered 1001
   * before any stream (then: new token, one retry). Errors: `network` when the request never left; otherwise
   * `stream.dropped` (the outcome is unknown: recover from the state, never re-send). No overall timeout here.
   */
  async openStream(apiPath: string, body: unknown, opts: { signal?: AbortSignal }): Promise<{ body: AsyncIterable<Uint8Array>; status: number }> {
    const payload = JSON.stringify(body);
    let authRetried = false;
    for (;;) {
      const token = await this.opts.auth.token();
      let res: Dispatcher.ResponseData;
      try {
        res = await request(this.url(apiPath), {
          method: 'POST',
          headers: this.headersFor(token, { 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
          body: payload,
          signal: opts.signal,
          // Keep-alives arrive every ~15 s, but the caller owns the idle rule (§4.1): undici must not cut in.
          bodyTimeout: 0,
          dispatcher: this.opts.dispatcher,
        });
      } catch (err) {
        if (opts.signal?.aborted) throw appError('cancelled', undefined, undefined, { cause: err });
        throw appError(NOT_SENT_ERRNOS.has(errnoOf(err)) ? 'network' : 'stream.dropped', undefined, undefined, { cause: err });
      }
      const contentType = String(res.headers['content-type'] ?? '');
      if (res.statusCode >= 200 && res.statusCode < 300 && contentType.includes('text/event-stream')) {
        return { body: res.body, status: res.statusCode };
      }
      const text = await res.body.text().catch(() => '');
      const verdict = classifyReply(res.statusCode, parseJsonBody(text));
      if (verdict.kind === 'auth' && !authRetried) {
        authRetried = true;
        await this.opts.auth.refresh(token);
        continue;
      }
      // A JSON success where a stream was expected is not something we can read.
      throw verdict.kind === 'ok' ? appError('server.malformed') : this.verdictError(verdict, res.statusCode);
    }
  }

  /**
   * Streams to `<destPath>.part` and renames when complete. Our own host gets the auth headers; any other host
   * (a CDN URL, or a redirect to one) gets none, so the token never leaves for a third party.
   */
  async download(pathOrUrl: string, destPath: string, opts: DownloadOptions = {}): Promise<void> {
    const partPath = `${destPath}.part`;
    await mkdir(path.dirname(destPath), { recursive: true });
    // Shared by every attempt, so a retried download never reports less than before.
    let progress: ((loaded: number, final?: boolean) => void) | undefined;
    try {
      await this.withRecovery(true, opts.signal, async (token) => {
        const res = await this.followRedirects(this.url(pathOrUrl), token, opts.signal);
        if (res.statusCode < 200 || res.statusCode >= 300) return { status: res.statusCode, text: await res.body.text() };
        const total = Number(res.headers['content-length']) || undefined;
        let loaded = 0;
        progress ??= throttleProgress(opts.onProgress, total);
        const report = progress;
        const counter = new Transform({
          transform(chunk: Buffer, _enc, done) {
            loaded += chunk.length;
            report(loaded);
            done(null, chunk);
          },
        });
        const out = createWriteStream(partPath);
        // Opened before the first byte arrives, so a folder we cannot write to fails before anything is read.
        await once(out, 'open');
        await pipeline(res.body, counter, out);
        if (total !== undefined && loaded !== total) throw Object.assign(new Error('download ended early'), { code: 'ECONNRESET' });
        report(loaded, true);
        return { status: res.statusCode, text: '{"code":0,"data":null}' };
      });
      await rename(partPath, destPath);
    } catch (err) {
      await unlink(partPath).catch(() => undefined);
      throw err;
    }
  }

  /** multipart/form-data, field `files` (repeatable), streamed from disk with a known Content-Length. Not retried on 5xx. */
  async uploadMultipart(apiPath: string, files: Array<{ path: string; name: string }>, opts: UploadOptions = {}): Promise<unknown> {
    const sized: MultipartFile[] = [];
    for (const file of files) {
      const info = await stat(file.path).catch((err: unknown) => {
        throw appError('file.missing', `${file.name} could not be found. It may have been moved or deleted.`, undefined, { cause: err });
      });
      sized.push({ ...file, size: info.size });
    }
    const boundary = newBoundary();
    const { contentLength } = multipartLayout(sized, boundary);
    const progress = throttleProgress(opts.onProgress, contentLength);
    // A resend after 1001/429 starts the body again; progress only ever moves forward.
    const onBytes = (sent: number): void => progress(sent);
    return this.withRecovery(false, opts.signal, async (token) => {
      const res = await request(this.url(apiPath), {
        method: 'POST',
        headers: this.headersFor(token, {
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(contentLength),
          Accept: 'application/json',
        }),
        body: multipartStream(sized, boundary, onBytes),
        signal: opts.signal,
        headersTimeout: UPLOAD_HEADERS_TIMEOUT_MS,
        bodyTimeout: this.opts.timeoutMs,
        dispatcher: this.opts.dispatcher,
      });
      return { status: res.statusCode, text: await res.body.text() };
    });
  }

  private url(pathOrUrl: string): URL {
    return /^https?:\/\//i.test(pathOrUrl) ? new URL(pathOrUrl) : new URL(this.baseUrl + (pathOrUrl.startsWith('/') ? '' : '/') + pathOrUrl);
  }

  private isOwnHost(url: URL): boolean {
    return url.origin === new URL(this.baseUrl).origin;
  }

  private headersFor(token: string, extra: Record<string, string> = {}): Record<string, string> {
    return { ...attributionHeaders(this.opts.appVersion, this.opts.platform), Authorization: `Bearer ${token}`, ...extra };
  }

  private timeoutSignal(user: AbortSignal | undefined): AbortSignal {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    return user ? AbortSignal.any([user, timeout]) : timeout;
  }

  private async followRedirects(start: URL, token: string, signal: AbortSignal | undefined): Promise<Dispatcher.ResponseData> {
    let url = start;
    for (let hop = 0; ; hop++) {
      const res = await request(url, {
        method: 'GET',
        headers: this.isOwnHost(url) ? this.headersFor(token) : {},
        signal,
        headersTimeout: this.opts.timeoutMs,
        bodyTimeout: this.opts.timeoutMs,
        dispatcher: this.opts.dispatcher,
      });
      const location = res.headers.location;
      if (res.statusCode < 300 || res.statusCode >= 400 || typeof location !== 'string' || hop >= MAX_REDIRECTS) return res;
      await res.body.dump();
      url = new URL(location, url);
    }
  }

  /**
   * Runs `send` until it gives a usable reply: one token refresh, one rate-limit wait, and (when `retryable`)
   * backoff on 5xx and network failures. Returns the unwrapped `data`.
   */
  private async withRecovery(
    retryable: boolean,
    signal: AbortSignal | undefined,
    send: (token: string) => Promise<{ status: number; text: string }>,
  ): Promise<unknown> {
    let authRetried = false;
    let rateRetried = false;
    let transientRetries = 0;
    for (;;) {
      const token = await this.opts.auth.token();
      const attempt = await this.attempt(send, token, signal);
      if ('failure' in attempt) {
        const transient = attempt.failure.user.code === 'network' || attempt.failure.user.code === 'timeout';
        if (!retryable || !transient || transientRetries >= this.opts.retries) throw attempt.failure;
        await this.opts.sleep(BACKOFF_BASE_MS * 2 ** transientRetries++);
        continue;
      }
      const { verdict, status } = attempt;
      if (verdict.kind === 'ok') return verdict.data;
      if (verdict.kind === 'auth' && !authRetried) {
        authRetried = true;
        await this.opts.auth.refresh(token);
        continue;
      }
      if (verdict.kind === 'rate-limited' && !rateRetried) {
        rateRetried = true;
        await this.opts.sleep(this.opts.rateLimitDelayMs);
        continue;
      }
      if (verdict.kind === 'transient' && retryable && transientRetries < this.opts.retries) {
        await this.opts.sleep(BACKOFF_BASE_MS * 2 ** transientRetries++);
        continue;
      }
      throw this.verdictError(verdict, status);
    }
  }

  private async attempt(send: (token: string) => Promise<{ status: number; text: string }>, token: string, signal: AbortSignal | undefined): Promise<Attempt> {
    if (signal?.aborted) return { failure: appError('cancelled') };
    try {
      const { status, text } = await send(token);
      return { status, verdict: classifyReply(status, parseJsonBody(text)) };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (signal?.aborted) return { failure: appError('cancelled', undefined, undefined, { cause: err }) };
      return { failure: appError(localFailureCode(err), undefined, undefined, { cause: err }) };
    }
  }

  private verdictError(verdict: Exclude<ReplyVerdict, { kind: 'ok' }>, status: number): AppError {
    if (verdict.kind === 'malformed') return appError('server.malformed', undefined, undefined, { apiCode: status });
    const userId = this.opts.auth.isAnonymous() ? this.opts.auth.userId() : undefined;
    return new AppError(errorForApiCode(verdict.code, verdict.message, { userId }), { apiCode: verdict.code });
  }
}

/** Step between progress reports: 0.5 % of a known total, else 256 KB. Chunks arrive every 64 KB, far too often for a UI. */
const PROGRESS_STEPS = 200;
const PROGRESS_BYTES_UNKNOWN_TOTAL = 256 * 1024;

/** Reports only forward moves, at most about every 0.5 %, and always the end (`loaded === total`, or `final`). */
export function throttleProgress<T extends number | undefined>(
  onProgress: ((loaded: number, total: T) => void) | undefined,
  total: T,
): (loaded: number, final?: boolean) => void {
  const step = total ? Math.max(1, Math.floor(total / PROGRESS_STEPS)) : PROGRESS_BYTES_UNKNOWN_TOTAL;
  let reported = 0;
  return (loaded, final = false) => {
    if (!onProgress || loaded < reported || (loaded === reported && reported > 0)) return;
    if (loaded - reported >= step || loaded === total || final) {
      reported = loaded;
      onProgress(loaded, total);
    }
  };
}

function localFailureCode(err: unknown): ErrorCode {
  const name = err instanceof Error ? err.name : '';
  const code = errnoOf(err);
  if (name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'timeout';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk.full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'file.permission';
  return 'network';
}

/** Validates unwrapped `data`; anything else than the expected shape is `server.malformed`. */
export function parseData<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw appError('server.malformed', undefined, undefined, { cause: parsed.error });
  return parsed.data;
}
