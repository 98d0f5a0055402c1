/**
 * Reads a multipart/form-data body as it streams in and keeps only each part's headers and byte count, so a test
 * server can take a 200 MB upload without holding it in memory.
 */
export interface CountedPart {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  size: number;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  return /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
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
    for (;;) {
      if (this.state === 'done') return void (this.pending = Buffer.alloc(0));
      if (this.state === 'preamble' || this.state === 'body') {
        const needle = this.state === 'preamble' ? this.first : this.delimiter;
        const at = this.pending.indexOf(needle);
        const part = this.parts.at(-1);
        if (at < 0) {
          const keep = Math.min(this.pending.length, needle.length - 1);
          if (this.state === 'body' && part) part.size += this.pending.length - keep;
          this.pending = this.pending.subarray(this.pending.length - keep);
          return;
        }
        if (this.state === 'body' && part) part.size += at;
        this.pending = this.pending.subarray(at + needle.length);
        this.state = 'after-delimiter';
      } else if (this.state === 'after-delimiter') {
        if (this.pending.length < 2) return;
        const next = this.pending.subarray(0, 2).toString();
        this.pending = this.pending.subarray(2);
        this.state = next === '--' ? 'done' : 'headers';
      } else {
        const end = this.pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = this.pending.subarray(0, end).toString('utf8');
        this.pending = this.pending.subarray(end + 4);
        this.parts.push({
          name: /\bname="([^"]*)"/i.exec(head)?.[1] ?? '',
          filename: /\bfilename="([^"]*)"/i.exec(head)?.[1],
          contentType: /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim(),
          size: 0,
        });
        this.state = 'body';
      }
    }
  }

  /** True once the closing delimiter has been seen. */
  get complete(): boolean {
    return this.state === 'done';
  }
}
