/** Pure rules of an export job: what a render poll means for the job, how often to poll, the render id. */
import type { ExportJob } from '../../shared/bridge';
import { userError } from '../../shared/errors';
import type { RenderPoll } from '../../shared/protocol';

export type PollStep = { job: ExportJob; next: 'poll' | 'download' | 'stop' };

/** A poll reply → the updated job and what to do next. */
export function applyPoll(job: ExportJob, poll: RenderPoll, now: number): PollStep {
  switch (poll.status) {
    case 'pending':
    case 'queued': {
      const { queuePosition: _drop, ...rest } = job;
      const queued: ExportJob = { ...rest, state: 'queued', progress: poll.progress };
      return { job: poll.queuePosition !== undefined ? { ...queued, queuePosition: poll.queuePosition } : queued, next: 'poll' };
    }
    case 'processing': {
      const { queuePosition: _drop, ...rest } = job;
      return { job: { ...rest, state: 'rendering', progress: poll.progress }, next: 'poll' };
    }
    case 'completed':
      return { job: { ...job, state: 'downloading', progress: 0 }, next: 'download' };
    case 'cancelled':
      return { job: { ...job, state: 'cancelled', finishedAt: now }, next: 'stop' };
    case 'failed': {
      const reason = poll.error?.trim();
      if (reason === 'cancelled') return { job: { ...job, state: 'cancelled', finishedAt: now }, next: 'stop' };
      const error = /invalid draft|empty/i.test(reason ?? '')
        ? userError('draft.empty')
        : userError('server.error', reason ? `The export failed: ${reason}` : 'The export failed on the server.', { kind: 'retry', label: 'Export again' });
      return { job: { ...job, state: 'failed', finishedAt: now, error }, next: 'stop' };
    }
  }
}

/** Loopback backends (the local engine) answer fast; the cloud asks for 30 s between polls (protocol.md §3.9). */
export function pollIntervalFor(baseUrl: string): number {
  try {
    const host = new URL(baseUrl).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1' ? 500 : 30_000;
  } catch {
    return 30_000;
  }
}

/** `render_<ms>`, never equal to an id used before (a retry in the same millisecond gets a later one). */
export function newRenderId(now: number, previous?: string): string {
  const prev = previous ? Number(previous.replace(/^render_/, '')) : NaN;
  const ms = Number.isFinite(prev) && prev >= now ? prev + 1 : now;
  return `render_${ms}`;
}
