/**
 * Media added from the UI: every file is checked (exists, type, size) before any byte is sent, refused files
 * become failed items with the reason, and accepted ones upload one after another with per-file progress and
 * cancel.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { MediaItem } from '../../shared/bridge';
import { toUserError, userError } from '../../shared/errors';
import { mediaKindOf, type UploadedFile } from '../../shared/protocol';
import { checkUploadable } from './uploads';

export interface MediaUploadsOptions {
  emit: (item: MediaItem) => void;
  uploadFile: (filePath: string, opts: { onProgress: (loaded: number, total: number) => void; signal: AbortSignal }) => Promise<UploadedFile[]>;
  uploadUrl: (url: string, opts: { signal: AbortSignal }) => Promise<UploadedFile[]>;
  /** After a batch: the state has new media, so the owner refreshes the timeline. */
  onBatchDone: () => void;
  previewUrlFor?: (absPath: string) => string | undefined;
}

function withResult(item: MediaItem, uploaded: UploadedFile | undefined): MediaItem {
  const next: MediaItem = { ...item, state: 'ready', loaded: item.size };
  if (!uploaded) return next;
  if (typeof uploaded.duration === 'number') next.durationMs = Math.round(uploaded.duration * 1000);
  if (typeof uploaded.width === 'number') next.width = uploaded.width;
  if (typeof uploaded.height === 'number') next.height = uploaded.height;
  return next;
}

export class MediaUploads {
  private readonly items = new Map<string, MediaItem>();
  private readonly controllers = new Map<string, AbortController>();
  private chain: Promise<void> = Promise.resolve();
  private seq = 0;

  constructor(private readonly opts: MediaUploadsOptions) {}

  list(): MediaItem[] {
    return [...this.items.values()];
  }

  /** Returns the items at once (refused ones already failed); accepted ones upload in the background. */
  async add(paths: string[]): Promise<MediaItem[]> {
    const items: MediaItem[] = [];
    const accepted: Array<{ item: MediaItem; filePath: string }> = [];
    for (const raw of paths) {
      const filePath = path.resolve(raw);
      const name = path.basename(filePath);
      const base: MediaItem = { id: this.nextId(), name, kind: mediaKindOf(name) ?? 'video', size: 0, state: 'queued', loaded: 0 };
      const info = await stat(filePath).catch(() => null);
      let item: MediaItem;
      if (!info || !info.isFile()) {
        item = { ...base, state: 'failed', error: userError('file.missing', `${name} could not be found. It may have been moved or deleted.`) };
      } else {
        const problem = checkUploadable({ name, size: info.size });
        const preview = this.opts.previewUrlFor?.(filePath);
        item = problem
          ? { ...base, size: info.size, state: 'failed', error: { ...problem, message: `${name}: ${problem.message}` } }
          : { ...base, size: info.size, ...(preview ? { previewUrl: preview } : {}) };
        if (!problem) accepted.push({ item, filePath });
      }
      this.put(item);
      items.push(item);
    }
    if (accepted.length > 0) this.enqueue(accepted.map(({ item, filePath }) => () => this.uploadOne(item.id, filePath)));
    return items;
  }

  async addUrl(url: string): Promise<MediaItem[]> {
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
    const item: MediaItem = { id: this.nextId(), name, kind: mediaKindOf(name) ?? 'video', size: 0, state: 'queued', loaded: 0 };
    this.put(item);
    this.enqueue([() => this.uploadLink(item.id, url)]);
    return [item];
  }

  cancel(id: string): void {
    this.controllers.get(id)?.abort();
    const item = this.items.get(id);
    if (item && (item.state === 'queued' || item.state === 'uploading' || item.state === 'processing')) this.put({ ...item, state: 'cancelled' });
  }

  /** A new project: forget the list (running uploads are cancelled). */
  clear(): void {
    for (const id of this.items.keys()) this.cancel(id);
    this.items.clear();
  }

  /** Resolves when everything queued so far has finished (the CLI and tests wait on it). */
  idle(): Promise<void> {
    return this.chain;
  }

  private enqueue(tasks: Array<() => Promise<void>>): void {
    this.chain = this.chain
      .then(async () => {
        for (const task of tasks) await task();
      })
      .finally(() => this.opts.onBatchDone())
      .catch(() => undefined);
  }

  private uploadOne(id: string, filePath: string): Promise<void> {
    return this.runItem(id, 'uploading', (controller) =>
      this.opts.uploadFile(filePath, {
        signal: controller.signal,
        onProgress: (loaded, total) => {
          const item = this.items.get(id);
          if (!item || controller.signal.aborted) return;
          // All bytes sent: the server is now probing the file.
          this.put({ ...item, loaded, state: loaded >= total ? 'processing' : 'uploading' });
        },
      }),
    );
  }

  private uploadLink(id: string, url: string): Promise<void> {
    return this.runItem(id, 'processing', (controller) => this.opts.uploadUrl(url, { signal: controller.signal }), { size: 0 });
  }

  /** One queued item's upload, cancellable through its controller; the result (or failure) lands on the item. */
  private async runItem(
    id: string,
    firstState: MediaItem['state'],
    work: (controller: AbortController) => Promise<UploadedFile[]>,
    patch: Partial<MediaItem> = {},
  ): Promise<void> {
    const start = this.items.get(id);
    if (!start || start.state !== 'queued') return;
    const controller = new AbortController();
    this.controllers.set(id, controller);
    this.put({ ...start, state: firstState });
    try {
      const uploaded = await work(controller);
      const item = this.items.get(id);
      if (item && !controller.signal.aborted) this.put(withResult({ ...item, ...patch }, uploaded[0]));
    } catch (err) {
      this.fail(id, controller, err);
    } finally {
      this.controllers.delete(id);
    }
  }

  private fail(id: string, controller: AbortController, err: unknown): void {
    const item = this.items.get(id);
    if (!item) return;
    if (controller.signal.aborted) this.put({ ...item, state: 'cancelled' });
    else this.put({ ...item, state: 'failed', error: toUserError(err) });
  }

  private put(item: MediaItem): void {
    this.items.set(item.id, item);
    this.opts.emit(item);
  }

  private nextId(): string {
    this.seq += 1;
    return `media-${Date.now().toString(36)}-${this.seq}`;
  }
}
