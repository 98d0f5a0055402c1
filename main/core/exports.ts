/**
 * Export jobs (design.md flow 4, protocol.md §3.8–3.10, §6.2): check the draft, submit `render_<ms>`, persist,
 * poll, download to `<out>.part` and rename. A job lives in main until its file is on disk, across restarts.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EXPORT_PRESETS, type ExportJob, type ExportPreset } from '../../shared/bridge';
import { isExportable, readDraft } from '../../shared/draft';
import { AppError, appError, toUserError } from '../../shared/errors';
import { API_PATHS, parseRenderPoll, type RenderSubmitBody } from '../../shared/protocol';
import { abortableSleep } from './chat-recovery';
import { applyPoll, newRenderId, pollIntervalFor } from './export-poll';
import { ExportJobsStore, isUnfinished, type StoredJob } from './export-jobs-store';
import type { ApiClient } from './http-client';
import { getState } from './resources';
import type { Sessions } from './sessions';
import type { KeyValueStore } from './storage';

export interface ExportManagerOptions {
  client: ApiClient;
  sessions: Sessions;
  projectId: string;
  store: KeyValueStore;
  /** Which backend renders live on; jobs of another backend are left alone (default: the client's base URL). */
  backendKey?: string;
  onJob?: (job: ExportJob) => void;
  pollIntervalMs?: number;
  /** Consecutive failed polls before the job is given up (the client already retries each one). */
  maxPollFailures?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  previewUrlFor?: (absPath: string) => string | undefined;
}

interface Running {
  controller: AbortController;
  done: Promise<ExportJob>;
}

const anyReply = z.unknown();

export class ExportManager {
  private readonly jobs: ExportJobsStore;
  private readonly running = new Map<string, Running>();
  private readonly backendKey: string;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private closed = false;
  private projectId: string;

  constructor(private readonly opts: ExportManagerOptions) {
    this.jobs = new ExportJobsStore(opts.store);
    this.projectId = opts.projectId;
    this.backendKey = opts.backendKey ?? opts.client.baseUrl;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? abortableSleep;
  }

  /** New exports read this project's draft; running jobs go on untouched. */
  setProject(projectId: string): void {
    this.projectId = projectId;
  }

  /** Every job this store knows, oldest first. */
  list(): ExportJob[] {
    return this.jobs.all().map((stored) => stored.job);
  }

  get(jobId: string): ExportJob | undefined {
    return this.jobs.get(jobId)?.job;
  }

  /**
   * Submits an export and starts following it. Resolves with the submitted job; throws an AppError when the
   * draft is empty or the submit failed twice (the failed job is kept in the list with its reason).
   */
  async start(input: { preset: ExportPreset; outPath: string }): Promise<ExportJob> {
    const outPath = path.resolve(input.outPath);
    const { sid, draft } = await this.opts.sessions.withSession(this.projectId, async (session) => {
      const state = await getState(this.opts.client, session.session_id);
      return { sid: session.session_id, draft: state.state?.draft };
    });
    if (!isExportable(readDraft(draft))) throw appError('draft.empty', 'Add media first: the timeline is empty, so there is nothing to export yet.');

    const createdAt = this.now();
    let stored: StoredJob = {
      job: { id: `exp_${createdAt.toString(36)}_${Math.random().toString(36).slice(2, 6)}`, preset: input.preset, outPath, state: 'submitting', progress: 0, createdAt },
      renderId: newRenderId(createdAt),
      backendKey: this.backendKey,
      sessionId: sid,
    };
    this.save(stored);

    let lastError: unknown;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (attempt > 0) {
        // §3.8: on a failed submit or "duplicate id", a NEW id, once.
        stored = { ...stored, renderId: newRenderId(this.now(), stored.renderId) };
        this.save(stored);
      }
      try {
        await this.opts.client.json('POST', API_PATHS.renderSubmit, anyReply, { body: this.submitBody(stored, draft), retry: false });
        lastError = undefined;
        break;
      } catch (err) {
        lastError = err;
        // A plan that blocks export will block the second id too.
        if (err instanceof AppError && err.apiCode === 402) break;
      }
    }
    if (lastError !== undefined) {
      const error = toUserError(lastError);
      this.save({ ...stored, job: { ...stored.job, state: 'failed', finishedAt: this.now(), error } });
      throw lastError instanceof AppError ? lastError : new AppError(error, { cause: lastError });
    }

    if (this.jobs.get(stored.job.id)?.job.state === 'cancelled') {
      // Cancelled while the submit was in flight: the render exists now, so stop it too.
      await this.opts.client.json('POST', API_PATHS.renderCancel(stored.renderId), anyReply, { retry: false }).catch(() => undefined);
      return this.get(stored.job.id) ?? stored.job;
    }
    stored = { ...stored, job: { ...stored.job, state: 'queued', progress: 0 } };
    // Persisted BEFORE polling starts: a restart from here on resumes this job.
    this.save(stored);
    this.follow(stored);
    return stored.job;
  }

  /** Resolves when the job has finished (done, failed or cancelled). */
  async wait(jobId: string): Promise<ExportJob> {
    const running = this.running.get(jobId);
    if (running) return running.done;
    const job = this.get(jobId);
    if (!job) throw appError('unknown', 'That export is not known.');
    return job;
  }

  /** Resumes every unfinished job of this backend (after a restart); returns them. */
  resumeAll(): ExportJob[] {
    const resumed: ExportJob[] = [];
    for (const stored of this.jobs.all()) {
      if (stored.backendKey !== this.backendKey || !isUnfinished(stored.job) || this.running.has(stored.job.id)) continue;
      this.follow(stored);
      resumed.push(stored.job);
    }
    return resumed;
  }

  async cancel(jobId: string): Promise<void> {
    const stored = this.jobs.get(jobId);
    if (!stored || !isUnfinished(stored.job)) return;
    const running = this.running.get(jobId);
    running?.controller.abort('cancelled');
    this.running.delete(jobId);
    this.save({ ...stored, job: { ...stored.job, state: 'cancelled', finishedAt: this.now() } });
    try {
      await this.opts.client.json('POST', API_PATHS.renderCancel(stored.renderId), anyReply, { retry: false });
    } catch {
      // The job is cancelled for the person either way; the backend may already have finished or forgotten it.
    }
  }

  /** Stops following jobs without changing them: they resume on the next start. */
  close(): void {
    this.closed = true;
    for (const running of this.running.values()) running.controller.abort('closed');
    this.running.clear();
  }

  private follow(stored: StoredJob): void {
    const controller = new AbortController();
    const done = this.track(stored, controller.signal).catch(() => this.get(stored.job.id) ?? stored.job);
    this.running.set(stored.job.id, { controller, done });
    void done.finally(() => {
      if (this.running.get(stored.job.id)?.controller === controller) this.running.delete(stored.job.id);
    });
  }

  /** Poll → download. Only this loop changes a running job; cancel() and close() abort it. */
  private async track(initial: StoredJob, signal: AbortSignal): Promise<ExportJob> {
    let stored = initial;
    const interval = this.opts.pollIntervalMs ?? pollIntervalFor(this.opts.client.baseUrl);
    const maxFailures = this.opts.maxPollFailures ?? 5;
    let failures = 0;
    let outputUrl: string | undefined;
    for (let first = true; ; first = false) {
      if (!first) await this.sleep(interval, signal);
      if (signal.aborted) throw signal.reason;
      let reply: unknown;
      try {
        reply = await this.opts.client.json('GET', API_PATHS.renderPoll(stored.renderId), anyReply, { signal });
      } catch (err) {
        if (signal.aborted) throw err;
        failures += 1;
        if (failures >= maxFailures) return this.fail(stored, toUserError(err));
        continue;
      }
      const poll = parseRenderPoll(reply);
      if (!poll) {
        failures += 1;
        if (failures >= maxFailures) return this.fail(stored, toUserError(appError('server.malformed')));
        continue;
      }
      failures = 0;
      if (signal.aborted) throw signal.reason;
      const step = applyPoll(stored.job, poll, this.now());
      stored = { ...stored, job: step.job };
      this.save(stored);
      if (step.next === 'stop') return stored.job;
      if (step.next === 'download') {
        outputUrl = poll.outputUrl;
        break;
      }
    }
    return this.download(stored, outputUrl, signal);
  }

  private async download(initial: StoredJob, outputUrl: string | undefined, signal: AbortSignal): Promise<ExportJob> {
    let stored = initial;
    await mkdir(path.dirname(stored.job.outPath), { recursive: true });
    let lastPercent = -1;
    const onProgress = (loaded: number, total: number | undefined): void => {
      if (!total || signal.aborted) return;
      const percent = Math.min(99, Math.floor((loaded / total) * 100));
      if (percent === lastPercent) return;
      lastPercent = percent;
      stored = { ...stored, job: { ...stored.job, progress: percent } };
      this.save(stored);
    };
    const sources = [outputUrl, API_PATHS.renderDownload(stored.renderId)].filter((s): s is string => Boolean(s));
    let lastError: unknown;
    for (const source of sources) {
      try {
        await this.opts.client.download(source, stored.job.outPath, { onProgress, signal });
        lastError = undefined;
        break;
      } catch (err) {
        if (signal.aborted) throw err;
        // The output URL may be unreachable (a CDN, an expired link): the proxy's download is the fallback (§3.10).
        lastError = err;
      }
    }
    if (lastError !== undefined) return this.fail(stored, toUserError(lastError));
    const preview = this.opts.previewUrlFor?.(stored.job.outPath);
    const job: ExportJob = { ...stored.job, state: 'done', progress: 100, finishedAt: this.now(), ...(preview ? { previewUrl: preview } : {}) };
    this.save({ ...stored, job });
    return job;
  }

  private fail(stored: StoredJob, error: ExportJob['error']): ExportJob {
    const job: ExportJob = { ...stored.job, state: 'failed', finishedAt: this.now(), ...(error ? { error } : {}) };
    this.save({ ...stored, job });
    return job;
  }

  private submitBody(stored: StoredJob, draft: unknown): RenderSubmitBody {
    const size = EXPORT_PRESETS[stored.job.preset];
    return {
      id: stored.renderId,
      sessionId: stored.sessionId,
      // Forwarded exactly as the backend gave it (protocol.md §5.2: never rebuild a draft).
      draft,
      output: { format: 'mp4', quality: 'high', resolution: '1080p', width: size.width, height: size.height },
    };
  }

  private save(stored: StoredJob): void {
    if (this.closed && isUnfinished(stored.job)) return;
    this.jobs.put(stored);
    this.opts.onJob?.(stored.job);
  }
}
