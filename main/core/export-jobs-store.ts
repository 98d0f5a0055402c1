/**
 * Export jobs survive restarts (design.md flow 4): each is written to the KeyValueStore before polling starts
 * and after every change, so a new process can resume polling and still deliver the file.
 */
import { z } from 'zod';
import { exportJobSchema, type ExportJob } from '../../shared/bridge';
import type { KeyValueStore } from './storage';

export const EXPORT_JOBS_KEY = 'exports.jobs';

export const storedJobSchema = z.object({
  job: exportJobSchema,
  /** The render id the backend knows (changes when a failed submit is retried). */
  renderId: z.string(),
  /** Which backend holds the render: the local engine's URL changes per run, so this is a stable key. */
  backendKey: z.string(),
  sessionId: z.string(),
});
export type StoredJob = z.infer<typeof storedJobSchema>;

export const FINISHED_STATES: ReadonlySet<ExportJob['state']> = new Set(['done', 'failed', 'cancelled']);

export function isUnfinished(job: ExportJob): boolean {
  return !FINISHED_STATES.has(job.state);
}

/** Keeps at most this many finished jobs, newest first, so the list does not grow forever. */
const MAX_FINISHED = 50;

export class ExportJobsStore {
  constructor(private readonly store: KeyValueStore) {}

  /** Every valid stored job; anything unreadable (an older format, a hand edit) is skipped, not fatal. */
  all(): StoredJob[] {
    const raw = this.store.get<unknown>(EXPORT_JOBS_KEY);
    if (typeof raw !== 'object' || raw === null) return [];
    const jobs: StoredJob[] = [];
    for (const value of Object.values(raw)) {
      const parsed = storedJobSchema.safeParse(value);
      if (parsed.success) jobs.push(parsed.data);
    }
    return jobs.sort((a, b) => a.job.createdAt - b.job.createdAt);
  }

  get(jobId: string): StoredJob | undefined {
    return this.all().find((stored) => stored.job.id === jobId);
  }

  put(stored: StoredJob): void {
    const jobs = this.all().filter((other) => other.job.id !== stored.job.id);
    jobs.push(stored);
    const finished = jobs.filter((s) => !isUnfinished(s.job)).sort((a, b) => b.job.createdAt - a.job.createdAt);
    const dropped = new Set(finished.slice(MAX_FINISHED).map((s) => s.job.id));
    this.store.set(EXPORT_JOBS_KEY, Object.fromEntries(jobs.filter((s) => !dropped.has(s.job.id)).map((s) => [s.job.id, s])));
  }
}
