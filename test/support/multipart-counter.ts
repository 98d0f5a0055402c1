/**
 * Reads a multipart/form-data body as it streams in and keeps only each part's headers and byte count, so a test
 * server can take a 200 MB upload without holding it in memory.
 */
export interface CountedPart { name: string; filename: string | undefined; contentType: string | undefined; size: number }

export function boundaryOf(contentType: string | undefined): string | undefined {
  return /multipart\/form-data/i.test(contentType ?? '') ? /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1] : undefined;
}

export class MultipartCounter {
  readonly parts: CountedPart[] = [];
  private pending: Buffer = Buffer.alloc(0);
  private state: 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done' = 'preamble';
  private readonly first: Buffer;
  private readonly delimiter: Buffer;

  constructor(boundary: string) {
    this.first = Buffer.from(`--${boundary}`);
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  feed(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.state !== 'done') {
      if (this.state === 'preamble' || this.state === 'body') {
        const needle = this.state === 'preamble' ? this.first : this.delimiter;
        const at = this.pending.indexOf(needle);
        // Without a delimiter, all but its length minus one can be counted (the rest may start one).
        const counted = at < 0 ? Math.max(0, this.pending.length - needle.length + 1) : at;
        const part = this.parts.at(-1);
        if (this.state === 'body' && part) part.size += counted;
        this.pending = this.pending.subarray(at < 0 ? counted : at + needle.length);
        if (at < 0) return;
        this.state = 'after-delimiter';
      } else if (this.state === 'after-delimiter') {
        if (this.pending.length < 2) return;
        this.state = this.pending.subarray(0, 2).toString() === '--' ? 'done' : 'headers';
        this.pending = this.pending.subarray(2);
      } else {
        const end = this.pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = this.pending.subarray(0, end).toString('utf8');
        this.pending = this.pending.subarray(end + 4);
        const contentType = /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim();
        this.parts.push({ name: /\bname="([^"]*)"/i.exec(head)?.[1] ?? '', filename: /\bfilename="([^"]*)"/i.exec(head)?.[1], contentType, size: 0 });
        this.state = 'body';
      }
    }
  }
}
