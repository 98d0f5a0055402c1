/**
 * A scripted NemoVideo server for tests and benchmarks: node:http on 127.0.0.1, port 0.
 *
 *   const server = await startScriptedServer({ routes: { [ROUTES.credits]: [envelopeError(1001)] } });
 *   // ... point an ApiClient at server.url ...
 *   server.requests   // every request: method, path, headers (lower-case), body text (first 64 KB), bytes, parts
 *   await server.close();
 *
 * Every route of the protocol.md §7 stand-in works by default (nemo-routes.ts): anonymous token, sessions, credits,
 * state, uploads (multipart counted while streaming, never buffered), /run_sse (script.sseEvents), render submit /
 * poll / cancel / download, and `/files/<name>` (no auth: stands in for a CDN). Per test, a route key
 * ("METHOD /path/:param", see ROUTES) can be overridden by:
 * - a handler `(ctx) => …` that writes `ctx.res` itself,
 * - one CannedReply, returned on every call,
 * - an array of CannedReply, used one per call; when it runs out the default route answers again
 *   (e.g. `[envelopeError(1001)]` = "first call 1001, then normal").
 * `server.route(key, script)` and `server.enqueue(key, ...replies)` change this while a test runs.
 * `server.state` is the stand-in's memory (tokens, sessions, renders, credits); `expireTokens()` and
 * `forgetSessions()` provoke 1001 and 1002. SSE frame helpers and keep-alive forms are in sse.ts.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { boundaryOf, MultipartCounter, type CountedPart } from './multipart-counter';
import { createStandIn, type StandInOptions, type StandInState } from './nemo-routes';
import { writeSse, type SseStep } from './sse';

export { ROUTES } from './nemo-routes';
export type { StandInOptions, StandInState } from './nemo-routes';

export interface RecordedRequest {
  method: string;
  path: string; // with the query string
  headers: IncomingHttpHeaders;
  body: string; // as text, cut at 64 KB
  bytes: number; // the body's full length
  parts: CountedPart[] | undefined; // multipart bodies: field name, file name, type and size of each part
  json: unknown; // the body parsed as JSON, or undefined
}

/** `drop` destroys the socket instead of answering; `sse` streams the steps (sse.ts). */
export interface CannedReply { status?: number; json?: unknown; body?: string | Buffer; headers?: Record<string, string>; sse?: SseStep[]; drop?: boolean; delayMs?: number }
export interface RouteContext { req: RecordedRequest; params: Record<string, string>; res: ServerResponse; server: ScriptedServer }
export type RouteHandler = (ctx: RouteContext) => void | Promise<void>;
export type RouteScript = RouteHandler | CannedReply | CannedReply[];
export interface ServerScript extends StandInOptions { routes?: Record<string, RouteScript> }

export interface ScriptedServer {
  url: string; requests: RecordedRequest[]; state: StandInState;
  route(key: string, script: RouteScript): void; enqueue(key: string, ...replies: CannedReply[]): void;
  expireTokens(): void; forgetSessions(): void; close(): Promise<void>;
}

/** `{code:0, data}`. */
export const envelope = (data: unknown): CannedReply => ({ json: { code: 0, message: 'success', data } });

const DEFAULT_STATUS: Record<number, number> = { 1001: 401, 1002: 404, 2001: 200, 4001: 400, 4002: 400, 1010: 401, 1011: 401 };
/** An error envelope with the §2.3 stand-in's default HTTP status (400/402/429/5xx codes use themselves). */
export const envelopeError = (code: number, status = DEFAULT_STATUS[code] ?? (code < 600 ? code : 400), message = `error ${code}`): CannedReply =>
  ({ status, json: { code, message, data: null } });

export async function sendReply(res: ServerResponse, reply: CannedReply): Promise<void> {
  if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  if (reply.drop) return void res.socket?.destroy();
  if (reply.sse) return writeSse(res, reply.sse);
  const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? '');
  const type = reply.json !== undefined ? { 'Content-Type': 'application/json' } : {};
  res.writeHead(reply.status ?? 200, { ...type, ...reply.headers });
  res.end(body);
}

/** The first key ("METHOD /path/:param") matching the request, with its decoded params. */
function match(keys: Iterable<string>, method: string, pathname: string): { key: string; params: Record<string, string> } | undefined {
  for (const key of keys) {
    const [m, pattern = '/'] = key.split(' ');
    const names: string[] = [];
    const regex = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_s, n: string) => (names.push(n), '([^/]+)'))}$`);
    const found = m === method ? regex.exec(pathname) : null;
    if (found) return { key, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1] ?? '')])) };
  }
  return undefined;
}

const BODY_TEXT_LIMIT = 64 * 1024;
const parseJson = (text: string): unknown => { try { return JSON.parse(text) as unknown; } catch { return undefined; } };

export async function startScriptedServer(script: ServerScript = {}): Promise<ScriptedServer> {
  const overrides = new Map<string, RouteScript>(Object.entries(script.routes ?? {}));
  const requests: RecordedRequest[] = [];
  const standIn = createStandIn(script, () => server.url);

  const httpServer = createServer((req, res) => {
    const record: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: '', bytes: 0, parts: undefined, json: undefined };
    requests.push(record);
    const boundary = boundaryOf(req.headers['content-type']);
    const counter = boundary ? new MultipartCounter(boundary) : undefined;
    record.parts = counter?.parts;
    req.on('data', (chunk: Buffer) => {
      if (record.bytes < BODY_TEXT_LIMIT) record.body += chunk.subarray(0, BODY_TEXT_LIMIT - record.bytes).toString('utf8');
      record.bytes += chunk.length;
      counter?.feed(chunk);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      if (!counter) record.json = parseJson(record.body);
      void dispatch(record, res).catch((err: unknown) => {
        if (!res.headersSent) void sendReply(res, { status: 500, json: { code: 500, message: String(err) } });
      });
    });
  });

  async function dispatch(record: RecordedRequest, res: ServerResponse): Promise<void> {
    const pathname = new URL(record.path, 'http://x').pathname;
    const custom = match(overrides.keys(), record.method, pathname);
    const ctx = (params: Record<string, string>): RouteContext => ({ req: record, params, res, server });
    if (custom) {
      const scripted = overrides.get(custom.key);
      if (typeof scripted === 'function') return scripted(ctx(custom.params));
      if (scripted && !Array.isArray(scripted)) return sendReply(res, scripted);
      const next = scripted?.shift();
      if (next) return sendReply(res, next);
    }
    const standard = match(Object.keys(standIn.routes), record.method, pathname);
    const handler = standard ? standIn.routes[standard.key] : undefined;
    if (standard && handler) return handler(ctx(standard.params));
    return sendReply(res, { status: 404, json: { detail: 'Not Found' } });
  }

  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const server: ScriptedServer = {
    url: `http://127.0.0.1:${port}`, requests, state: standIn.state,
    route: (key, routeScript) => void overrides.set(key, routeScript),
    enqueue: (key, ...replies) => {
      const existing = overrides.get(key);
      overrides.set(key, [...(Array.isArray(existing) ? existing : []), ...replies]);
    },
    expireTokens: () => standIn.state.tokens.clear(),
    forgetSessions: () => standIn.state.sessions.clear(),
    close: () => new Promise<void>((resolve) => (httpServer.closeAllConnections(), httpServer.close(() => resolve()))),
  };
  return server;
}
