/**
 * The local engine: the NemoVideo protocol on 127.0.0.1, backed by the planner (words → timeline) and the
 * renderer (draft → one ffmpeg run). Used by the desktop app, the CLI's `engine` command, browser mode and tests.
 */
import { resolve } from 'node:path';
import { MAX_UPLOAD_BYTES } from '../../shared/protocol';
import { resolveFfmpegTools } from './ffmpeg/resolve';
import { probeMedia } from './media/probe';
import { currentDraft, emptyHistory, handleMessage } from './planner/index';
import { RenderQueue } from './render/queue';
import { startEngineServer, type RunningEngine } from './server/app';
import type { EnginePorts } from './server/ports';
import { EngineStore } from './store/store';
import type { FfmpegTools } from './types';

export type { RunningEngine } from './server/app';

export interface StartEngineOptions {
  /** The engine's own folder: engine.json, media/, renders/. Created if missing. */
  dataDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Found with resolveFfmpegTools() when absent (fails fast with AppError 'ffmpeg.missing'). */
  tools?: FfmpegTools;
  /** Per-file upload cap; default 500 MB. Tests set a small one. */
  maxUploadBytes?: number;
  /** /run_sse keep-alive interval; default 15 s. */
  heartbeatMs?: number;
  /** Store write debounce; default 250 ms. */
  storeDebounceMs?: number;
}

export async function startEngine(opts: StartEngineOptions): Promise<RunningEngine> {
  const tools = opts.tools ?? (await resolveFfmpegTools());
  const store = await EngineStore.open(resolve(opts.dataDir), opts.storeDebounceMs === undefined ? {} : { debounceMs: opts.storeDebounceMs });
  const ports: EnginePorts = {
    planner: { emptyHistory, currentDraft, handleMessage },
    probe: (filePath, name) => probeMedia(tools, filePath, name),
    renderQueue: new RenderQueue(tools),
  };
  return startEngineServer({
    store,
    ports,
    config: { maxUploadBytes: opts.maxUploadBytes ?? MAX_UPLOAD_BYTES, heartbeatMs: opts.heartbeatMs ?? 15_000 },
    ...(opts.port === undefined ? {} : { port: opts.port }),
  });
}
