/** The long-running commands: `engine` (the local engine alone) and `web` (browser mode, helper G's host). */
import path from 'node:path';
import { appError } from '../../shared/errors';
import { openStore } from './runtime';

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw appError('unknown', `--port must be a number from 0 to 65535, not "${value}".`);
  return port;
}

/** Resolves when the process is asked to stop (Ctrl+C or a service manager). */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export async function runEngine(options: { port?: string }, io: { env: NodeJS.ProcessEnv; stdout: (text: string) => void; stderr: (text: string) => void }): Promise<void> {
  const port = parsePort(options.port);
  const { home } = openStore(io.env);
  const { startEngine } = await import('../engine/index');
  const engine = await startEngine({ dataDir: path.join(home, 'engine'), ...(port === undefined ? {} : { port }) });
  io.stdout(`${engine.url}\n`);
  io.stderr('The local engine is running. Press Ctrl+C to stop it.\n');
  await untilSignal();
  await engine.close();
}

export async function runWeb(options: { port?: string }): Promise<void> {
  const port = parsePort(options.port);
  const { runBrowserMode } = await import('../browser');
  const mode = await runBrowserMode({ handleSignals: false, ...(port === undefined ? {} : { port }) });
  await untilSignal();
  await mode.close();
}
