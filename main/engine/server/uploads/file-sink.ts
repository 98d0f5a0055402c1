/**
 * One incoming file written to a temporary path in the media folder, counted and hashed as it streams.
 * Going over the size cap stops writing at once and deletes the partial file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { tooLarge } from './names';

export const TEMP_PREFIX = '.upload-';

export interface ReceivedFile {
  tmpPath: string;
  name: string;
  size: number;
  /** sha1 of the content, reported as `hash` (§3.5). */
  hash: string;
}

export class FileSink {
  readonly tmpPath: string;
  private readonly out: WriteStream;
  private readonly hash = createHash('sha1');
  private size = 0;
  private failure: Error | undefined;

  constructor(
    dir: string,
    readonly name: string,
    private readonly maxBytes: number,
  ) {
    this.tmpPath = join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
    this.out = createWriteStream(this.tmpPath, { flags: 'wx', mode: 0o600 });
    // Without a listener a disk error (ENOSPC) would be an uncaught 'error' event; it is rethrown on the next write.
    this.out.on('error', (err) => {
      this.failure = err;
    });
  }

  async write(data: Buffer): Promise<void> {
    this.size += data.length;
    if (this.size > this.maxBytes) {
      await this.discard();
      throw tooLarge(this.name, this.maxBytes);
    }
    this.hash.update(data);
    if (this.failure) throw this.failure;
    // events.once rejects when 'error' fires first, so a failing disk cannot leave this waiting forever.
    if (!this.out.write(data)) await once(this.out, 'drain');
  }

  async finish(): Promise<ReceivedFile> {
    if (this.failure) throw this.failure;
    this.out.end();
    await once(this.out, 'finish');
    return { tmpPath: this.tmpPath, name: this.name, size: this.size, hash: this.hash.digest('hex') };
  }

  async discard(): Promise<void> {
    if (!this.out.closed) {
      const closed = once(this.out, 'close').catch(() => undefined);
      this.out.destroy();
      await closed;
    }
    await rm(this.tmpPath, { force: true });
  }
}

export async function removeReceived(files: ReadonlyArray<{ tmpPath: string }>): Promise<void> {
  await Promise.all(files.map((file) => rm(file.tmpPath, { force: true })));
}
