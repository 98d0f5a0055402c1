/**
 * Export jobs: the bridge between the render queue (one ffmpeg at a time) and the store. Every job is a record
 * in the store from the moment it is submitted, so the poll survives restarts; jobs that were unfinished when
 * the engine stopped are queued again on start, or failed with the reason, never left "processing" forever.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isExportable, readDraft, type LocalDraft } from '../../../shared/draft';
import type { EngineStore } from '../store/store';
import type { RenderRecord } from '../store/schema';
import type { MediaRecord, RenderJobStatus } from '../types';
import { parseLocalDraft, referencedMedia } from './local-draft-schema';
import type { RenderQueuePort } from './ports';

export const EMPTY_DRAFT_ERROR = 'Add media first: the timeline is empty.';

export interface RenderView {
  id: string;
  status: 'pending' | 'processing' | 'completed' | 'failed';
  progress: number;
  outputUrl: string | null;
  createdAt: number;
  completedAt: number | null;
  error: string | null;
  queuePosition: number;
}

export interface SubmitInput {
  id: string;
  sessionId: string;
  userId: string;
  draft: unknown;
  size?: { width: number; height: number };
}

export class RenderJobs {
  private readonly live = new Map<string, RenderJobStatus>();
  private stopping = false;

  constructor(
    private readonly store: EngineStore,
    private readonly queue: RenderQueuePort,
    private readonly now: () => number,
  ) {
    queue.onChange((status) => this.update(status));
  }

  has(id: string): boolean {
    return this.store.data.renders[id] !== undefined;
  }

  get(id: string): RenderRecord | undefined {
    return this.store.data.renders[id];
  }

  submit(input: SubmitInput): RenderRecord {
    const outPath = join(this.store.rendersDir, `${input.id}.mp4`);
    const loose = readDraft(input.draft);
    const parsed = isExportable(loose) ? parseLocalDraft(input.draft) : undefined;
    const record: RenderRecord = {
      id: input.id,
      sessionId: input.sessionId,
      userId: input.userId,
      status: 'pending',
      progress: 0,
      createdAt: this.now(),
      outPath,
      draft: parsed?.ok ? parsed.draft : ({ d: 0, m: { width: 1920, height: 1080, fps: 30 }, t: [] } satisfies LocalDraft),
      ...(input.size ? { size: input.size } : {}),
    };
    this.store.data.renders[input.id] = record;
    this.store.changed();
    if (!parsed) return this.fail(record, EMPTY_DRAFT_ERROR);
    if (!parsed.ok) return this.fail(record, parsed.reason);
    return this.enqueue(record);
  }

  cancel(id: string): RenderRecord | undefined {
    const record = this.store.data.renders[id];
    if (!record) return undefined;
    if (record.status === 'pending' || record.status === 'processing') {
      this.queue.cancel(id);
      // The queue reports the cancel asynchronously; the record says so now, so a poll right after agrees.
      record.status = 'cancelled';
      record.error = 'cancelled';
      record.completedAt = this.now();
      this.store.changed();
    }
    return record;
  }

  view(id: string, outputUrl: (record: RenderRecord) => string): RenderView | undefined {
    const record = this.store.data.renders[id];
    if (!record) return undefined;
    const live = this.live.get(id);
    const status = record.status === 'cancelled' ? 'failed' : record.status;
    return {
      id,
      status,
      progress: status === 'completed' ? 100 : Math.round(record.progress),
      outputUrl: status === 'completed' ? outputUrl(record) : null,
      createdAt: record.createdAt,
      completedAt: record.completedAt ?? null,
      error: record.error ?? null,
      queuePosition: status === 'pending' || status === 'processing' ? (live?.queuePosition ?? 0) : 0,
    };
  }

  /** On engine start: queue again what a previous run left unfinished. */
  recover(): number {
    let requeued = 0;
    for (const record of Object.values(this.store.data.renders)) {
      if (record.status !== 'pending' && record.status !== 'processing') continue;
      record.progress = 0;
      record.status = 'pending';
      if (this.enqueue(record).status !== 'failed') requeued += 1;
    }
    this.store.changed();
    return requeued;
  }

  /**
   * Engine shutdown: stop the running ffmpeg but keep the jobs' records unfinished, so the next start renders
   * them again (the queue's "cancelled" reports are ignored from here on).
   */
  stop(): void {
    this.stopping = true;
    for (const id of [...this.live.keys()]) this.queue.cancel(id);
  }

  private enqueue(record: RenderRecord): RenderRecord {
    const media = new Map<string, MediaRecord>();
    for (const id of referencedMedia(record.draft)) {
      const stored = this.store.data.media[id];
      if (!stored || !existsSync(stored.path)) return this.fail(record, `A file used in the timeline is missing (${id}). Add it again.`);
      const { sessionId: _s, hash: _h, ...mediaRecord } = stored;
      media.set(id, mediaRecord);
    }
    const status = this.queue.submit(record.id, {
      draft: record.draft,
      media,
      outPath: record.outPath,
      workDir: join(this.store.workDir, record.id),
      ...(record.size ? { size: record.size } : {}),
    });
    this.update(status);
    return record;
  }

  private update(status: RenderJobStatus): void {
    const record = this.store.data.renders[status.id];
    if (!record || this.stopping) return;
    this.live.set(status.id, status);
    // A cancel recorded here wins over the queue's late "failed" for the killed ffmpeg.
    if (record.status === 'cancelled' || record.status === 'completed') return;
    record.status = status.status;
    record.progress = status.progress;
    if (status.error !== undefined) record.error = status.error;
    if (status.status === 'completed' || status.status === 'failed' || status.status === 'cancelled') {
      record.completedAt = status.completedAt ?? this.now();
      this.live.delete(status.id);
    }
    if (status.status === 'cancelled') record.error = 'cancelled';
    this.store.changed();
  }

  private fail(record: RenderRecord, error: string): RenderRecord {
    record.status = 'failed';
    record.error = error;
    record.completedAt = this.now();
    this.store.changed();
    return record;
  }
}
