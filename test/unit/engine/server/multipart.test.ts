import { describe, expect, it } from 'vitest';
import { boundaryFrom, MultipartError, MultipartParser, parsePartHeaders, type MultipartEvent } from '../../../../main/engine/server/multipart';

const B = '----vbBoundary123';

function body(parts: Array<{ headers: string; data: string | Buffer }>, epilogue = ''): Buffer {
  const chunks: Buffer[] = [Buffer.from('preamble is ignored\r\n')];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${B}\r\n${part.headers}\r\n\r\n`), Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${B}--\r\n${epilogue}`));
  return Buffer.concat(chunks);
}

/** Runs the parser over `input` cut into pieces of `size` bytes; returns files as name → content. */
function parse(input: Buffer, size: number): { files: Array<{ name: string; filename?: string; data: string }>; done: boolean } {
  const parser = new MultipartParser(B);
  const events: MultipartEvent[] = [];
  for (let i = 0; i < input.length; i += size) events.push(...parser.push(input.subarray(i, i + size)));
  const files: Array<{ name: string; filename?: string; data: Buffer[] }> = [];
  for (const event of events) {
    if (event.type === 'part') files.push({ name: event.headers.name, ...(event.headers.filename !== undefined ? { filename: event.headers.filename } : {}), data: [] });
    if (event.type === 'data') files.at(-1)?.data.push(event.data);
  }
  return { files: files.map((f) => ({ ...f, data: Buffer.concat(f.data).toString('latin1') })), done: parser.finished };
}

describe('MultipartParser', () => {
  const payload = Buffer.from(`a\r\n--${B.slice(0, 5)} almost a boundary\r\n-- and\r\r\n\n data`, 'latin1');
  const input = body([
    { headers: 'Content-Disposition: form-data; name="title"', data: 'hello' },
    { headers: 'Content-Disposition: form-data; name="files"; filename="clip.mp4"\r\nContent-Type: video/mp4', data: payload },
    { headers: 'Content-Disposition: form-data; name="files"; filename="b.png"', data: '' },
  ], 'epilogue is ignored');

  it('gives the same parts whatever the chunk size (boundaries split across chunks)', () => {
    const expected = [
      { name: 'title', data: 'hello' },
      { name: 'files', filename: 'clip.mp4', data: payload.toString('latin1') },
      { name: 'files', filename: 'b.png', data: '' },
    ];
    for (const size of [1, 2, 3, 5, 7, 13, 64, input.length]) {
      const result = parse(input, size);
      expect(result.files, `chunk size ${size}`).toEqual(expected);
      expect(result.done).toBe(true);
    }
  });

  it('keeps binary bytes intact', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256));
    const parser = new MultipartParser(B);
    const events = parser.push(body([{ headers: 'Content-Disposition: form-data; name="files"; filename="x.mp4"', data: bytes }]));
    const data = Buffer.concat(events.flatMap((e) => (e.type === 'data' ? [e.data] : [])));
    expect(data.equals(bytes)).toBe(true);
  });

  it('throws on end() when the body stops mid-part (a truncated upload is not a short file)', () => {
    const parser = new MultipartParser(B);
    parser.push(Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="files"; filename="a.mp4"\r\n\r\nsome bytes`));
    expect(() => parser.end()).toThrow(MultipartError);
  });

  it('refuses oversized part headers', () => {
    const parser = new MultipartParser(B);
    expect(() => parser.push(Buffer.from(`--${B}\r\nX: ${'a'.repeat(20_000)}`))).toThrow(MultipartError);
  });
});

describe('parsePartHeaders', () => {
  it('reads raw UTF-8 names, %22-escaped quotes, spaces, and RFC 5987 filename*', () => {
    expect(parsePartHeaders('Content-Disposition: form-data; name="files"; filename="海报 %22final%22.png"')).toEqual({ name: 'files', filename: '海报 "final".png' });
    expect(parsePartHeaders('content-disposition: form-data; name=files; filename="it\\"s.mp4"')).toEqual({ name: 'files', filename: 'it"s.mp4' });
    expect(parsePartHeaders(`Content-Disposition: form-data; name="files"; filename="fallback.mp4"; filename*=UTF-8''caf%C3%A9%20clip.mp4`)).toEqual({
      name: 'files',
      filename: 'café clip.mp4',
    });
    expect(parsePartHeaders('Content-Disposition: form-data; name="files"; filename="a.mp4"\r\nContent-Type: video/mp4')).toEqual({
      name: 'files',
      filename: 'a.mp4',
      contentType: 'video/mp4',
    });
  });

  it('refuses a part that is not form-data or has no name', () => {
    expect(() => parsePartHeaders('Content-Disposition: attachment; filename="a"')).toThrow(MultipartError);
    expect(() => parsePartHeaders('Content-Disposition: form-data; filename="a"')).toThrow(MultipartError);
  });
});

describe('boundaryFrom', () => {
  it('reads quoted and bare boundaries of multipart/form-data only', () => {
    expect(boundaryFrom('multipart/form-data; boundary=abc')).toBe('abc');
    expect(boundaryFrom('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(boundaryFrom('application/json')).toBeUndefined();
    expect(boundaryFrom('multipart/form-data')).toBeUndefined();
  });
});
