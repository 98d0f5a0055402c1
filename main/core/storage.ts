/**
 * Small key-value persistence used by the core (client id, sessions, jobs, settings). The CLI and the browser
 * mode keep it in a conf JSON file readable only by its owner; the desktop app brings its own implementation.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';

export interface KeyValueStore {
  get<T = unknown>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

const APP_DIR_NAME = 'video-builder';

/**
 * `VIDEO_BUILDER_HOME`, else the OS config folder (the same places env-paths, which conf uses, would pick,
 * without the "-nodejs" suffix so the folder name is the app's).
 */
export function defaultHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.VIDEO_BUILDER_HOME) return path.resolve(env.VIDEO_BUILDER_HOME);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', APP_DIR_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME, 'Config');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

/** A conf-backed store in `<homeDir>/config.json`, file mode 0600 (the token may live in it). */
export function createConfStore(homeDir: string = defaultHome()): KeyValueStore {
  // conf would create the folder world-readable; the file is 0600 either way, but the folder need not be listable.
  mkdirSync(homeDir, { recursive: true, mode: 0o700 });
  const conf = new Conf<Record<string, unknown>>({
    projectName: APP_DIR_NAME,
    cwd: homeDir,
    configName: 'config',
    configFileMode: 0o600,
    // Keys are used literally (they may contain dots, e.g. URLs), never as nested paths.
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: true,
  });
  return keyValueStoreOver(conf);
}

/** The KeyValueStore view of a conf-style store (conf here, electron-store on the desktop): undefined deletes. */
export function keyValueStoreOver(store: { get(key: string): unknown; set(key: string, value: unknown): void; delete(key: string): void }): KeyValueStore {
  return {
    get: <T>(key: string) => store.get(key) as T | undefined,
    set: (key, value) => {
      if (value === undefined) store.delete(key);
      else store.set(key, value);
    },
    delete: (key) => store.delete(key),
  };
}

/** In-memory store for tests; values are copied in and out like a file store would. */
export function createMemoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map<string, string>(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  return {
    get: <T>(key: string) => {
      const raw = data.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    set: (key, value) => {
      if (value === undefined) data.delete(key);
      else data.set(key, JSON.stringify(value));
    },
    delete: (key) => {
      data.delete(key);
    },
  };
}
