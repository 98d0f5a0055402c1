import { describe, expect, it } from 'vitest';
import { throttleProgress } from '../../../main/core/http-client';
import { classifyReply, parseJsonBody } from '../../../main/core/http-reply';

describe('classifyReply (envelope code first, then HTTP status)', () => {
  it.each([
    ['gateway success', 200, { code: 0, data: { a: 1 } }, { kind: 'ok', data: { a: 1 } }],
    ['render success', 200, { success: true, data: { id: 'r' } }, { kind: 'ok', data: { id: 'r' } }],
    ['bare JSON body', 200, { a: 1 }, { kind: 'ok', data: { a: 1 } }],
    ['1001 on HTTP 200', 200, { code: 1001, message: 'expired' }, { kind: 'auth', code: 1001, message: 'expired' }],
    ['1011 on HTTP 401', 401, { code: 1011 }, { kind: 'auth', code: 1011, message: 'HTTP 401' }],
    ['401 without code', 401, undefined, { kind: 'auth', code: 401, message: 'HTTP 401' }],
    ['429 envelope', 429, { code: 429, message: 'slow down' }, { kind: 'rate-limited', code: 429, message: 'slow down' }],
    ['429 bare', 429, undefined, { kind: 'rate-limited', code: 429, message: 'HTTP 429' }],
    ['503 without body', 503, undefined, { kind: 'transient', code: 503, message: 'HTTP 503' }],
    ['500 with 5xx code', 500, { code: 500, message: 'oops' }, { kind: 'transient', code: 500, message: 'oops' }],
    ['500 carrying 1002', 500, { code: 1002 }, { kind: 'error', code: 1002, message: 'HTTP 500' }],
    ['code 0 on HTTP 500', 500, { code: 0, data: 1 }, { kind: 'ok', data: 1 }],
    ['2001 on 200', 200, { code: 2001, message: 'no credits' }, { kind: 'error', code: 2001, message: 'no credits' }],
    ['render failure', 409, { success: false, error: 'duplicate id' }, { kind: 'error', code: 409, message: 'duplicate id' }],
    ['FastAPI detail', 404, { detail: 'Session not found' }, { kind: 'error', code: 404, message: 'Session not found' }],
    ['HTML 200', 200, undefined, { kind: 'malformed' }],
    ['HTML 404', 404, undefined, { kind: 'error', code: 404, message: 'HTTP 404' }],
  ])('%s', (_name, status, body, expected) => {
    expect(classifyReply(status, body)).toEqual(expected);
  });

  it('parseJsonBody gives undefined for empty or non-JSON text', () => {
    expect(parseJsonBody('')).toBeUndefined();
    expect(parseJsonBody('<html>')).toBeUndefined();
    expect(parseJsonBody('{"a":1}')).toEqual({ a: 1 });
  });
});

describe('throttleProgress', () => {
  it('reports forward moves of at least 0.5 % and always the end', () => {
    const seen: number[] = [];
    const report = throttleProgress((loaded: number) => seen.push(loaded), 1000);
    for (const loaded of [1, 4, 5, 5, 9, 3, 12, 998, 1000, 1000]) report(loaded);
    expect(seen).toEqual([5, 12, 998, 1000]);
  });

  it('with an unknown total, steps of 256 KB and the final call', () => {
    const seen: number[] = [];
    const report = throttleProgress((loaded: number) => seen.push(loaded), undefined);
    for (const loaded of [100_000, 262_144, 300_000, 600_000]) report(loaded);
    report(610_000, true);
    expect(seen).toEqual([262_144, 600_000, 610_000]);
  });
});
