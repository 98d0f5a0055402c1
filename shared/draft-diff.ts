/**
 * What one change did to the timeline, in sentences for people ("Trimmed clip 2 to 5s"), plus the ids of the
 * segments to highlight. Works on any value: cloud drafts are read through the tolerant accessors of draft.ts
 * and unknown changes still produce a sentence rather than silence.
 */
import {
  TRACK_AUDIO,
  TRACK_TEXT,
  TRACK_VIDEO,
  formatSeconds,
  readDraft,
  segmentDuration,
  segmentLabel,
  segmentStart,
  segmentVolumePercent,
  type Draft,
  type Segment,
  type Track,
} from './draft';

export interface DraftDiff {
  sentences: string[];
  changedIds: string[];
}

interface Located {
  seg: Segment;
  track: Track;
  /** 0-based position in its track. */
  index: number;
  key: string;
}

type Kind = 'clip' | 'music' | 'text' | 'other';

function kindOf(track: Track): Kind {
  if (track.tt === TRACK_VIDEO) return 'clip';
  if (track.tt === TRACK_AUDIO) return 'music';
  if (track.tt === TRACK_TEXT) return 'text';
  return 'other';
}

/** Tracks without ids are keyed by type and order, so "the 2nd text track" matches across versions. */
function locate(draft: Draft): Located[] {
  const seenPerType = new Map<string, number>();
  return draft.t.flatMap((track) => {
    const type = String(track.tt ?? '?');
    const ordinal = seenPerType.get(type) ?? 0;
    seenPerType.set(type, ordinal + 1);
    const trackKey = track.id ?? `tt${type}#${ordinal}`;
    return track.sg.map((seg, index) => ({
      seg,
      track,
      index,
      key: seg.id ? `id:${seg.id}` : `pos:${trackKey}:${index}`,
    }));
  });
}

/** JSON with sorted keys, so key order never counts as a change. Cycles and bigints cannot make it throw. */
function stable(value: unknown, seen: Set<object> = new Set()): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  if (seen.has(value)) return '"[cycle]"';
  seen.add(value);
  const text = Array.isArray(value)
    ? `[${value.map((item) => stable(item, seen)).join(',')}]`
    : `{${Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${JSON.stringify(k)}:${stable(v, seen)}`)
        .join(',')}}`;
  seen.delete(value);
  return text;
}

const meta = (seg: Segment, key: string): unknown => seg.m?.[key];
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const range = (seg: Segment): string => {
  const start = segmentStart(seg);
  return `${formatSeconds(start)}-${formatSeconds(start + segmentDuration(seg))}s`;
};

function clipName(loc: Located): string {
  const label = segmentLabel(loc.seg);
  return label === 'segment' ? `clip ${loc.index + 1}` : `clip ${loc.index + 1} (${label})`;
}

function textName(seg: Segment): string {
  return `${meta(seg, 'role') === 'overlay' ? 'the text' : 'the title'} "${segmentLabel(seg)}"`;
}

function transitionType(seg: Segment): string | undefined {
  const tr = meta(seg, 'tr');
  if (typeof tr !== 'object' || tr === null) return undefined;
  const type = (tr as { type?: unknown }).type;
  return typeof type === 'string' && type !== '' ? type : 'transition';
}

function describeAdded(loc: Located): string[] {
  const { seg } = loc;
  switch (kindOf(loc.track)) {
    case 'clip': {
      const tr = transitionType(seg);
      return [`Added ${clipName(loc)}`, ...(tr ? [`Added a ${tr} transition before clip ${loc.index + 1}`] : [])];
    }
    case 'music': {
      const volume = segmentVolumePercent(seg);
      return [`Added background music "${segmentLabel(seg)}"${volume === undefined ? '' : ` at ${volume}%`}`];
    }
    case 'text':
      return [`Added ${meta(seg, 'role') === 'overlay' ? 'text' : 'a title'} "${segmentLabel(seg)}" at ${range(seg)}`];
    default:
      return [`Added a segment "${segmentLabel(seg)}"`];
  }
}

function describeRemoved(loc: Located): string {
  switch (kindOf(loc.track)) {
    case 'clip':
      return `Removed ${clipName(loc)}`;
    case 'music':
      return `Removed the background music "${segmentLabel(loc.seg)}"`;
    case 'text':
      return `Removed ${textName(loc.seg)}`;
    default:
      return `Removed a segment "${segmentLabel(loc.seg)}"`;
  }
}

function describeTransition(before: Segment, after: Segment, position: number): string[] {
  const was = transitionType(before);
  const now = transitionType(after);
  if (stable(meta(before, 'tr')) === stable(meta(after, 'tr'))) return [];
  if (!was && now) return [`Added a ${now} transition before clip ${position}`];
  if (was && !now) return [`Removed the transition before clip ${position}`];
  return [`Changed the transition before clip ${position} to ${now ?? 'another one'}`];
}

function describeClipChange(before: Located, after: Located): string[] {
  const position = after.index + 1;
  const sentences: string[] = [];
  const speed = num(meta(after.seg, 'speed'));
  if (num(meta(before.seg, 'speed')) !== speed) {
    sentences.push(`Changed the speed of clip ${position} to ${speed ?? 1}x`);
  } else {
    const was = segmentDuration(before.seg);
    const now = segmentDuration(after.seg);
    if (now < was || (now === was && meta(before.seg, 'in') !== meta(after.seg, 'in'))) {
      sentences.push(`Trimmed clip ${position} to ${formatSeconds(now)}s`);
    } else if (now > was) {
      sentences.push(`Extended clip ${position} to ${formatSeconds(now)}s`);
    }
  }
  const volume = segmentVolumePercent(after.seg);
  if (segmentVolumePercent(before.seg) !== volume && volume !== undefined) {
    sentences.push(`Changed the volume of clip ${position} to ${volume}%`);
  }
  return [...sentences, ...describeTransition(before.seg, after.seg, position)];
}

function describeFade(before: Segment, after: Segment, key: 'fadeIn' | 'fadeOut', name: string): string[] {
  const was = num(meta(before, key));
  const now = num(meta(after, key));
  if (was === now) return [];
  if (!now) return [`Removed the music ${name}`];
  return [was ? `Changed the music ${name} to ${formatSeconds(now)}s` : `Added a ${formatSeconds(now)}s ${name} to the music`];
}

function describeMusicChange(before: Segment, after: Segment): string[] {
  const sentences: string[] = [];
  const volume = segmentVolumePercent(after);
  if (segmentVolumePercent(before) !== volume && volume !== undefined) sentences.push(`Changed the music volume to ${volume}%`);
  sentences.push(...describeFade(before, after, 'fadeIn', 'fade-in'), ...describeFade(before, after, 'fadeOut', 'fade-out'));
  if (segmentDuration(before) !== segmentDuration(after)) {
    sentences.push(`Changed the music length to ${formatSeconds(segmentDuration(after))}s`);
  }
  return sentences;
}

function describeTextChange(before: Segment, after: Segment): string[] {
  const sentences: string[] = [];
  if (segmentLabel(before) !== segmentLabel(after)) {
    sentences.push(`Changed ${textName(before)} to "${segmentLabel(after)}"`);
  }
  if (segmentStart(before) !== segmentStart(after)) {
    sentences.push(`Moved ${textName(after)} to ${range(after)}`);
  } else if (segmentDuration(before) !== segmentDuration(after)) {
    sentences.push(`Made ${textName(after)} show at ${range(after)}`);
  }
  return sentences;
}

/** A segment's content apart from where the timeline happens to place it (ripple from earlier edits). */
function content(loc: Located): string {
  if (kindOf(loc.track) === 'text' || kindOf(loc.track) === 'other') return stable(loc.seg);
  const { s: _s, ...rest } = loc.seg as Record<string, unknown>;
  return stable(rest);
}

function describeChange(before: Located, after: Located): string[] {
  if (content(before) === content(after)) return [];
  let specific: string[];
  switch (kindOf(after.track)) {
    case 'clip':
      specific = describeClipChange(before, after);
      break;
    case 'music':
      specific = describeMusicChange(before.seg, after.seg);
      break;
    case 'text':
      specific = describeTextChange(before.seg, after.seg);
      break;
    default:
      specific = [];
  }
  if (specific.length > 0) return specific;
  switch (kindOf(after.track)) {
    case 'clip':
      return [`Changed ${clipName(after)}`];
    case 'music':
      return [`Changed the background music "${segmentLabel(after.seg)}"`];
    case 'text':
      return [`Restyled ${textName(after.seg)}`];
    default:
      return [`Changed a segment "${segmentLabel(after.seg)}"`];
  }
}

/** Indices (into `values`) of a longest increasing subsequence: the clips that kept their relative order. */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] ?? 0] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i] ?? -1) kept.add(i);
  return kept;
}

/** Clips matched by id whose order relative to the others changed. */
function movedClips(pairs: Array<[Located, Located]>): Array<[Located, Located]> {
  const byTrack = new Map<Track, Array<[Located, Located]>>();
  for (const pair of pairs) {
    if (kindOf(pair[1].track) !== 'clip' || !pair[1].key.startsWith('id:') || pair[0].track.tt !== pair[1].track.tt) continue;
    byTrack.set(pair[1].track, [...(byTrack.get(pair[1].track) ?? []), pair]);
  }
  return [...byTrack.values()].flatMap((trackPairs) => {
    const inAfterOrder = [...trackPairs].sort((a, b) => a[1].index - b[1].index);
    const kept = longestIncreasing(inAfterOrder.map(([before]) => before.index));
    return inAfterOrder.filter((_pair, i) => !kept.has(i));
  });
}

function describeDraftLevel(before: Draft, after: Draft): string[] {
  const sentences: string[] = [];
  const width = num(after.m?.width);
  const height = num(after.m?.height);
  if (width && height && (width !== num(before.m?.width) || height !== num(before.m?.height))) {
    sentences.push(`Changed the canvas to ${width}x${height}`);
  }
  const title = after.m?.title;
  if (typeof title === 'string' && title.trim() !== '' && before.m?.title !== undefined && title !== before.m.title) {
    sentences.push(`Renamed the video to "${title}"`);
  }
  const hadContent = before.t.some((track) => track.sg.length > 0);
  const length = num(after.d);
  if (hadContent && length !== undefined && num(before.d) !== undefined && length !== before.d) {
    sentences.push(`Changed the total length to ${formatSeconds(length)}s`);
  }
  return sentences;
}

export function diffDrafts(beforeValue: unknown, afterValue: unknown): DraftDiff {
  const before = readDraft(beforeValue);
  const after = readDraft(afterValue);
  const beforeSegs = locate(before);
  const afterSegs = locate(after);
  const beforeByKey = new Map(beforeSegs.map((loc) => [loc.key, loc]));
  const afterKeys = new Set(afterSegs.map((loc) => loc.key));

  const removed = beforeSegs.filter((loc) => !afterKeys.has(loc.key));
  const added = afterSegs.filter((loc) => !beforeByKey.has(loc.key));
  const pairs = afterSegs.flatMap((loc): Array<[Located, Located]> => {
    const match = beforeByKey.get(loc.key);
    return match ? [[match, loc]] : [];
  });
  const modified = pairs.map(([b, a]) => ({ after: a, sentences: describeChange(b, a) })).filter((m) => m.sentences.length > 0);
  const moved = movedClips(pairs);

  const sentences = [
    ...removed.map(describeRemoved),
    ...added.flatMap(describeAdded),
    ...modified.flatMap((m) => m.sentences),
    ...moved.map(([b, a]) => `Moved clip ${b.index + 1} to position ${a.index + 1}`),
    ...describeDraftLevel(before, after),
  ];
  if (sentences.length === 0 && stable(beforeValue ?? null) !== stable(afterValue ?? null)) {
    sentences.push('Updated the timeline');
  }

  const changed = new Set<Located>([...added, ...modified.map((m) => m.after), ...moved.map(([, a]) => a)]);
  const changedIds = afterSegs.filter((loc) => changed.has(loc) && loc.seg.id).map((loc) => loc.seg.id as string);
  return { sentences, changedIds };
}
