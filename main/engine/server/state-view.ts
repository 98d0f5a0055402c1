/**
 * What the engine shows the client: upload file objects (§3.5) and the session state (§3.7). Pure, so the
 * exact JSON is tested on literal records.
 */
import type { LocalDraft } from '../../../shared/draft';
import type { MediaRecord } from '../types';
import type { SessionRecord, StoredMedia } from '../store/schema';

export interface FileObject {
  id: string;
  filename: string;
  file_type: 'video' | 'image' | 'audio';
  cdn_url: string;
  /** Seconds (§3.5); null for images. */
  duration: number | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  hash: string;
  size: number;
  has_audio: boolean;
}

export function fileObject(media: StoredMedia, cdnUrl: string): FileObject {
  const visual = media.kind !== 'audio';
  return {
    id: media.id,
    filename: media.name,
    file_type: media.kind,
    cdn_url: cdnUrl,
    duration: media.kind === 'image' ? null : Math.round(media.durationMs) / 1000,
    width: visual ? media.width : null,
    height: visual ? media.height : null,
    fps: media.kind === 'video' ? media.fps : null,
    hash: media.hash,
    size: media.size,
    has_audio: media.hasAudio,
  };
}

/** `16:9` from 1920x1080; falls back to `W:H` reduced by their greatest common divisor. */
export function aspectRatio(width: number, height: number): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const d = gcd(Math.round(width), Math.round(height)) || 1;
  return `${Math.round(width) / d}:${Math.round(height) / d}`;
}

export function canvasConfig(draft: LocalDraft): { width: number; height: number; ratio: string; fps: number } {
  return { width: draft.m.width, height: draft.m.height, ratio: aspectRatio(draft.m.width, draft.m.height), fps: draft.m.fps };
}

export function stateView(session: SessionRecord, draft: LocalDraft, files: FileObject[]): Record<string, unknown> {
  return {
    session_id: session.id,
    task_id: session.taskId,
    task_name: session.taskName,
    state: {
      video_infos: files,
      draft,
      canvas_config: canvasConfig(draft),
      video_analyses: {},
      generated_media: [],
      // Local engine extra: lets a client enable its undo/redo buttons without guessing.
      draft_history: { index: session.history.index, versions: session.history.versions.length },
    },
  };
}

/** The planner's view of a session's media, in upload order. */
export function sessionMedia(session: SessionRecord, all: Record<string, StoredMedia>): MediaRecord[] {
  return session.mediaIds.flatMap((id) => {
    const media = all[id];
    if (!media) return [];
    const { sessionId: _sessionId, hash: _hash, ...record } = media;
    return [record];
  });
}
