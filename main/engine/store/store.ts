/**
 * The engine's one JSON file. Routes mutate `data` and call `changed()`; writes are debounced, skipped when the
 * text is unchanged, atomic, and flushed on close, so a burst of progress updates costs one write.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { engineDataSchema, type EngineData } from './schema';

export const STORE_FILE = 'engine.json';

export function emptyEngineData(): EngineData {
  return {
    version: 1,
    secret: randomBytes(32).toString('base64url'),
    nextMediaNumber: 1,
    tokens: {},
    clients: {},
    sessions: {},
    media: {},
    renders: {},
  };
}

export interface EngineStoreOptions {
  debounceMs?: number;
}

export class EngineStore {
  readonly mediaDir: string;
  readonly rendersDir: string;
  readonly workDir: string;
  private timer: NodeJS.Timeout | undefined;
  private lastWritten = '';
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly dataDir: string,
    readonly data: EngineData,
    private readonly debounceMs: number,
  ) {
    this.mediaDir = join(dataDir, 'media');
    this.rendersDir = join(dataDir, 'renders');
    this.workDir = join(dataDir, 'work');
  }

  static async open(dataDir: string, opts: EngineStoreOptions = {}): Promise<EngineStore> {
    await mkdir(dataDir, { recursive: true });
    const file = join(dataDir, STORE_FILE);
    const data = existsSync(file) ? await readOrSetAside(file) : emptyEngineData();
    const store = new EngineStore(dataDir, data, opts.debounceMs ?? 250);
    await Promise.all([store.mediaDir, store.rendersDir, store.workDir].map((dir) => mkdir(dir, { recursive: true })));
    await store.flush();
    return store;
  }

  /** Schedules a save; call after every mutation of `data`. */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => undefined);
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes now (if anything changed). Serialised so two flushes never race on the same file. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writing = this.writing.then(async () => {
      const text = JSON.stringify(this.data);
      if (text === this.lastWritten) return;
      await writeFileAtomic(join(this.dataDir, STORE_FILE), text);
      this.lastWritten = text;
    });
    return this.writing;
  }

  nextMediaId(): string {
    const id = `med_${this.data.nextMediaNumber}`;
    this.data.nextMediaNumber += 1;
    this.changed();
    return id;
  }
}

/** A file we cannot read is kept aside (never deleted) and the engine starts fresh rather than refusing to start. */
async function readOrSetAside(file: string): Promise<EngineData> {
  try {
    const parsed = engineDataSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // unreadable JSON: handled below like an invalid one
  }
  await rename(file, `${file}.unreadable-${Date.now()}`);
  return emptyEngineData();
}
