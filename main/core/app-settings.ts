/** The app's settings: defaults, what is persisted, and how a patch applies. The token is never stored here. */
import { z } from 'zod';
import { backendKindSchema, languageSchema, type Settings } from '../../shared/bridge';
import { DEFAULT_CLOUD_URL } from '../../shared/protocol';
import type { KeyValueStore } from './storage';

export const SETTINGS_KEY = 'settings';

const storedSettingsSchema = z.object({
  backend: backendKindSchema.catch('local'),
  apiUrl: z.string().url().catch(DEFAULT_CLOUD_URL),
  language: languageSchema.catch('en'),
  outputDir: z.string().min(1).optional().catch(undefined),
});
export type StoredSettings = { backend: Settings['backend']; apiUrl: string; language: Settings['language']; outputDir: string };

export interface SettingsPatch {
  backend?: Settings['backend'];
  apiUrl?: string;
  language?: Settings['language'];
  outputDir?: string;
}

/** Persisted values, else the defaults: the local engine, NEMO_API_URL or the production cloud, English. */
export function loadSettings(store: KeyValueStore, defaults: { outputDir: string; env?: NodeJS.ProcessEnv }): StoredSettings {
  const envUrl = defaults.env?.NEMO_API_URL;
  const parsed = storedSettingsSchema.safeParse(store.get<unknown>(SETTINGS_KEY) ?? {});
  const stored = parsed.success ? parsed.data : { backend: 'local' as const, apiUrl: DEFAULT_CLOUD_URL, language: 'en' as const, outputDir: undefined };
  const hasStoredUrl = typeof (store.get<Record<string, unknown>>(SETTINGS_KEY) ?? {}).apiUrl === 'string';
  return {
    backend: stored.backend,
    apiUrl: hasStoredUrl ? stored.apiUrl : (envUrl ?? stored.apiUrl),
    language: stored.language,
    outputDir: stored.outputDir ?? defaults.outputDir,
  };
}

export function applySettingsPatch(current: StoredSettings, patch: SettingsPatch): { next: StoredSettings; reconnect: boolean } {
  const next: StoredSettings = {
    backend: patch.backend ?? current.backend,
    apiUrl: patch.apiUrl ? patch.apiUrl.replace(/\/+$/, '') : current.apiUrl,
    language: patch.language ?? current.language,
    outputDir: patch.outputDir ?? current.outputDir,
  };
  // The cloud URL only matters while the cloud is the backend.
  const reconnect = next.backend !== current.backend || (next.backend === 'cloud' && next.apiUrl !== current.apiUrl);
  return { next, reconnect };
}

export function saveSettings(store: KeyValueStore, settings: StoredSettings): void {
  store.set(SETTINGS_KEY, settings);
}
