import {
  TRACK_AUDIO, TRACK_TEXT, TRACK_VIDEO, readDraft, segmentDuration, segmentLabel, segmentStart, segmentVolumePercent,
  transitionSchema, type Track,
} from '../../../shared/draft';

export type TrackKind = 'video' | 'audio' | 'text' | 'title' | 'other';

export interface SegmentBox {
  key: string;
  id: string | undefined;
  label: string;
  /** Text content of a text segment (also its label). */
  text: string | undefined;
  startMs: number;
  endMs: number;
  /** Position and size as a percentage of the whole timeline. */
  left: number;
  width: number;
  /** Row within the track when segments overlap (titles over overlays), 0 = first. */
  lane: number;
  volume: number | undefined;
  /** The transition from the previous segment into this one. */
  transition: { type: string; durationMs: number } | undefined;
  changed: boolean;
}

export interface TrackRow {
  key: string;
  kind: TrackKind;
  lanes: number;
  segments: SegmentBox[];
}

export interface TimelineLayout {
  durationMs: number;
  rows: TrackRow[];
  /** Tick positions in ms for the ruler. */
  ticks: number[];
}

function kindOf(track: Track): TrackKind {
  if (track.tt === TRACK_VIDEO) return 'video';
  if (track.tt === TRACK_AUDIO) return 'audio';
  if (track.tt === TRACK_TEXT) return track.sg.every((seg) => seg.m?.role === 'overlay') ? 'text' : 'title';
  return 'other';
}

/** A tick every 1, 2, 5, 10, 15, 30 or 60 s so that about 6–12 labels fit. */
export function tickStep(durationMs: number): number {
  const steps = [1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000];
  return steps.find((step) => durationMs / step <= 12) ?? 600_000;
}

/**
 * Lanes for overlapping segments. Video clips overlap on purpose during a transition, so an overlap no longer
 * than the incoming transition stays in the same lane.
 */
function assignLanes(boxes: Array<Omit<SegmentBox, 'lane'>>): { lanes: number; lane: number[] } {
  const laneEnds: number[] = [];
  const lane = boxes.map((box) => {
    const tolerance = box.transition?.durationMs ?? 0;
    let index = laneEnds.findIndex((end) => end <= box.startMs + tolerance);
    if (index === -1) index = laneEnds.push(0) - 1;
    laneEnds[index] = box.endMs;
    return index;
  });
  return { lanes: Math.max(1, laneEnds.length), lane };
}

/** Where every segment goes on screen, computed from any draft (local or cloud) without throwing. */
export function layoutTimeline(draftValue: unknown, changedIds: readonly string[]): TimelineLayout {
  const draft = readDraft(draftValue);
  const tracks = draft.t.filter((track) => track.sg.length > 0);
  const furthest = Math.max(0, ...tracks.flatMap((track) => track.sg.map((seg) => segmentStart(seg) + segmentDuration(seg))));
  const durationMs = Math.max(draft.d ?? 0, furthest) || 1;
  const changed = new Set(changedIds);
  const rows = tracks.map((track, t): TrackRow => {
    const kind = kindOf(track);
    const ordered = track.sg
      .map((seg, index) => ({ seg, index }))
      .sort((a, b) => segmentStart(a.seg) - segmentStart(b.seg));
    const boxes = ordered.map(({ seg, index }, position) => {
      const startMs = segmentStart(seg);
      const endMs = startMs + segmentDuration(seg);
      const tr = transitionSchema.safeParse(seg.m?.tr);
      const isText = kind === 'text' || kind === 'title';
      return {
        key: seg.id ?? `${track.id ?? t}-${index}`,
        id: seg.id,
        label: segmentLabel(seg),
        text: isText ? segmentLabel(seg) : undefined,
        startMs,
        endMs,
        left: (startMs / durationMs) * 100,
        width: ((endMs - startMs) / durationMs) * 100,
        volume: kind === 'audio' || kind === 'video' ? segmentVolumePercent(seg) : undefined,
        transition: tr.success && position > 0 ? { type: tr.data.type, durationMs: tr.data.d } : undefined,
        changed: seg.id !== undefined && changed.has(seg.id),
      };
    });
    const { lanes, lane } = assignLanes(boxes);
    return { key: track.id ?? `track-${t}`, kind, lanes, segments: boxes.map((box, i) => ({ ...box, lane: lane[i] ?? 0 })) };
  });
  const step = tickStep(durationMs);
  const ticks: number[] = [];
  for (let at = 0; at <= durationMs; at += step) ticks.push(at);
  return { durationMs, rows, ticks };
}
