/**
 * Small stand-ins for the planner, prober and render queue, so the server's own rules are tested without
 * ffmpeg. The real ones are exercised by test/integration/engine.test.ts.
 */
import { writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDraft, summarize, type LocalDraft, type VisualSegmentMeta, type LocalTrack } from '../../../../shared/draft';
import type { DraftHistory, MediaRecord, PlannerResult, RenderJobStatus, RenderRequest } from '../../../../main/engine/types';
import type { EnginePorts, ProbeResult, RenderQueuePort } from '../../../../main/engine/server/ports';
import { startEngineServer, type RunningEngine } from '../../../../main/engine/server/app';
import { EngineStore } from '../../../../main/engine/store/store';
import { appError } from '../../../../shared/errors';

export const emptyDraft = (): LocalDraft => ({ d: 0, m: { width: 1920, height: 1080, fps: 30 }, t: [] });

/** "add" puts every visual media item on the video track, "undo" steps back; anything else is not understood. */
export const fakePlanner: EnginePorts['planner'] = {
  emptyHistory: () => ({ versions: [emptyDraft()], index: 0 }),
  currentDraft: (history: DraftHistory) => history.versions[history.index] ?? emptyDraft(),
  handleMessage(history: DraftHistory, message: string, media: MediaRecord[]): PlannerResult {
    const current = history.versions[history.index] ?? emptyDraft();
    if (/undo/i.test(message)) {
      const next = { ...history, index: Math.max(0, history.index - 1) };
      return { history: next, reply: `Undone. ${summarize(readDraft(next.versions[next.index] ?? emptyDraft()))}`, calls: [{ name: 'undo', args: {} }], understood: true };
    }
    if (!/add/i.test(message)) return { history, reply: `I can add clips. ${summarize(readDraft(current))}`, calls: [], understood: false };
    let start = 0;
    const track: LocalTrack<VisualSegmentMeta> = {
      id: 'v1',
      tt: 0,
      sg: media
        .filter((item) => item.kind !== 'audio')
        .map((item, i) => {
          const d = item.kind === 'image' ? 3000 : item.durationMs;
          const seg = { id: `s${i + 1}`, s: start, d, m: { src: item.id, name: item.name, kind: item.kind as 'video' | 'image', in: 0 } };
          start += d;
          return seg;
        }),
    };
    const draft: LocalDraft = { ...current, d: start, t: [track] };
    const versions = [...history.versions.slice(0, history.index + 1), draft];
    return {
      history: { versions, index: versions.length - 1 },
      reply: `Added ${track.sg.length} clips. ${summarize(readDraft(draft))}`,
      calls: track.sg.map((seg) => ({ name: 'add_clip', args: { media: seg.m.src } })),
      understood: true,
    };
  },
};

/** Files whose first bytes are "BAD" are refused like ffprobe refuses a text file named .mp4. */
export async function fakeProbe(filePath: string, name: string): Promise<ProbeResult> {
  const { readFile } = await import('node:fs/promises');
  const head = (await readFile(filePath)).subarray(0, 3).toString();
  if (head === 'BAD') throw appError('media.unsupported', `“${name}” can't be used: it is not a media file.`);
  const kind = /\.(png|jpe?g|gif|webp)$/i.test(name) ? 'image' : /\.(mp3|wav|m4a|aac)$/i.test(name) ? 'audio' : 'video';
  return { name, kind, durationMs: kind === 'image' ? 0 : 2000, width: 320, height: 180, fps: 30, rotation: 0, hasAudio: kind !== 'image' };
}

/** Renders "instantly": pending → processing → completed on timers, writing a small file at outPath. */
export class FakeQueue implements RenderQueuePort {
  readonly submitted: Array<{ id: string; req: RenderRequest }> = [];
  private readonly jobs = new Map<string, RenderJobStatus>();
  private readonly listeners = new Set<(status: RenderJobStatus) => void>();
  constructor(private readonly stepMs = 5) {}

  submit(id: string, req: RenderRequest): RenderJobStatus {
    this.submitted.push({ id, req });
    const job: RenderJobStatus = { id, status: 'pending', progress: 0, queuePosition: 0, outPath: req.outPath, createdAt: Date.now() };
    this.jobs.set(id, job);
    setTimeout(() => this.set(id, { status: 'processing', progress: 50 }), this.stepMs);
    setTimeout(() => {
      if (this.jobs.get(id)?.status !== 'processing') return;
      void writeFile(req.outPath, Buffer.alloc(1000, 7)).then(() => this.set(id, { status: 'completed', progress: 100, completedAt: Date.now() }));
    }, this.stepMs * 2);
    return job;
  }
  get(id: string): RenderJobStatus | undefined {
    return this.jobs.get(id);
  }
  cancel(id: string): boolean {
    if (!this.jobs.has(id)) return false;
    this.set(id, { status: 'cancelled', error: 'cancelled' });
    return true;
  }
  onChange(listener: (status: RenderJobStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private set(id: string, patch: Partial<RenderJobStatus>): void {
    const job = this.jobs.get(id);
    if (!job || job.status === 'cancelled' || job.status === 'completed') return;
    const next = { ...job, ...patch };
    this.jobs.set(id, next);
    for (const listener of this.listeners) listener(next);
  }
}

export interface TestEngine extends RunningEngine {
  dataDir: string;
  queue: FakeQueue;
}

/** The fake planner, answering only once `gate` resolves: a run that stays open as long as a test needs. */
export function gatedPlanner(gate: Promise<void>): EnginePorts['planner'] {
  return {
    ...fakePlanner,
    async handleMessage(...args) {
      await gate;
      return fakePlanner.handleMessage(...args);
    },
  };
}

export async function startFakeEngine(
  opts: { dataDir?: string; maxUploadBytes?: number; heartbeatMs?: number; stepMs?: number; planner?: EnginePorts['planner'] } = {},
): Promise<TestEngine> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'vb-engine-unit-'));
  const store = await EngineStore.open(dataDir, { debounceMs: 10 });
  const queue = new FakeQueue(opts.stepMs);
  const engine = await startEngineServer({
    store,
    ports: { planner: opts.planner ?? fakePlanner, probe: fakeProbe, renderQueue: queue },
    config: { maxUploadBytes: opts.maxUploadBytes ?? 1024 * 1024, heartbeatMs: opts.heartbeatMs ?? 15_000 },
  });
  return { ...engine, dataDir, queue };
}
