import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalLink } from '../../../shared/bridge';
import { API_PATHS, isKeepAlive, mediaKindOf, parseRenderPoll, unwrapEnvelope } from '../../../shared/protocol';

describe('unwrapEnvelope', () => {
  it('gateway envelope: code 0 gives data, unknown fields kept', () => {
    expect(unwrapEnvelope({ code: 0, message: 'ok', data: { token: 't', extra: [1] } }, 200)).toEqual({ ok: true, data: { token: 't', extra: [1] } });
    expect(unwrapEnvelope({ code: 0 }, 200)).toEqual({ ok: true, data: null });
  });

  it('gateway envelope: a non-zero code is an error whatever the HTTP status', () => {
    expect(unwrapEnvelope({ code: 1001, message: 'token expired', data: null }, 401)).toEqual({ ok: false, code: 1001, message: 'token expired' });
    expect(unwrapEnvelope({ code: 2001, message: 'insufficient credits', data: null }, 200)).toEqual({ ok: false, code: 2001, message: 'insufficient credits' });
    expect(unwrapEnvelope({ code: 1002, message: null }, 404)).toEqual({ ok: false, code: 1002, message: 'HTTP 404' });
  });

  it('HTTP-status errors with the same number in the body (400/402/429)', () => {
    for (const status of [400, 402, 429]) {
      expect(unwrapEnvelope({ code: status, message: 'nope' }, status)).toEqual({ ok: false, code: status, message: 'nope' });
    }
  });

  it('render envelope: success gives data, failure gives the error with the HTTP status or -1', () => {
    expect(unwrapEnvelope({ success: true, data: { id: 'render_1', status: 'queued' } }, 200)).toEqual({ ok: true, data: { id: 'render_1', status: 'queued' } });
    expect(unwrapEnvelope({ success: false, error: 'duplicate id' }, 409)).toEqual({ ok: false, code: 409, message: 'duplicate id' });
    expect(unwrapEnvelope({ success: false, error: 'duplicate id' }, 200)).toEqual({ ok: false, code: -1, message: 'duplicate id' });
    expect(unwrapEnvelope({ success: false }, 500)).toEqual({ ok: false, code: 500, message: 'request failed' });
  });

  it('non-2xx without an envelope: the status decides, with FastAPI detail when present', () => {
    expect(unwrapEnvelope({ detail: 'Not Found' }, 404)).toEqual({ ok: false, code: 404, message: 'Not Found' });
    expect(unwrapEnvelope({ detail: [{ msg: 'field required' }] }, 422)).toEqual({ ok: false, code: 422, message: 'HTTP 422' });
    expect(unwrapEnvelope(null, 502)).toEqual({ ok: false, code: 502, message: 'HTTP 502' });
    expect(unwrapEnvelope('<html>Bad Gateway</html>', 502)).toEqual({ ok: false, code: 502, message: 'HTTP 502' });
  });

  it('2xx without an envelope gives the body itself', () => {
    expect(unwrapEnvelope({ files: [] }, 200)).toEqual({ ok: true, data: { files: [] } });
    expect(unwrapEnvelope([1, 2], 201)).toEqual({ ok: true, data: [1, 2] });
  });
});

describe('parseRenderPoll', () => {
  it('reads the v4.4 shape (enveloped data.status, data.outputUrl)', () => {
    expect(parseRenderPoll({ success: true, data: { id: 'render_1', status: 'processing', progress: 40 } })).toEqual({
      status: 'processing',
      progress: 40,
      outputUrl: undefined,
      error: undefined,
      queuePosition: undefined,
    });
    expect(parseRenderPoll({ success: true, data: { status: 'completed', progress: 100, outputUrl: 'https://cdn/x.mp4' } })).toMatchObject({
      status: 'completed',
      outputUrl: 'https://cdn/x.mp4',
    });
  });

  it('reads the skill shape (top-level status, output.url)', () => {
    expect(parseRenderPoll({ id: 'render_1', status: 'completed', output: { url: 'https://cdn/y.mp4' } })).toEqual({
      status: 'completed',
      progress: 100,
      outputUrl: 'https://cdn/y.mp4',
      error: undefined,
      queuePosition: undefined,
    });
    expect(parseRenderPoll({ data: { status: 'completed', output: { url: 'https://cdn/z.mp4' } } })?.outputUrl).toBe('https://cdn/z.mp4');
  });

  it('maps succeeded/done to completed, keeps failures and queue positions, clamps progress', () => {
    expect(parseRenderPoll({ status: 'succeeded' })?.status).toBe('completed');
    expect(parseRenderPoll({ data: { status: 'done' } })?.status).toBe('completed');
    expect(parseRenderPoll({ data: { status: 'failed', error: 'encoder crashed' } })).toMatchObject({ status: 'failed', error: 'encoder crashed', progress: 0 });
    expect(parseRenderPoll({ status: 'queued', queuePosition: 3 })).toMatchObject({ status: 'queued', queuePosition: 3 });
    expect(parseRenderPoll({ status: 'processing', progress: 140 })?.progress).toBe(100);
    expect(parseRenderPoll({ status: 'processing', progress: -5 })?.progress).toBe(0);
  });

  it('returns null when nothing is a known status', () => {
    for (const body of [null, undefined, 'completed', {}, { status: 'exploded' }, { data: { progress: 50 } }, { success: true, data: null }]) {
      expect(parseRenderPoll(body)).toBeNull();
    }
  });
});

describe('isKeepAlive', () => {
  it.each(['', '  ', '\n', 'heartbeat', 'HEARTBEAT', ' ping ', '{"type":"heartbeat"}', ' {"type":"ping"} ', '{"type":"keepalive","ts":1}'])(
    'treats %j as a keep-alive',
    (raw) => expect(isKeepAlive(raw)).toBe(true),
  );

  it.each(['{"content":{"parts":[{"text":"hi"}]}}', '{"type":"message"}', 'hello', '{not json', 'null', '[]', '{"type":null}'])(
    'treats %j as data',
    (raw) => expect(isKeepAlive(raw)).toBe(false),
  );

  it('comment lines (": ping") never reach isKeepAlive: the SSE parser drops them', () => {
    const events: EventSourceMessage[] = [];
    const comments: string[] = [];
    const parser = createParser({ onEvent: (e) => events.push(e), onComment: (c) => comments.push(c) });
    parser.feed(': ping\n\ndata: {"type":"heartbeat"}\n\ndata: {"content":{}}\n\n');
    expect(comments.map((c) => c.trim())).toEqual(['ping']);
    expect(events.map((e) => isKeepAlive(e.data))).toEqual([true, false]);
  });
});

describe('media kinds, paths and links', () => {
  it('mediaKindOf reads the extension case-insensitively', () => {
    expect(mediaKindOf('Beach.MOV')).toBe('video');
    expect(mediaKindOf('logo.webp')).toBe('image');
    expect(mediaKindOf('song.m4a')).toBe('audio');
    expect(mediaKindOf('notes.txt')).toBeNull();
    expect(mediaKindOf('no-extension')).toBeNull();
  });

  it('API paths encode ids', () => {
    expect(API_PATHS.state('a/b c')).toBe('/api/state/nemo_agent/me/a%2Fb%20c/latest');
    expect(API_PATHS.renderPoll('render_1')).toBe('/api/render/proxy/lambda/render_1');
  });

  it('only https nemovideo.com links may be opened', () => {
    expect(isAllowedExternalLink('https://nemovideo.com/register?bind=anon_1')).toBe(true);
    expect(isAllowedExternalLink('http://nemovideo.com')).toBe(false);
    expect(isAllowedExternalLink('https://nemovideo.com.evil.test')).toBe(false);
    expect(isAllowedExternalLink('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalLink('not a url')).toBe(false);
  });
});
