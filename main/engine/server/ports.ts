/**
 * What the server needs from the planner, the prober and the render queue. index.ts wires the real ones
 * (planner/, media/probe.ts, render/queue.ts); unit tests pass small fakes.
 */
import type { LocalDraft } from '../../../shared/draft';
import type { DraftHistory, MediaRecord, PlannerResult, RenderJobStatus, RenderRequest } from '../types';

export interface PlannerPort {
  emptyHistory(): DraftHistory;
  currentDraft(history: DraftHistory): LocalDraft;
  /** The real planner is synchronous; a promise is allowed so a slower one (or a test's) still streams keep-alives. */
  handleMessage(history: DraftHistory, message: string, media: MediaRecord[], opts?: { language?: 'en' | 'zh' }): PlannerResult | Promise<PlannerResult>;
}

export type ProbeResult = Omit<MediaRecord, 'id' | 'path' | 'createdAt' | 'size'>;
export type ProbePort = (filePath: string, name: string) => Promise<ProbeResult>;

export interface RenderQueuePort {
  submit(id: string, req: RenderRequest): RenderJobStatus;
  get(id: string): RenderJobStatus | undefined;
  cancel(id: string): boolean;
  onChange(listener: (status: RenderJobStatus) => void): () => void;
}

export interface EngineConfig {
  /** Per-file upload cap in bytes (default 500 MB, protocol.md §3.5). */
  maxUploadBytes: number;
  /** Keep-alive interval on /run_sse while anything runs (default 15 s, §4.1). */
  heartbeatMs: number;
}

export interface EnginePorts {
  planner: PlannerPort;
  probe: ProbePort;
  renderQueue: RenderQueuePort;
}
