/** Starts the real browser-mode server around a fake app, with a tiny app shell on disk. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { createMediaRegistry, type MediaRegistry } from '../../../main/browser/media-registry';
import { startBrowserServer, type BrowserServer } from '../../../main/browser/server';
import { onlyStagedMedia } from '../../../main/browser/staged-only';
import { createWsBridge, type SocketLike, type WsBridge } from '../../../renderer/bridge/ws-client';
import { createFakeApp, type FakeApp } from '../bridge/fake-app';

export const SECRET = 'c0ffee'.repeat(5);

export interface Harness {
  app: FakeApp;
  server: BrowserServer;
  registry: MediaRegistry;
  dir: string;
  stageDir: string;
  bridge(): WsBridge;
  close(): Promise<void>;
}

export async function startHarness(opts: { maxUploadBytes?: number; port?: number } = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vb-browser-test-'));
  const rendererDir = path.join(dir, 'renderer');
  const stageDir = path.join(dir, 'stage');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(stageDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Video Builder</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'private.txt'), 'not for the web');
  const app = createFakeApp();
  const registry = createMediaRegistry();
  const server = await startBrowserServer({
    app: { handlers: onlyStagedMedia(app.handlers, stageDir), onEvent: app.onEvent },
    rendererDir,
    secret: SECRET,
    registry,
    stageDir,
    maxUploadBytes: opts.maxUploadBytes,
    port: opts.port,
  });
  const bridges: WsBridge[] = [];
  return {
    app,
    server,
    registry,
    dir,
    stageDir,
    bridge() {
      const bridge = createWsBridge({
        url: `ws://127.0.0.1:${server.port}/bridge?secret=${SECRET}`,
        createSocket: (url) => new WebSocket(url, { origin: server.origin }) as unknown as SocketLike,
        retryDelayMs: () => 20,
      });
      bridges.push(bridge);
      return bridge;
    },
    async close() {
      for (const b of bridges) b.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw HTTP request (no URL normalisation, any Host header). */
export function rawRequest(
  port: number,
  pathAndQuery: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: pathAndQuery, method: init.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...init.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Tries a WebSocket upgrade; resolves with the HTTP status of a refusal, or 101 when it opened. */
export function tryUpgrade(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve(-1));
  });
}
