/**
 * Finds the built renderer (dist/renderer) for the hosts, building it once with Vite when it is missing, so
 * `npm start` works on a fresh checkout. Vite is a dev dependency: without it, say what to run instead.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

export function rendererDirOf(projectRoot: string): string {
  return path.join(projectRoot, 'dist', 'renderer');
}

export function isRendererBuilt(rendererDir: string): boolean {
  return existsSync(path.join(rendererDir, 'index.html'));
}

const buildHint = new AppError({
  code: 'renderer.missing',
  message: 'The app UI is not built yet. Run `npm run build:renderer`, then start again.',
});

export async function ensureRendererBuilt(projectRoot: string, log: (line: string) => void = () => undefined): Promise<string> {
  const dir = rendererDirOf(projectRoot);
  if (isRendererBuilt(dir)) return dir;
  if (!existsSync(path.join(projectRoot, 'renderer', 'index.html'))) throw buildHint;
  log('Building the app UI (first run)…');
  try {
    const vite = await import('vite');
    await vite.build({
      configFile: path.join(projectRoot, 'vite.config.ts'),
      root: path.join(projectRoot, 'renderer'),
      logLevel: 'warn',
    });
  } catch {
    throw buildHint;
  }
  if (!isRendererBuilt(dir)) throw buildHint;
  return dir;
}
