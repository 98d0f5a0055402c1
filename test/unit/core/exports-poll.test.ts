import { describe, expect, it } from 'vitest';
import type { ExportJob } from '../../../shared/bridge';
import { applyPoll, newRenderId, pollIntervalFor } from '../../../main/core/export-poll';

const job: ExportJob = { id: 'exp_1', preset: 'landscape', outPath: '/tmp/a.mp4', state: 'queued', progress: 0, createdAt: 1 };
const poll = (status: 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled', extra: Partial<{ progress: number; error: string; queuePosition: number }> = {}) => ({
  status,
  progress: extra.progress ?? 0,
  outputUrl: undefined,
  error: extra.error,
  queuePosition: extra.queuePosition,
});

describe('applyPoll', () => {
  it('maps each render status to the job state and the next step', () => {
    expect(applyPoll(job, poll('pending', { progress: 5, queuePosition: 2 }), 9)).toEqual({ job: { ...job, progress: 5, queuePosition: 2 }, next: 'poll' });
    expect(applyPoll({ ...job, queuePosition: 1 }, poll('processing', { progress: 42 }), 9)).toEqual({ job: { ...job, state: 'rendering', progress: 42 }, next: 'poll' });
    expect(applyPoll(job, poll('completed', { progress: 100 }), 9)).toEqual({ job: { ...job, state: 'downloading', progress: 0 }, next: 'download' });
    expect(applyPoll(job, poll('cancelled'), 9)).toEqual({ job: { ...job, state: 'cancelled', finishedAt: 9 }, next: 'stop' });
  });
  it('explains failures, and reads a failed "cancelled" as a cancel', () => {
    expect(applyPoll(job, poll('failed', { error: 'invalid draft' }), 9).job.error?.code).toBe('draft.empty');
    expect(applyPoll(job, poll('failed', { error: 'GPU fell over' }), 9).job.error?.message).toBe('The export failed: GPU fell over');
    expect(applyPoll(job, poll('failed', { error: 'cancelled' }), 9).job.state).toBe('cancelled');
  });
});

describe('pollIntervalFor and newRenderId', () => {
  it('polls loopback backends fast and the cloud every 30 s', () => {
    expect(pollIntervalFor('http://127.0.0.1:4321')).toBeLessThanOrEqual(1000);
    expect(pollIntervalFor('http://localhost:80')).toBeLessThanOrEqual(1000);
    expect(pollIntervalFor('https://mega-api-prod.nemovideo.ai')).toBe(30_000);
  });
  it('never repeats an id, even within one millisecond', () => {
    expect(newRenderId(1000)).toBe('render_1000');
    expect(newRenderId(1000, 'render_1000')).toBe('render_1001');
    expect(newRenderId(2000, 'render_1000')).toBe('render_2000');
  });
});
