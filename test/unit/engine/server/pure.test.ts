import { describe, expect, it } from 'vitest';
import { parseRange, contentDisposition } from '../../../../main/engine/server/range';
import { authenticate, issueAnonymousToken, TOKEN_TTL_MS } from '../../../../main/engine/server/auth';
import { emptyEngineData } from '../../../../main/engine/store/store';
import { aspectRatio, fileObject } from '../../../../main/engine/server/state-view';
import { outputSize } from '../../../../main/engine/server/routes/render-routes';
import { replyLanguage } from '../../../../main/engine/server/routes/run-routes';
import { cleanFileName } from '../../../../main/engine/server/uploads/names';
import { nameFromUrl } from '../../../../main/engine/server/uploads/fetch-url';
import { signPath, verifyPath } from '../../../../main/engine/server/signing';
import { newEventId, newSessionId } from '../../../../main/engine/server/ids';
import { parseLocalDraft } from '../../../../main/engine/server/local-draft-schema';
import { mapLimit } from '../../../../main/engine/server/uploads/ingest';

describe('parseRange', () => {
  it.each([
    [undefined, 100, { kind: 'full' }],
    ['bytes=0-9', 100, { kind: 'partial', start: 0, end: 9 }],
    ['bytes=90-', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=90-500', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-500', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=5-2', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', 100, { kind: 'full' }],
    ['items=0-1', 100, { kind: 'full' }],
  ] as const)('%s of %i bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it('writes download names that survive unicode and quotes', () => {
    expect(contentDisposition('attachment', '海报 "a".mp4')).toBe(`attachment; filename="__ _a_.mp4"; filename*=UTF-8''%E6%B5%B7%E6%8A%A5%20%22a%22.mp4`);
  });
});

describe('anonymous tokens', () => {
  it('returns the unexpired token for the same client, and a new one for the same user after expiry', () => {
    const data = emptyEngineData();
    const first = issueAnonymousToken(data, 'c', 1000);
    expect(first.created).toBe(true);
    expect(issueAnonymousToken(data, 'c', 2000).record.token).toBe(first.record.token);
    const later = issueAnonymousToken(data, 'c', 1000 + TOKEN_TTL_MS + 1);
    expect(later.record.token).not.toBe(first.record.token);
    expect(later.record.userId).toBe(first.record.userId);
    expect(data.tokens[first.record.token]).toBeUndefined();
  });

  it('authenticates only a known, unexpired bearer token', () => {
    const data = emptyEngineData();
    const { record } = issueAnonymousToken(data, 'c', 0);
    expect(authenticate(data, `Bearer ${record.token}`, 1)?.userId).toBe(record.userId);
    expect(authenticate(data, `bearer ${record.token}`, 1)).toBeDefined();
    expect(authenticate(data, record.token, 1)).toBeUndefined();
    expect(authenticate(data, `Bearer ${record.token}x`, 1)).toBeUndefined();
    expect(authenticate(data, `Bearer ${record.token}`, TOKEN_TTL_MS + 1)).toBeUndefined();
    expect(authenticate(data, undefined, 1)).toBeUndefined();
  });
});

describe('state view', () => {
  it('reduces aspect ratios', () => {
    expect([aspectRatio(1920, 1080), aspectRatio(1080, 1920), aspectRatio(1080, 1080), aspectRatio(1000, 700)]).toEqual(['16:9', '9:16', '1:1', '10:7']);
  });

  it('shapes a media record as the §3.5 file object (seconds, null sizes for audio)', () => {
    const base = { id: 'med_1', sessionId: 's', path: '/x', size: 10, width: 0, height: 0, fps: 0, rotation: 0, hasAudio: true, createdAt: 0, hash: 'h' };
    expect(fileObject({ ...base, name: 'song.mp3', kind: 'audio', durationMs: 61234 }, 'u')).toEqual({
      id: 'med_1', filename: 'song.mp3', file_type: 'audio', cdn_url: 'u', duration: 61.234, width: null, height: null, fps: null, hash: 'h', size: 10, has_audio: true,
    });
    expect(fileObject({ ...base, name: 'a.png', kind: 'image', durationMs: 0, width: 640, height: 480, hasAudio: false }, 'u')).toMatchObject({ duration: null, width: 640, fps: null });
  });
});

describe('render output size', () => {
  const canvas = { width: 1920, height: 1080 };
  it('takes explicit width/height (export presets), else a resolution on the canvas aspect', () => {
    expect(outputSize({ width: 1080, height: 1920 }, canvas)).toEqual({ width: 1080, height: 1920 });
    expect(outputSize({ resolution: '720p' }, canvas)).toEqual({ width: 1280, height: 720 });
    expect(outputSize({ resolution: '1080p' }, { width: 1080, height: 1920 })).toEqual({ width: 1080, height: 1920 });
    expect(outputSize({ resolution: '4k' }, canvas)).toEqual({ width: 3840, height: 2160 });
    expect(outputSize({ width: 1081, height: 1919 }, canvas)).toEqual({ width: 1082, height: 1920 });
    expect(outputSize(undefined, canvas)).toBeUndefined();
    expect(outputSize({ resolution: 'best' }, canvas)).toBeUndefined();
  });
});

describe('small rules', () => {
  it('answers Chinese messages in Chinese', () => {
    expect(replyLanguage('做一个60秒的宣传视频', 'en')).toBe('zh');
    expect(replyLanguage('make it vertical', 'zh-CN')).toBe('en');
    expect(replyLanguage('60', 'zh-CN')).toBe('zh');
    expect(replyLanguage('add music', 'en')).toBe('en');
  });

  it('cleans upload names to their last segment, without control characters', () => {
    expect(cleanFileName('C:\\Users\\me\\My Clip.mp4')).toBe('My Clip.mp4');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.mp4')).toBe('abc.mp4');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName(`${'x'.repeat(300)}.mp4`)).toHaveLength(200);
    expect(cleanFileName(`${'x'.repeat(300)}.mp4`).endsWith('.mp4')).toBe(true);
  });

  it('names URL downloads from Content-Disposition, the path, or the content type', () => {
    expect(nameFromUrl(new URL('http://h/x/%E6%B5%B7%20b.mp4?q=1'), undefined, undefined)).toBe('海 b.mp4');
    expect(nameFromUrl(new URL('http://h/download'), 'attachment; filename="clip.mov"', 'video/quicktime')).toBe('clip.mov');
    expect(nameFromUrl(new URL('http://h/media/123'), undefined, 'video/mp4; codecs=avc1')).toBe('123.mp4');
  });

  it('signs paths so a signature cannot be moved to another file', () => {
    const sig = signPath('secret-secret-secret-secret-secret', '/files/media/med_1');
    expect(verifyPath('secret-secret-secret-secret-secret', '/files/media/med_1', sig)).toBe(true);
    expect(verifyPath('secret-secret-secret-secret-secret', '/files/media/med_2', sig)).toBe(false);
    expect(verifyPath('another-secret-another-secret-xx', '/files/media/med_1', sig)).toBe(false);
    expect(verifyPath('secret-secret-secret-secret-secret', '/files/media/med_1', null)).toBe(false);
  });

  it('makes ADK-shaped ids', () => {
    expect(newEventId()).toMatch(/^[A-Za-z0-9]{8}$/);
    const sid = newSessionId(1_773_423_613_616);
    expect(sid).toMatch(/^\d+$/);
    expect(BigInt(sid) >> 22n).toBe(1_773_423_613_616n);
  });

  it('checks a render draft is the engine form and says where it is not', () => {
    expect(parseLocalDraft({ d: 1000, m: { width: 1920, height: 1080, fps: 30 }, t: [{ id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: 1000, m: { src: 'med_1' } }] }] }).ok).toBe(true);
    expect(parseLocalDraft({ t: [{ sg: [{}] }] })).toEqual({ ok: false, reason: expect.stringMatching(/^invalid draft at /) });
  });
});

describe('mapLimit (probing several uploads at once)', () => {
  it('keeps input order, never runs more than the limit, and lets every task settle before failing', async () => {
    let running = 0;
    let peak = 0;
    const settled: number[] = [];
    const task = async (n: number): Promise<number> => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, (5 - n) * 3));
      running -= 1;
      settled.push(n);
      if (n === 1 || n === 3) throw new Error(`bad ${n}`);
      return n * 10;
    };
    expect(await mapLimit([0, 2, 4], 2, task)).toEqual([0, 20, 40]);
    expect(peak).toBe(2);
    settled.length = 0;
    await expect(mapLimit([0, 1, 2, 3, 4], 3, task)).rejects.toThrow('bad 1');
    expect(settled.sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
