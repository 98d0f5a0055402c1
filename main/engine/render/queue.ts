/**
 * One render at a time per engine; the rest wait in order with their queue position (issue 3 §Renderer).
 * Status changes are pushed to listeners so the server can answer polls from memory.
 */
import { toUserError } from '../../../shared/errors';
import type { FfmpegTools, RenderJobStatus, RenderRequest } from '../types';
import { renderDraft } from './render';

type Listener = (status: RenderJobStatus) => void;

interface Job {
  status: RenderJobStatus;
  req: RenderRequest;
  abort: AbortController;
}

export interface RenderQueueOptions {
  concurrency?: 1;
  /** For tests: the clock used for createdAt/completedAt. */
  now?: () => number;
}

export class RenderQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: string[] = [];
  private readonly listeners = new Set<Listener>();
  private running: string | undefined;
  private readonly now: () => number;

  constructor(
    private readonly tools: FfmpegTools,
    opts: RenderQueueOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
  }

  /** Queues a render; an id already known returns that job's status unchanged. */
  submit(id: string, req: RenderRequest): RenderJobStatus {
    const existing = this.jobs.get(id);
    if (existing) return { ...existing.status };
    const status: RenderJobStatus = { id, status: 'pending', progress: 0, queuePosition: 0, outPath: req.outPath, createdAt: this.now() };
    this.jobs.set(id, { status, req, abort: new AbortController() });
    this.waiting.push(id);
    this.updatePositions();
    this.emit(status);
    this.pump();
    return { ...status };
  }

  get(id: string): RenderJobStatus | undefined {
    const job = this.jobs.get(id);
    return job ? { ...job.status } : undefined;
  }

  list(): RenderJobStatus[] {
    return [...this.jobs.values()].map((j) => ({ ...j.status }));
  }

  /** Cancels a waiting or running job; false when it is unknown or already finished. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || (job.status.status !== 'pending' && job.status.status !== 'processing')) return false;
    if (job.status.status === 'pending') {
      this.waiting.splice(this.waiting.indexOf(id), 1);
      this.finish(job, { status: 'cancelled', error: 'Cancelled.' });
      this.updatePositions();
      return true;
    }
    // The running render settles through its promise: ffmpeg is killed and the partial file removed first.
    job.abort.abort();
    return true;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private pump(): void {
    if (this.running !== undefined) return;
    const id = this.waiting.shift();
    if (id === undefined) return;
    const job = this.jobs.get(id);
    if (!job) return;
    this.running = id;
    Object.assign(job.status, { status: 'processing', queuePosition: 0 });
    this.updatePositions();
    this.emit(job.status);
    renderDraft(this.tools, job.req, {
      signal: job.abort.signal,
      onProgress: (percent) => {
        if (job.status.status !== 'processing' || percent === job.status.progress) return;
        job.status.progress = percent;
        this.emit(job.status);
      },
    })
      .then(() => this.finish(job, { status: 'completed', progress: 100 }))
      .catch((err: unknown) => {
        const user = toUserError(err);
        this.finish(job, { status: user.code === 'cancelled' ? 'cancelled' : 'failed', error: user.message });
      })
      .finally(() => {
        this.running = undefined;
        this.pump();
      });
  }

  private finish(job: Job, change: Partial<RenderJobStatus>): void {
    Object.assign(job.status, change, { queuePosition: 0, completedAt: this.now() });
    this.emit(job.status);
  }

  private updatePositions(): void {
    const offset = this.running === undefined ? 0 : 1;
    this.waiting.forEach((id, i) => {
      const job = this.jobs.get(id);
      if (!job) return;
      const position = i + offset;
      if (job.status.queuePosition !== position) {
        job.status.queuePosition = position;
        this.emit(job.status);
      }
    });
  }

  private emit(status: RenderJobStatus): void {
    const snapshot = { ...status };
    for (const listener of this.listeners) listener(snapshot);
  }
}
