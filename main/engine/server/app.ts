/**
 * The engine's HTTP server: routes over the store and the ports, bound to 127.0.0.1 only (never another
 * interface: the engine trusts its callers with files on this machine).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineStore } from '../store/store';
import type { EngineServices } from './context';
import type { EngineConfig, EnginePorts } from './ports';
import { RenderJobs } from './render-jobs';
import { createRequestHandler, type Route } from './router';
import { RunRegistry } from './run-registry';
import { authRoutes } from './routes/auth-routes';
import { fileRoutes } from './routes/file-routes';
import { renderRoutes } from './routes/render-routes';
import { runRoutes } from './routes/run-routes';
import { sessionRoutes } from './routes/session-routes';
import { uploadRoutes } from './routes/upload-routes';
import { TEMP_PREFIX } from './uploads/file-sink';

export const LOOPBACK = '127.0.0.1';

export const ROUTES: Route[] = [...authRoutes, ...sessionRoutes, ...uploadRoutes, ...runRoutes, ...renderRoutes, ...fileRoutes];

export interface RunningEngine {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startEngineServer(opts: {
  store: EngineStore;
  ports: EnginePorts;
  config: EngineConfig;
  port?: number;
  now?: () => number;
}): Promise<RunningEngine> {
  const { store, ports, config } = opts;
  const now = opts.now ?? Date.now;
  await removeLeftoverUploads(store.mediaDir);
  let baseUrl = '';
  const renders = new RenderJobs(store, ports.renderQueue, now);
  const services: EngineServices = { store, ports, config, renders, runs: new RunRegistry(), now, baseUrl: () => baseUrl };
  const server = createServer({ keepAliveTimeout: 5_000 }, createRequestHandler(ROUTES, services));
  await listen(server, opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${LOOPBACK}:${port}`;
  renders.recover();

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port,
    close: () => {
      closing ??= (async () => {
        renders.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Open SSE streams and keep-alive sockets would hold close() forever.
          server.closeAllConnections();
        });
        await store.flush();
      })();
      return closing;
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Partial uploads of a previous run that crashed mid-upload are never media; they go. */
async function removeLeftoverUploads(mediaDir: string): Promise<void> {
  const names = await readdir(mediaDir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.startsWith(TEMP_PREFIX)).map((name) => rm(join(mediaDir, name), { force: true })));
}
