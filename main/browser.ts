/**
 * Browser mode (`video-builder web`): the same app core as the desktop, with its renderer served on 127.0.0.1
 * and the bridge over a WebSocket. Prints one line: the URL to open, carrying this run's secret.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toUserError } from '../shared/errors';
import { createMediaRegistry } from './browser/media-registry';
import { openInBrowser } from './browser/open-url';
import { browserOutputDir, webSecret } from './browser/paths';
import { ensureRendererBuilt } from './browser/renderer-build';
import { startBrowserServer, type BrowserServer } from './browser/server';
import { onlyStagedMedia } from './browser/staged-only';
import { createApp } from './core/app';
import { createFileSecretStore } from './core/secret-store';
import { createConfStore, defaultHome } from './core/storage';
import { startEngine } from './engine/index';

export interface BrowserModeOptions {
  port?: number;
  /** Open the URL in the default browser as well. */
  open?: boolean;
  /** Close cleanly on SIGINT/SIGTERM (default true; tests turn it off). */
  handleSignals?: boolean;
  /** Where the URL line goes (default stdout). */
  print?: (line: string) => void;
}

export interface BrowserMode {
  url: string;
  close(): Promise<void>;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function logLine(line: string): void {
  process.stderr.write(`${line}\n`);
}

export async function runBrowserMode(options: BrowserModeOptions = {}): Promise<BrowserMode> {
  const env = process.env;
  const rendererDir = await ensureRendererBuilt(projectRoot, logLine);
  const home = defaultHome(env);
  const store = createConfStore(home);
  const registry = createMediaRegistry();
  const stageDir = mkdtempSync(path.join(os.tmpdir(), 'video-builder-stage-'));
  const secret = webSecret(env, () => randomBytes(16).toString('hex'));
  let server: BrowserServer | undefined;

  const app = createApp({
    store,
    secrets: createFileSecretStore(store),
    appVersion: appVersion(),
    host: 'browser',
    defaultOutputDir: browserOutputDir(env, os.homedir()),
    engine: { start: () => startEngine({ dataDir: path.join(home, 'engine') }) },
    env,
    previewUrlFor: (absPath) => server?.mediaUrl(registry.register(absPath)),
  });
  const bridgeApp = { handlers: onlyStagedMedia(app.handlers, stageDir), onEvent: app.onEvent.bind(app) };

  try {
    server = await startBrowserServer({
      app: bridgeApp,
      rendererDir,
      secret,
      registry,
      stageDir,
      port: options.port,
      onError: (command, err) => logLine(`${command}: ${toUserError(err).message}`),
    });
  } catch (err) {
    rmSync(stageDir, { recursive: true, force: true });
    throw err;
  }
  const running = server;
  // Connecting (engine start, token, session) reports through events; the page shows "Setting things up…" meanwhile.
  void app.start().catch((err: unknown) => logLine(`Could not start: ${toUserError(err).message}`));

  (options.print ?? ((line: string) => process.stdout.write(`${line}\n`)))(running.url);
  if (options.open) openInBrowser(running.url);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await running.close();
      await app.close().catch(() => undefined);
      rmSync(stageDir, { recursive: true, force: true });
    })();
    return closing;
  };

  if (options.handleSignals !== false) {
    const onSignal = () => {
      void close().finally(() => process.exit(0));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { url: running.url, close };
}
