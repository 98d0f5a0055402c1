/** Literal media records for planner tests: the flagship set is 3 clips (10 s with audio, 8 s, 12 s), 2 images, 1 song. */
import type { MediaRecord } from '../../../../main/engine/types';

export function record(n: number, name: string, kind: MediaRecord['kind'], durationMs: number, hasAudio = false): MediaRecord {
  return {
    id: `med_${n}`,
    name,
    kind,
    path: `/data/media/${name}`,
    size: 1000,
    durationMs,
    width: kind === 'audio' ? 0 : 1920,
    height: kind === 'audio' ? 0 : 1080,
    fps: kind === 'audio' ? 0 : 30,
    rotation: 0,
    hasAudio,
    createdAt: 1_700_000_000_000 + n,
  };
}

export const FLAGSHIP_MEDIA: MediaRecord[] = [
  record(1, 'beach.mp4', 'video', 10_000, true),
  record(2, 'city.mp4', 'video', 8_000),
  record(3, 'logo.png', 'image', 0),
  record(4, 'forest.mp4', 'video', 12_000),
  record(5, 'sunset.jpg', 'image', 0),
  record(6, 'song.mp3', 'audio', 90_000, true),
];

/** The QA session's set: short clips (4 s with audio, 3 s silent, 5 s with audio), a landscape and a portrait still, and a
 * 90 s song named with the generic word "music". */
export const QA_MEDIA: MediaRecord[] = [
  record(1, 'clip1.mp4', 'video', 4_000, true),
  record(2, 'photo1.png', 'image', 0),
  record(3, 'clip2.mp4', 'video', 3_000),
  record(4, 'photo2.jpg', 'image', 0),
  record(5, 'clip3.mp4', 'video', 5_000, true),
  record(6, 'music.mp3', 'audio', 90_000, true),
];
