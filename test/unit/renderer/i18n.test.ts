import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { zhCN } from '../../../renderer/i18n/zh-CN';
import { createI18n } from '../../../renderer/i18n';
import { errorActionLabel, errorMessage } from '../../../renderer/errors/translateError';
import { ERROR_CODES } from '../../../shared/errors';

function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'bridge' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('UI text', () => {
  const enKeys = flatten(en);
  const zhKeys = flatten(zhCN);

  it('has the same keys in English and Simplified Chinese', () => {
    expect([...zhKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('has no empty or untranslated-looking values', () => {
    for (const [key, value] of [...enKeys, ...zhKeys]) {
      expect(typeof value, key).toBe('string');
      expect(String(value).trim(), key).not.toBe('');
    }
    // Spot-check that Chinese is really Chinese where a sentence is expected.
    for (const key of ['header.connecting', 'chat.emptyTitle', 'timeline.emptyTitle', 'export.notReady', 'boundary.body']) {
      expect(String(zhKeys.get(key)), key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('defines every key the components ask for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(process.cwd(), 'renderer'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(match[1]!);
      for (const match of text.matchAll(/i18nKey="([a-zA-Z0-9_.-]+)"/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect(enKeys.has(key), key).toBe(true);
  });

  it('has a translated message for every error code of shared/errors', () => {
    for (const name of Object.keys(ERROR_CODES)) {
      if (name === 'creditsInsufficient') continue;
      expect(enKeys.has(`errors.${name}`), name).toBe(true);
    }
  });
});

describe('error text', () => {
  const zh = createI18n('zh-CN');
  const english = createI18n('en');
  const credits = {
    code: ERROR_CODES.creditsInsufficient,
    message: "You're out of free credits. Register to get more and keep this project.",
    action: { kind: 'link' as const, label: 'Register', url: 'https://nemovideo.com/register?bind=anon_1' },
  };

  it('translates known codes, and keeps main’s specific English message in English', () => {
    expect(errorMessage(credits, zh.t, 'zh-CN')).toBe(zhCN.errors.creditsRegister);
    expect(errorActionLabel(credits, zh.t, 'zh-CN')).toBe('注册');
    expect(errorMessage(credits, english.t, 'en')).toBe(credits.message);
    expect(errorActionLabel(credits, english.t, 'en')).toBe('Register');
  });

  it('falls back to main’s English message for an unknown code, and to a generic line when there is none', () => {
    expect(errorMessage({ code: 'media.stage-failed', message: 'Could not read "a.mp4".' }, zh.t, 'zh-CN')).toBe('Could not read "a.mp4".');
    expect(errorMessage({ code: 'whatever', message: '' }, zh.t, 'zh-CN')).toBe(zhCN.errors.unknown);
  });
});
