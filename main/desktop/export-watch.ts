/**
 * Follows `export.job` events for the tray, the notifications and the quit guard: which exports are running,
 * and which just finished or failed (each reported once).
 */
import type { ExportJob } from '../../shared/bridge';

const RUNNING: ReadonlySet<ExportJob['state']> = new Set(['submitting', 'queued', 'rendering', 'downloading']);

export function isRunning(job: ExportJob): boolean {
  return RUNNING.has(job.state);
}

export type ExportTransition = { kind: 'done' | 'failed'; job: ExportJob } | undefined;

/** A job first seen already finished counts as news only if it finished this recently (not one restored from last week). */
const FRESH_MS = 60_000;

/** What changed between the previous state of a job and its update. */
export function transitionOf(previous: ExportJob | undefined, next: ExportJob, now: number = Date.now()): ExportTransition {
  if (previous && !isRunning(previous)) return undefined;
  if (!previous && (next.finishedAt === undefined || now - next.finishedAt > FRESH_MS)) return undefined;
  if (next.state === 'done') return { kind: 'done', job: next };
  if (next.state === 'failed') return { kind: 'failed', job: next };
  return undefined;
}

export function createExportWatch() {
  const jobs = new Map<string, ExportJob>();
  return {
    /** Records the update and returns what it means (done/failed once, else undefined). */
    update(job: ExportJob): ExportTransition {
      const transition = transitionOf(jobs.get(job.id), job);
      jobs.set(job.id, job);
      return transition;
    },
    running(): ExportJob[] {
      return [...jobs.values()].filter(isRunning);
    },
  };
}
export type ExportWatch = ReturnType<typeof createExportWatch>;
