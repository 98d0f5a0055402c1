import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin, secretFromUrl, secretMatches } from '../../../main/browser/access';
import { openerFor } from '../../../main/browser/open-url';
import { browserOutputDir, webSecret } from '../../../main/browser/paths';
import { parseRange } from '../../../main/browser/range';
import { isInside, safeFileName } from '../../../main/browser/stage-upload';
import { contentTypeFor, resolveStaticPath } from '../../../main/browser/static-path';

describe('resolveStaticPath', () => {
  const root = path.resolve('/srv/app');
  it.each([
    ['/', path.join(root, 'index.html')],
    ['/assets/index-abc.js', path.join(root, 'assets', 'index-abc.js')],
    ['/./assets//x.css', path.join(root, 'assets', 'x.css')],
    ['/a%20b.png', path.join(root, 'a b.png')],
  ])('%s → inside the root', (url, expected) => {
    expect(resolveStaticPath(root, url)).toBe(expected);
  });
  it.each(['/../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets/../../x', '/%2e%2e/x', '/..%5cx', '/a%00.js', '/%E0%A4%A'])(
    '%s → refused',
    (url) => {
      expect(resolveStaticPath(root, url)).toBeNull();
    },
  );
  it('knows the types the app uses', () => {
    expect(contentTypeFor('x.JS')).toContain('javascript');
    expect(contentTypeFor('a.mov')).toBe('video/quicktime');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('parseRange', () => {
  it.each([
    [undefined, 100, undefined],
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=-500', 100, { start: 0, end: 99 }],
    ['bytes=50-5000', 100, { start: 50, end: 99 }],
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=9-3', 100, 'unsatisfiable'],
    ['bytes=0-1,5-6', 100, undefined],
    ['items=0-1', 100, undefined],
  ] as const)('%s of %d', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('access checks', () => {
  it('compares the secret exactly', () => {
    expect(secretMatches('abc', 'abc')).toBe(true);
    expect(secretMatches('abcd', 'abc')).toBe(false);
    expect(secretMatches('', 'abc')).toBe(false);
    expect(secretMatches(null, 'abc')).toBe(false);
    expect(secretFromUrl('/bridge?secret=s3&x=1')).toBe('s3');
    expect(secretFromUrl('/bridge')).toBeNull();
  });
  it('accepts only our loopback host and origin', () => {
    expect(isAllowedHost('127.0.0.1:4390', 4390)).toBe(true);
    expect(isAllowedHost('localhost:4390', 4390)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4391', 4390)).toBe(false);
    expect(isAllowedHost('attacker.example:4390', 4390)).toBe(false);
    expect(isAllowedHost(undefined, 4390)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4390', 4390)).toBe(true);
    expect(isAllowedOrigin('https://127.0.0.1:4390', 4390)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4390.evil.com', 4390)).toBe(false);
    expect(isAllowedOrigin('null', 4390)).toBe(false);
    expect(isAllowedOrigin(undefined, 4390)).toBe(false);
  });
});

describe('staging names', () => {
  it.each([
    ['clip.mp4', 'clip.mp4'],
    [encodeURIComponent('海边 1.mov'), '海边 1.mov'],
    ['..%2F..%2Fetc%2Fpasswd', 'passwd'],
    ['C%3A%5Cwin%5Cx.png', 'x.png'],
    ['a%0Ab.mp3', 'a_b.mp3'],
    ['..', null],
    ['', null],
    ['%E0%A4%A', null],
  ])('%s → %s', (raw, expected) => {
    expect(safeFileName(raw)).toBe(expected);
  });
  it('keeps the extension when shortening', () => {
    const name = safeFileName(`${'x'.repeat(300)}.mp4`)!;
    expect(name.length).toBe(200);
    expect(name.endsWith('.mp4')).toBe(true);
  });
  it('isInside refuses siblings and the folder itself', () => {
    expect(isInside('/tmp/stage', '/tmp/stage/ab/x.mp4')).toBe(true);
    expect(isInside('/tmp/stage', '/tmp/stage-evil/x.mp4')).toBe(false);
    expect(isInside('/tmp/stage', '/tmp/stage/../x.mp4')).toBe(false);
    expect(isInside('/tmp/stage', '/tmp/stage')).toBe(false);
  });
});

describe('browser-mode settings', () => {
  it('picks the output folder', () => {
    expect(browserOutputDir({ VIDEO_BUILDER_OUTPUT_DIR: '/o' }, '/home/u')).toBe(path.resolve('/o'));
    expect(browserOutputDir({ VIDEO_BUILDER_HOME: '/h' }, '/home/u')).toBe(path.join(path.resolve('/h'), 'exports'));
    expect(browserOutputDir({}, '/home/u')).toBe(path.join('/home/u', 'Videos', 'Video Builder'));
  });
  it('uses the fixed secret only when set', () => {
    expect(webSecret({ VIDEO_BUILDER_WEB_SECRET: 'e2e-secret' }, () => 'rnd')).toBe('e2e-secret');
    expect(webSecret({ VIDEO_BUILDER_WEB_SECRET: ' ' }, () => 'rnd')).toBe('rnd');
    expect(webSecret({}, () => 'rnd')).toBe('rnd');
  });
  it('opens URLs with the platform opener', () => {
    expect(openerFor('linux', 'http://x')).toEqual({ command: 'xdg-open', args: ['http://x'] });
    expect(openerFor('darwin', 'http://x').command).toBe('open');
    expect(openerFor('win32', 'http://x').args.at(-1)).toBe('http://x');
  });
});
