import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userErrorSchema } from '../../../shared/bridge';
import {
  AppError,
  ERROR_CODES,
  appError,
  errorForApiCode,
  redactSecrets,
  sanitizeServerMessage,
  toUserError,
  userError,
} from '../../../shared/errors';

const TOKEN = 'nmv_usr_9f8e7d6c5b4a3210ZYXW';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

describe('errorForApiCode (protocol.md §2.3)', () => {
  it.each([1001, 1010, 1011, 401])('%i asks the person to sign in again', (code) => {
    const e = errorForApiCode(code, 'token expired');
    expect(e.code).toBe('auth.expired');
    expect(e.action?.kind).toBe('reauth');
  });

  it('1002 offers a new session', () => {
    const e = errorForApiCode(1002);
    expect(e).toMatchObject({ code: 'session.missing', action: { kind: 'new-session' } });
  });

  it('2001 for an anonymous user links to register with the URL-encoded user id', () => {
    const e = errorForApiCode(2001, 'insufficient credits', { userId: 'anon_a b&c' });
    expect(e.code).toBe('credits.insufficient');
    expect(e.action).toEqual({ kind: 'link', label: 'Register', url: 'https://nemovideo.com/register?bind=anon_a%20b%26c' });
  });

  it('2001 for a registered user is a top-up message linking to nemovideo.com', () => {
    const e = errorForApiCode(2001, 'insufficient credits', { userId: 'usr_42' });
    expect(e.code).toBe('credits.insufficient');
    expect(e.message).toContain('Top up your credits at nemovideo.com');
    expect(e.action).toMatchObject({ kind: 'link', url: 'https://nemovideo.com' });
    expect(e.action?.url).not.toContain('bind');
  });

  it('4001 lists every supported format', () => {
    const e = errorForApiCode(4001);
    expect(e.code).toBe('media.unsupported');
    for (const ext of ['MP4', 'MOV', 'AVI', 'WEBM', 'MKV', 'JPG', 'JPEG', 'PNG', 'GIF', 'WEBP', 'MP3', 'WAV', 'M4A', 'AAC']) {
      expect(e.message).toContain(ext);
    }
  });

  it('4002 suggests compressing or trimming and names the 500 MB limit', () => {
    const e = errorForApiCode(4002);
    expect(e.code).toBe('media.too-large');
    expect(e.message).toMatch(/compress/i);
    expect(e.message).toMatch(/trim/i);
    expect(e.message).toContain('500 MB');
  });

  it('HTTP 400 retries with a new client id', () => {
    const e = errorForApiCode(400, 'X-Client-Id required');
    expect(e.code).toBe('client.id-missing');
    expect(e.action?.kind).toBe('retry');
    expect(e.action?.label).toMatch(/new client id/i);
  });

  it('HTTP 402 is a plan issue with the register link, not a credits issue', () => {
    const e = errorForApiCode(402, 'payment required', { userId: 'anon_1' });
    expect(e).toEqual({
      code: 'export.plan-blocked',
      message: 'Register or upgrade your plan to unlock export.',
      action: { kind: 'link', label: 'Register', url: 'https://nemovideo.com/register' },
    });
    expect(e.message).not.toMatch(/credit/i);
  });

  it('HTTP 429 says it retries in 30 seconds', () => {
    const e = errorForApiCode(429);
    expect(e).toMatchObject({ code: 'rate-limited', message: 'The service is busy; retrying in 30 seconds…', action: { kind: 'retry' } });
  });

  it('any other code shows the server message without tokens, truncated to 200 characters', () => {
    const e = errorForApiCode(5003, `render node failed for Bearer ${TOKEN} ${'x'.repeat(400)}`);
    expect(e.code).toBe('server.error');
    expect(e.message).not.toContain(TOKEN);
    expect(e.message).toContain('render node failed');
    const detail = e.message.replace('The video service reported an error: ', '');
    expect(detail.length).toBeLessThanOrEqual(200);
  });

  it('another code without a message names the code', () => {
    expect(errorForApiCode(500).message).toContain('500');
  });

  it('every result is a valid UserError whose links pass the link allowlist', async () => {
    const { isAllowedExternalLink } = await import('../../../shared/bridge');
    for (const code of [1001, 1002, 1010, 1011, 2001, 4001, 4002, 400, 402, 429, 500, -1]) {
      for (const userId of ['anon_x', 'usr_y', undefined]) {
        const e = errorForApiCode(code, 'msg', { userId });
        expect(userErrorSchema.parse(e)).toEqual(e);
        if (e.action?.url) expect(isAllowedExternalLink(e.action.url)).toBe(true);
      }
    }
  });
});

describe('toUserError: local failures', () => {
  let hanging: Server;
  let hangingUrl: string;
  let closedUrl: string;

  beforeAll(async () => {
    // A server that accepts requests and never answers: for timeouts and aborts.
    hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`;
    // A port that was just free: nothing listens there, so connecting is refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  afterAll(async () => {
    hanging.closeAllConnections();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
  });

  it('an AppError gives its own user error', () => {
    const user = userError('draft.empty');
    expect(toUserError(new AppError(user, { apiCode: 7, cause: new Error('inner') }))).toEqual(user);
    expect(toUserError(appError('ffmpeg.missing'))).toEqual({ code: 'ffmpeg.missing', message: expect.stringContaining('ffmpeg') });
  });

  it('ENOENT from a real read is file.missing and names only the file', async () => {
    const err = await rejection(readFile(join(tmpdir(), 'vb-no-such-dir', 'beach.mp4')));
    const e = toUserError(err);
    expect(e.code).toBe('file.missing');
    expect(e.message).toContain('beach.mp4');
    expect(e.message).not.toContain('vb-no-such-dir');
  });

  it('a missing ffmpeg binary is ffmpeg.missing', async () => {
    const child = spawn('ffmpeg-not-installed-vb', ['-version']);
    const err = await new Promise<unknown>((resolve) => child.on('error', resolve));
    expect(toUserError(err).code).toBe('ffmpeg.missing');
  });

  it.each([
    ['ENOSPC', 'disk.full'],
    ['EDQUOT', 'disk.full'],
    ['EACCES', 'file.permission'],
    ['EPERM', 'file.permission'],
  ])('errno %s → %s', (code, expected) => {
    const err = Object.assign(new Error(`${code}: failed, write '/home/me/out.mp4'`), { code, syscall: 'write', path: '/home/me/out.mp4' });
    const e = toUserError(err);
    expect(e.code).toBe(expected);
    expect(e.message).not.toContain('/home/me');
  });

  it('disk full says so', () => {
    expect(toUserError(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })).message).toMatch(/^Your disk is full/);
  });

  it('a refused connection from fetch is network', async () => {
    const err = await rejection(fetch(closedUrl));
    const e = toUserError(err);
    expect(e.code).toBe('network');
    expect(e.message).toMatch(/^Can't reach the video service\. Check your connection/);
  });

  it.each([['ECONNREFUSED'], ['ENOTFOUND'], ['ECONNRESET'], ['EAI_AGAIN'], ['UND_ERR_SOCKET'], ['UND_ERR_CONNECT_TIMEOUT']])(
    'fetch failed caused by %s is network',
    (code) => {
      const err = new TypeError('fetch failed', { cause: Object.assign(new Error('boom'), { code }) });
      expect(toUserError(err).code).toBe('network');
    },
  );

  it('a server that never sends headers is a timeout (undici headersTimeout)', async () => {
    const dispatcher = new Agent({ headersTimeout: 100 });
    try {
      const err = await rejection(undiciFetch(hangingUrl, { dispatcher }));
      expect(toUserError(err).code).toBe('timeout');
    } finally {
      await dispatcher.close().catch(() => undefined);
    }
  });

  it('AbortSignal.timeout is timeout and a user abort is cancelled', async () => {
    const timedOut = await rejection(fetch(hangingUrl, { signal: AbortSignal.timeout(80) }));
    expect(toUserError(timedOut).code).toBe('timeout');

    const controller = new AbortController();
    const pending = rejection(fetch(hangingUrl, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 30);
    expect(toUserError(await pending).code).toBe('cancelled');
    expect(toUserError(new DOMException('The operation was aborted.', 'AbortError')).code).toBe('cancelled');
  });

  it('a ZodError is server.malformed', () => {
    const result = z.object({ code: z.number() }).safeParse({ code: 'nope' });
    expect(result.success).toBe(false);
    const e = toUserError(result.error);
    expect(e.code).toBe('server.malformed');
    expect(e.message).toMatch(/^The server sent a reply we could not read/);
  });

  it('anything else is unknown, with the raw message only when short, single-line and token-free', () => {
    expect(toUserError(new Error('boom'))).toEqual({ code: 'unknown', message: 'Something went wrong: boom' });
    expect(toUserError(new Error('line one\nline two')).message).toBe('Something went wrong. Please try again.');
    expect(toUserError(new Error('x'.repeat(300))).message).toBe('Something went wrong. Please try again.');
    expect(toUserError(new Error(`bad ${TOKEN}`)).message).toBe('Something went wrong. Please try again.');
    expect(toUserError('plain string').message).toBe('Something went wrong: plain string');
    for (const value of [undefined, null, 42, {}, []]) expect(toUserError(value).code).toBe('unknown');
  });

  it('a UserError-shaped value (a bridge failure) passes through', () => {
    const bridgeError = { code: 'credits.insufficient', message: 'out', action: { kind: 'link' as const, label: 'Register', url: 'https://nemovideo.com' } };
    expect(toUserError({ bridgeError })).toEqual(bridgeError);
    expect(toUserError(bridgeError)).toEqual(bridgeError);
  });

  it('ERROR_CODES includes the codes other modules use', () => {
    const codes: string[] = Object.values(ERROR_CODES);
    for (const code of ['ffmpeg.missing', 'draft.empty', 'stream.dropped', 'stream.timeout', 'media.corrupt', 'cancelled', 'network', 'timeout', 'unknown']) {
      expect(codes).toContain(code);
    }
    expect(userError('draft.empty').message).toMatch(/^Add media first/);
  });
});

describe('no token or stack trace ever reaches the output', () => {
  const leaky: unknown[] = [
    new Error(`Unauthorized: ${TOKEN}`),
    new AppError({ code: 'server.error', message: `failed with token ${TOKEN}` }),
    new TypeError('fetch failed', { cause: new Error(`connect to https://x/?token=${TOKEN}`) }),
    `Authorization: Bearer ${TOKEN}`,
    { bridgeError: { code: 'x', message: `leak ${TOKEN}` } },
    Object.assign(new Error(`EACCES ${TOKEN}`), { code: 'EACCES', path: `/tmp/${TOKEN}` }),
  ];

  it.each(leaky.map((v) => [v]))('%#', (value) => {
    const out = JSON.stringify(toUserError(value));
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain('9f8e7d6c5b4a3210');
    expect(out).not.toMatch(/\n\s+at /);
  });

  it('server messages are sanitized for every code', () => {
    for (const code of [1001, 1002, 2001, 4001, 4002, 400, 402, 429, 418, 5000]) {
      expect(JSON.stringify(errorForApiCode(code, `oops ${TOKEN}`, { userId: 'anon_1' }))).not.toContain(TOKEN);
    }
  });

  it('an unknown error never includes the stack', () => {
    const err = new Error('short');
    const e = toUserError(err);
    expect(e.message).not.toContain(String(err.stack).split('\n')[1]?.trim() ?? 'unreachable');
  });

  it('redactSecrets removes known token shapes and keeps the rest', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl';
    expect(redactSecrets(`a ${TOKEN} b`)).toBe('a [redacted] b');
    expect(redactSecrets(`Bearer ${jwt}`)).toBe('[redacted]');
    expect(redactSecrets(`jwt ${jwt}`)).toBe('jwt [redacted]');
    expect(redactSecrets('https://cdn/x.mp4?token=abc&w=1')).toBe('https://cdn/x.mp4?token=[redacted]&w=1');
    expect(redactSecrets('nothing secret here')).toBe('nothing secret here');
  });

  it('sanitizeServerMessage makes one line of at most 200 characters', () => {
    const out = sanitizeServerMessage(`a\n\nb ${'y'.repeat(500)}`);
    expect(out).not.toContain('\n');
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out.startsWith('a b ')).toBe(true);
  });
});

describe('errorForApiCode keeps the server reason for media refusals', () => {
  it('puts the specific reason in front of the supported formats', () => {
    const error = errorForApiCode(4001, 'notes.mp4 is not a video we can read');
    expect(error.code).toBe('media.unsupported');
    expect(error.message).toMatch(/^notes\.mp4 is not a video we can read\. /);
    expect(error.message).toContain('mp4');
  });
  it('ignores a bare HTTP status as a reason', () => {
    expect(errorForApiCode(4002, 'HTTP 400').message).toBe(errorForApiCode(4002).message);
  });
});
