import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const out = mkdtempSync(path.join(os.tmpdir(), 'vb-desktop-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('scripts/build-desktop.mjs', () => {
  it('bundles the preload into one CommonJS file that requires only electron', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-desktop.mjs'), '--out', out, '--preload-only'], { cwd: root, stdio: 'pipe' });
    const preload = readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    const required = new Set([...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).toContain('exposeInMainWorld');
    expect(readFileSync(path.join(out, 'tray.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
