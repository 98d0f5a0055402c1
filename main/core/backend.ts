/**
 * One connected backend: the local engine (default) or the NemoVideo cloud, behind the same client, auth and
 * sessions. Each backend keeps its client id, anonymous token and sessions under its own key prefix, so the
 * local engine's tokens never mix with (or overwrite) the user's cloud token.
 */
import type { BackendKind } from '../../shared/bridge';
import { appError } from '../../shared/errors';
import { Auth } from './auth';
import { ApiClient, attributionHeaders, type ApiClientOptions } from './http-client';
import { createFileSecretStore, type SecretStore } from './secret-store';
import { Sessions, SESSIONS_KEY } from './sessions';
import type { KeyValueStore } from './storage';

export interface EngineStarter {
  start(): Promise<{ url: string; close(): Promise<void> }>;
}

export interface BackendOptions {
  kind: BackendKind;
  /** The cloud's base URL (ignored for the local engine). */
  apiUrl: string;
  language?: string;
  store: KeyValueStore;
  /** Where the user's cloud token lives (the desktop encrypts it). */
  secrets: SecretStore;
  appVersion: string;
  platform: string;
  env?: NodeJS.ProcessEnv;
  engine?: EngineStarter;
  /** Test knobs for the client (sleep, retries, timeouts). */
  clientOptions?: Partial<Omit<ApiClientOptions, 'baseUrl' | 'auth' | 'appVersion' | 'platform'>>;
}

export interface Backend {
  kind: BackendKind;
  url: string;
  /** Stable across runs: the engine's URL changes with its port, the cloud's does not. */
  key: string;
  client: ApiClient;
  auth: Auth;
  sessions: Sessions;
  /** This backend's own slice of the store. */
  store: KeyValueStore;
  close(): Promise<void>;
}

/** A view of `store` where every key is prefixed, so two users of one file cannot collide. */
export function namespacedStore(store: KeyValueStore, prefix: string): KeyValueStore {
  return {
    get: <T>(key: string) => store.get<T>(`${prefix}${key}`),
    set: (key, value) => store.set(`${prefix}${key}`, value),
    delete: (key) => store.delete(`${prefix}${key}`),
  };
}

/**
 * Sessions are stored per origin, and the local engine gets a new port on each start. Its sessions (kept in its
 * data folder) are still valid, so they move to the new origin: the project's timeline survives a restart.
 */
export function rehomeLocalSessions(store: KeyValueStore, origin: string): void {
  const all = store.get<unknown>(SESSIONS_KEY);
  if (typeof all !== 'object' || all === null || Array.isArray(all)) return;
  const moved: Record<string, unknown> = {};
  let changed = false;
  for (const [key, value] of Object.entries(all as Record<string, unknown>)) {
    const match = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)? (.*)$/.exec(key);
    const next = match ? `${origin} ${match[1]}` : key;
    changed ||= next !== key;
    moved[next] = value;
  }
  if (changed) store.set(SESSIONS_KEY, moved);
}

export async function connectBackend(opts: BackendOptions): Promise<Backend> {
  const store = namespacedStore(opts.store, `backend.${opts.kind}.`);
  let url: string;
  let stopEngine: () => Promise<void> = async () => undefined;
  let secrets: SecretStore;
  let envToken: string | undefined;
  if (opts.kind === 'local') {
    if (!opts.engine) {
      throw appError('unknown', 'The local engine is not available here. Choose the NemoVideo cloud in Settings.', { kind: 'settings', label: 'Open settings' });
    }
    const engine = await opts.engine.start();
    url = engine.url;
    stopEngine = () => engine.close();
    // The engine's tokens are issued by our own process for 127.0.0.1: keep them beside its sessions.
    secrets = createFileSecretStore(store);
  } else {
    url = opts.apiUrl;
    secrets = opts.secrets;
    envToken = opts.env?.NEMO_TOKEN;
  }
  const headers = attributionHeaders(opts.appVersion, opts.platform);
  const auth = new Auth({ store, secrets, baseUrl: url, headers: () => headers, ...(envToken ? { envToken } : {}) });
  const client = new ApiClient({ ...opts.clientOptions, baseUrl: url, auth, appVersion: opts.appVersion, platform: opts.platform });
  if (opts.kind === 'local') rehomeLocalSessions(store, new URL(client.baseUrl).origin);
  const sessions = new Sessions(client, store, opts.language ? { language: opts.language } : {});
  return {
    kind: opts.kind,
    url: client.baseUrl,
    key: opts.kind === 'local' ? 'local' : client.baseUrl,
    client,
    auth,
    sessions,
    store,
    close: stopEngine,
  };
}
