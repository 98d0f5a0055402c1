/** What every CLI command needs: the store under VIDEO_BUILDER_HOME, the backend, and the current project. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendKind } from '../../shared/bridge';
import { appError } from '../../shared/errors';
import { DEFAULT_CLOUD_URL } from '../../shared/protocol';
import { connectBackend, type Backend } from '../core/backend';
import { detectPlatform } from '../core/platform';
import { createFileSecretStore } from '../core/secret-store';
import { createConfStore, defaultHome, type KeyValueStore } from '../core/storage';

export interface BackendChoice {
  backend?: string;
  apiUrl?: string;
}

export interface CliProject {
  projectId: string;
  backend: BackendKind;
  apiUrl: string;
}

const PROJECT_KEY = 'cli.project';

export function appVersion(): string {
  const pkgPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

export function parseBackend(value: string | undefined, fallback: BackendKind): BackendKind {
  if (value === undefined) return fallback;
  if (value === 'local' || value === 'cloud') return value;
  throw appError('unknown', `--backend must be "local" or "cloud", not "${value}".`);
}

export function parseApiUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    return url.toString().replace(/\/+$/, '');
  } catch {
    throw appError('unknown', `--api-url must be an http(s) URL, not "${value}".`);
  }
}

export function openStore(env: NodeJS.ProcessEnv): { home: string; store: KeyValueStore } {
  const home = defaultHome(env);
  return { home, store: createConfStore(home) };
}

export function readProject(store: KeyValueStore): CliProject | undefined {
  const project = store.get<Partial<CliProject>>(PROJECT_KEY);
  if (!project || typeof project.projectId !== 'string' || (project.backend !== 'local' && project.backend !== 'cloud') || typeof project.apiUrl !== 'string') return undefined;
  return { projectId: project.projectId, backend: project.backend, apiUrl: project.apiUrl };
}

export function saveProject(store: KeyValueStore, project: CliProject): void {
  store.set(PROJECT_KEY, project);
}

/** Flags first, then the last project's backend, then the defaults (local engine; NEMO_API_URL or production). */
export function resolveChoice(choice: BackendChoice, env: NodeJS.ProcessEnv, last: CliProject | undefined): { kind: BackendKind; apiUrl: string } {
  const kind = parseBackend(choice.backend, last?.backend ?? 'local');
  const apiUrl = parseApiUrl(choice.apiUrl ?? env.NEMO_API_URL ?? (last?.backend === 'cloud' ? last.apiUrl : undefined) ?? DEFAULT_CLOUD_URL);
  return { kind, apiUrl };
}

export async function openBackend(opts: { kind: BackendKind; apiUrl: string; home: string; store: KeyValueStore; env: NodeJS.ProcessEnv; language?: string }): Promise<Backend> {
  return connectBackend({
    kind: opts.kind,
    apiUrl: opts.apiUrl,
    store: opts.store,
    secrets: createFileSecretStore(opts.store),
    appVersion: appVersion(),
    platform: detectPlatform(opts.env),
    env: opts.env,
    ...(opts.language ? { language: opts.language } : {}),
    engine: {
      // Loaded only when used: the engine brings ffmpeg discovery, the planner and the renderer.
      start: async () => {
        const { startEngine } = await import('../engine/index');
        return startEngine({ dataDir: path.join(opts.home, 'engine') });
      },
    },
  });
}
