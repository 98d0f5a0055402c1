import type { z } from 'zod';
import { settingsPatchSchema, type BackendKind, type Language, type Settings } from '../../../shared/bridge';

export interface SettingsForm {
  backend: BackendKind;
  apiUrl: string;
  language: Language;
  outputDir: string;
  /** What was typed in the token box; empty means "leave it as it is". */
  token: string;
  removeToken: boolean;
}

export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export function formFrom(settings: Settings): SettingsForm {
  return { ...settings, token: '', removeToken: false };
}

/** Only what changed goes to main; the token is write-only (a new one, or '' to remove the stored one). */
export function buildPatch(before: Settings, form: SettingsForm): { ok: true; patch: SettingsPatch } | { ok: false; field: 'apiUrl' } {
  const patch: SettingsPatch = {};
  if (form.backend !== before.backend) patch.backend = form.backend;
  if (form.apiUrl.trim() !== before.apiUrl) patch.apiUrl = form.apiUrl.trim();
  if (form.language !== before.language) patch.language = form.language;
  if (form.outputDir.trim() !== before.outputDir && form.outputDir.trim() !== '') patch.outputDir = form.outputDir.trim();
  if (form.token.trim() !== '') patch.token = form.token.trim();
  else if (form.removeToken) patch.token = '';
  const parsed = settingsPatchSchema.safeParse(patch);
  return parsed.success ? { ok: true, patch } : { ok: false, field: 'apiUrl' };
}
