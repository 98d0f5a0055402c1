/**
 * The browser mode's HTTP + WebSocket server on 127.0.0.1: the app shell (public static files), and, behind the
 * per-run secret, the bridge socket, the staging upload and the media route.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { STAGE_PATH, WEB_SECRET_PARAM, WS_BRIDGE_PATH, wsClientMessageSchema, type WsServerMessage } from '../../shared/bridge-wire';
import { RENDERER_CSP_HEADER } from '../../shared/csp';
import { MAX_UPLOAD_BYTES } from '../../shared/protocol';
import { createBridgeHost, type BridgeApp, type BridgeHostOptions } from '../bridge-host';
import { isAllowedHost, isAllowedOrigin, secretFromUrl, secretMatches } from './access';
import type { MediaRegistry } from './media-registry';
import { serveFile } from './serve-file';
import { receiveStagedFile, StageError } from './stage-upload';
import { resolveStaticPath } from './static-path';

export interface BrowserServerOptions {
  app: BridgeApp;
  rendererDir: string;
  secret: string;
  registry: MediaRegistry;
  stageDir: string;
  port?: number;
  maxUploadBytes?: number;
  onError?: BridgeHostOptions['onError'];
}

export interface BrowserServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** The URL to open: the origin with the secret. */
  url: string;
  /** A media URL for a registered file (with the secret, as <video src> cannot send headers). */
  mediaUrl(id: string): string;
  close(): Promise<void>;
}

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  // The page URL carries the secret; never send it anywhere in a Referer.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
};

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': type, 'cache-control': 'no-store' }).end(body);
}

function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, body: string): void {
  req.resume();
  req.once('end', () => send(res, status, body));
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const maxUpload = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const host = createBridgeHost(options.app, { onError: options.onError });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let port = 0;

  const authorized = (req: IncomingMessage) => secretMatches(secretFromUrl(req.url), options.secret);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) return send(res, 403, 'Forbidden');
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');

    if (pathname === STAGE_PATH) {
      // Refusals drain the body so the client sees the status instead of a reset connection.
      if (!authorized(req)) return refuseBody(req, res, 403, 'Forbidden');
      if (req.method !== 'POST') return refuseBody(req, res, 405, 'Method not allowed');
      const origin = req.headers.origin;
      if (origin !== undefined && !isAllowedOrigin(origin, port)) return refuseBody(req, res, 403, 'Forbidden');
      try {
        const path = await receiveStagedFile(req, options.stageDir, maxUpload);
        return send(res, 200, JSON.stringify({ path }), 'application/json; charset=utf-8');
      } catch (err) {
        const status = err instanceof StageError ? err.status : 500;
        const message = err instanceof StageError ? err.message : 'The upload failed.';
        res.setHeader('connection', 'close');
        return send(res, status, message);
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');

    if (pathname.startsWith('/media/')) {
      if (!authorized(req)) return send(res, 403, 'Forbidden');
      const file = options.registry.resolve(decodeURIComponent(pathname.slice('/media/'.length)));
      if (!file) return send(res, 404, 'Not found');
      return serveFile(req, res, file, { ...COMMON_HEADERS, 'cache-control': 'no-store' });
    }

    const file = resolveStaticPath(options.rendererDir, pathname);
    if (!file || !existsSync(file)) return send(res, 404, 'Not found');
    const isShell = file.endsWith('.html');
    return serveFile(req, res, file, {
      ...COMMON_HEADERS,
      'cache-control': isShell ? 'no-store' : 'no-cache',
      ...(isShell ? { 'content-security-policy': RENDERER_CSP_HEADER } : {}),
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  server.on('upgrade', (req, socket, head) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname !== WS_BRIDGE_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port) || !authorized(req)) {
      return refuseUpgrade(socket, '403 Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    const out = (message: WsServerMessage) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    };
    const connection = host.connect(out);
    ws.on('message', (data: RawData) => {
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return;
      }
      const parsed = wsClientMessageSchema.safeParse(json);
      if (!parsed.success) return;
      const { id, command, input } = parsed.data;
      void connection.call(command, input).then((result) => out({ type: 'result', id, ...result }));
    });
    ws.on('close', () => connection.dispose());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const secretQuery = `${WEB_SECRET_PARAM}=${encodeURIComponent(options.secret)}`;

  return {
    origin,
    port,
    url: `${origin}/?${secretQuery}`,
    mediaUrl: (id) => `${origin}/media/${encodeURIComponent(id)}?${secretQuery}`,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      host.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
