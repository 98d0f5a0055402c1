import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, RENDERER_CSP_HEADER } from '../../../shared/csp';
import { AppError } from '../../../shared/errors';
import { ensureRendererBuilt } from '../../../main/browser/renderer-build';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the renderer CSP', () => {
  it('is the same in renderer/index.html as in shared/csp.ts (the hosts send it as a header)', () => {
    const html = readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(RENDERER_CSP);
  });

  it('allows no inline or remote script, no eval, no plugins and no framing', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self';");
    expect(RENDERER_CSP).not.toMatch(/unsafe-eval|https?:/);
    expect(RENDERER_CSP).toContain("object-src 'none'");
    expect(RENDERER_CSP_HEADER).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`);
  });
});

describe('ensureRendererBuilt', () => {
  it('uses an existing build and explains what to run when there is nothing to build from', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vb-renderer-'));
    try {
      mkdirSync(path.join(dir, 'dist', 'renderer'), { recursive: true });
      const err = await ensureRendererBuilt(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).user.message).toContain('npm run build:renderer');
      writeFileSync(path.join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html>');
      expect(await ensureRendererBuilt(dir)).toBe(path.join(dir, 'dist', 'renderer'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
