import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaRegistry } from '../../../main/browser/media-registry';
import { appProtocolResponse, mediaProtocolResponse, mediaUrlFor, PRIVILEGED_SCHEMES } from '../../../main/desktop/protocols';

let dir: string;
let rendererDir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vb-proto-'));
  rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>shell</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'a.js'), 'export {}');
  writeFileSync(path.join(dir, 'secret.txt'), 'private');
  writeFileSync(path.join(dir, 'clip.mp4'), 'abcdefghij');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('serves the shell with the CSP header, and assets with their type', async () => {
    const res = await appProtocolResponse(new Request('app://bundle/index.html'), rendererDir);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('shell');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const root = await appProtocolResponse(new Request('app://bundle/'), rendererDir);
    expect(await root.text()).toContain('shell');
    const js = await appProtocolResponse(new Request('app://bundle/assets/a.js'), rendererDir);
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('refuses traversal, other hosts and writes', async () => {
    for (const url of ['app://bundle/..%2fsecret.txt', 'app://bundle/assets/..%2f..%2fsecret.txt', 'app://bundle/%2e%2e%2fsecret.txt', 'app://bundle/..%5csecret.txt', 'app://other/index.html']) {
      const res = await appProtocolResponse(new Request(url), rendererDir);
      expect(res.status, url).toBe(404);
    }
    expect((await appProtocolResponse(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }), rendererDir)).status).toBe(405);
  });
});

describe('media:// protocol', () => {
  it('serves only registered files, by id, with Range', async () => {
    const registry = createMediaRegistry();
    const url = mediaUrlFor(registry.register(path.join(dir, 'clip.mp4')));
    expect(url).toMatch(/^media:\/\/file\/[0-9a-f]+$/);
    const full = await mediaProtocolResponse(new Request(url), registry);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('video/mp4');
    expect(await full.text()).toBe('abcdefghij');
    const part = await mediaProtocolResponse(new Request(url, { headers: { range: 'bytes=3-5' } }), registry);
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 3-5/10');
    expect(await part.text()).toBe('def');
    expect((await mediaProtocolResponse(new Request(url, { headers: { range: 'bytes=20-' } }), registry)).status).toBe(416);
  });

  it('refuses unregistered ids, paths and traversal', async () => {
    const registry = createMediaRegistry();
    registry.register(path.join(dir, 'clip.mp4'));
    for (const url of [
      'media://file/0123456789abcdef',
      `media://file/${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
      'media://file/..%2fsecret.txt',
      `media://other/${encodeURIComponent(path.join(dir, 'clip.mp4'))}`,
    ]) {
      expect((await mediaProtocolResponse(new Request(url), registry)).status, url).toBe(404);
    }
  });

  it('registers both schemes as privileged standard secure schemes', () => {
    expect(PRIVILEGED_SCHEMES.map((s) => s.scheme)).toEqual(['app', 'media']);
    for (const s of PRIVILEGED_SCHEMES) expect(s.privileges).toMatchObject({ standard: true, secure: true });
    expect(PRIVILEGED_SCHEMES.some((s) => s.privileges?.bypassCSP)).toBe(false);
  });
});
