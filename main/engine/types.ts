/**
 * The local engine's internal contracts, shared by its parts: media store, planner, renderer and server.
 */
import type { LocalDraft } from '../../shared/draft';

/** One uploaded file as the engine stores it after ffprobe. */
export interface MediaRecord {
  /** `med_<n>`, unique within the engine's data folder. */
  id: string;
  /** The name the user gave it (shown in the timeline). */
  name: string;
  kind: 'video' | 'image' | 'audio';
  /** Absolute path inside the engine's data folder. */
  path: string;
  size: number;
  /** 0 for images. */
  durationMs: number;
  /** Display size, after rotation metadata is applied (a portrait phone clip is taller than wide). */
  width: number;
  height: number;
  fps: number;
  /** Rotation metadata in degrees (0, 90, 180, 270) as found in the file. */
  rotation: number;
  hasAudio: boolean;
  createdAt: number;
}

/** ffmpeg and ffprobe as found on this machine, with the filters that the renderer adapts to. */
export interface FfmpegTools {
  ffmpeg: string;
  ffprobe: string;
  /** Where they came from: FFMPEG_PATH, PATH or the bundled npm binaries. */
  source: 'env' | 'path' | 'bundled';
  version: string;
  hasXfade: boolean;
  hasDrawtext: boolean;
  hasSidechaincompress: boolean;
}

/** The planner's undoable history: one version per message. Plain data, so it persists as JSON. */
export interface DraftHistory {
  versions: LocalDraft[];
  /** Index of the current version. */
  index: number;
}

/** A tool call the engine reports in the SSE stream (ADK functionCall), one per applied operation. */
export interface PlannerCall {
  name: string;
  args: Record<string, unknown>;
}

export interface PlannerResult {
  history: DraftHistory;
  /** Everything the engine says, ending with the `Timeline (N tracks): …` summary line. */
  reply: string;
  calls: PlannerCall[];
  /** False when nothing in the message could be done (the reply says what can be). */
  understood: boolean;
}

/** What the render queue reports for one job. */
export interface RenderJobStatus {
  id: string;
  status: 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled';
  /** 0–100. */
  progress: number;
  /** 0 = rendering now, n = n jobs ahead of it. */
  queuePosition: number;
  outPath: string;
  error?: string;
  createdAt: number;
  completedAt?: number;
}

export interface RenderRequest {
  draft: LocalDraft;
  media: ReadonlyMap<string, MediaRecord>;
  /** Final path; the renderer writes `<outPath>.part` and renames on success. */
  outPath: string;
  /** Scratch folder for prepared stills; removed afterwards. */
  workDir: string;
  /** Output canvas override (export presets). */
  size?: { width: number; height: number };
}
