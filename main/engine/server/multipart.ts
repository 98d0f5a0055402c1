/**
 * A streaming multipart/form-data parser (RFC 7578), small enough to read in one sitting: feed it chunks as they
 * arrive and it returns events. File bodies are never held in memory beyond one chunk plus a boundary's length,
 * so a 500 MB upload streams to disk with flat memory. The caller awaits its disk writes between chunks, which
 * gives natural back-pressure on the socket.
 */

export interface PartHeaders {
  /** Form field name (`files` for uploads). */
  name: string;
  /** Present for file parts. */
  filename?: string;
  contentType?: string;
}

export type MultipartEvent =
  | { type: 'part'; headers: PartHeaders }
  | { type: 'data'; data: Buffer }
  | { type: 'partEnd' }
  | { type: 'done' };

export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

/** The boundary from a Content-Type header, or undefined when it is not multipart/form-data. */
export function boundaryFrom(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary && boundary.length <= 70 ? boundary : undefined;
}

type State = 'preamble' | 'afterBoundary' | 'headers' | 'body' | 'done';

export class MultipartParser {
  private readonly dashBoundary: Buffer;
  /** `\r\n--boundary`: what ends a part's body. */
  private readonly delimiter: Buffer;
  private buffer: Buffer = Buffer.alloc(0);
  private state: State = 'preamble';

  constructor(boundary: string) {
    this.dashBoundary = Buffer.from(`--${boundary}`);
    this.delimiter = Buffer.concat([CRLF, this.dashBoundary]);
  }

  get finished(): boolean {
    return this.state === 'done';
  }

  push(chunk: Buffer): MultipartEvent[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const events: MultipartEvent[] = [];
    while (this.step(events)) {
      // each step consumes input or changes state; it returns false when it needs more bytes
    }
    return events;
  }

  /** Call at the end of the request body: a body that stops mid-part is an error, not a short file. */
  end(): void {
    if (this.state !== 'done') throw new MultipartError('The upload ended before the form was complete.');
  }

  private step(events: MultipartEvent[]): boolean {
    switch (this.state) {
      case 'preamble': {
        const at = this.buffer.indexOf(this.dashBoundary);
        if (at < 0) {
          if (this.buffer.length > MAX_HEADER_BYTES) throw new MultipartError('No multipart boundary found.');
          return false;
        }
        this.buffer = this.buffer.subarray(at + this.dashBoundary.length);
        this.state = 'afterBoundary';
        return true;
      }
      case 'afterBoundary': {
        if (this.buffer.length < 2) return false;
        if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
          this.state = 'done';
          this.buffer = Buffer.alloc(0);
          events.push({ type: 'done' });
          return false;
        }
        // RFC 2046 allows linear whitespace after the boundary, before its CRLF.
        const eol = this.buffer.indexOf(CRLF);
        if (eol < 0) {
          if (this.buffer.length > 256) throw new MultipartError('Malformed multipart boundary line.');
          return false;
        }
        if (this.buffer.subarray(0, eol).toString('latin1').trim() !== '') throw new MultipartError('Malformed multipart boundary line.');
        this.buffer = this.buffer.subarray(eol + 2);
        this.state = 'headers';
        return true;
      }
      case 'headers': {
        const at = this.buffer.indexOf(HEADER_END);
        if (at < 0) {
          if (this.buffer.length > MAX_HEADER_BYTES) throw new MultipartError('Multipart part headers are too large.');
          return false;
        }
        events.push({ type: 'part', headers: parsePartHeaders(this.buffer.subarray(0, at).toString('utf8')) });
        this.buffer = this.buffer.subarray(at + HEADER_END.length);
        this.state = 'body';
        return true;
      }
      case 'body': {
        const at = this.buffer.indexOf(this.delimiter);
        if (at >= 0) {
          if (at > 0) events.push({ type: 'data', data: this.buffer.subarray(0, at) });
          events.push({ type: 'partEnd' });
          this.buffer = this.buffer.subarray(at + this.delimiter.length);
          this.state = 'afterBoundary';
          return true;
        }
        // Keep just enough of the tail to recognise a delimiter split across two chunks.
        const safe = this.buffer.length - (this.delimiter.length - 1);
        if (safe > 0) {
          events.push({ type: 'data', data: this.buffer.subarray(0, safe) });
          this.buffer = this.buffer.subarray(safe);
        }
        return false;
      }
      case 'done':
        this.buffer = Buffer.alloc(0);
        return false;
    }
  }
}

/** Content-Disposition / Content-Type of one part. Names arrive as raw UTF-8 with `"` sent as %22 (HTML spec). */
export function parsePartHeaders(block: string): PartHeaders {
  let disposition = '';
  let contentType: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') disposition = value;
    else if (key === 'content-type') contentType = value;
  }
  if (!/^form-data\b/i.test(disposition)) throw new MultipartError('A multipart part has no form-data disposition.');
  const params = parseParams(disposition);
  const name = params.get('name');
  if (name === undefined) throw new MultipartError('A multipart part has no field name.');
  const extended = params.get('filename*');
  const plain = params.get('filename');
  const filename = extended !== undefined ? decodeExtended(extended) : plain !== undefined ? decodeFormName(plain) : undefined;
  return {
    name: decodeFormName(name),
    ...(filename !== undefined ? { filename } : {}),
    ...(contentType !== undefined ? { contentType } : {}),
  };
}

function parseParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const re = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const key = (m[1] ?? '').toLowerCase();
    const raw = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '').trim();
    params.set(key, raw);
  }
  return params;
}

/** Browsers and undici escape `"`, CR and LF in names as %22, %0D, %0A; nothing else is percent-encoded. */
function decodeFormName(value: string): string {
  return value.replace(/%22/gi, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

/** RFC 5987 `UTF-8''percent-encoded`. */
function decodeExtended(value: string): string {
  const match = /^([\w-]+)'[^']*'(.*)$/.exec(value);
  if (!match) return value;
  try {
    return decodeURIComponent(match[2] ?? '');
  } catch {
    return match[2] ?? '';
  }
}
