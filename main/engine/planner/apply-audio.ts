/** Background music: one track over the whole video. Layout trims it to the video and adds the default fade out. */
import type { LocalDraft } from '../../../shared/draft';
import type { MediaRecord } from '../types';
import { mediaById, musicSegment, musicTrack, nextSegmentId } from './draft-model';
import type { OpOf } from './ops';
import { done, failed, type Outcome } from './outcome';
import { percent } from './said';

const VOLUME_STEP = 0.15;
const MIN_AUDIBLE = 0.05;

const noMusic = (): Outcome => failed('There is no background music yet. Upload an audio file and say "add background music".', '还没有背景音乐。上传一个音频文件，然后说“加背景音乐”。');

export function addMusic(draft: LocalDraft, op: OpOf<'add_music'>, media: readonly MediaRecord[]): Outcome {
  const record = mediaById(media, op.media);
  if (!record || record.kind !== 'audio') return failed(`${op.media} is not an uploaded audio file.`, `${op.media} 不是已上传的音频文件。`);
  const m: NonNullable<ReturnType<typeof musicSegment>>['m'] = { src: record.id, name: record.name, in: 0, vol: op.vol, duck: op.duck };
  if (op.fadeInMs !== undefined) m.fadeIn = op.fadeInMs;
  if (op.fadeOutMs !== undefined) m.fadeOut = op.fadeOutMs;
  musicTrack(draft).sg = [{ id: nextSegmentId(draft), s: 0, d: record.durationMs, m }];
  return done();
}

export function setMusic(draft: LocalDraft, op: OpOf<'set_music'>): Outcome {
  const music = musicSegment(draft);
  if (!music) return noMusic();
  if (op.vol !== undefined) music.m.vol = Math.min(1, Math.max(0, op.vol));
  if (op.fadeInMs !== undefined) music.m.fadeIn = op.fadeInMs;
  if (op.fadeOutMs !== undefined) music.m.fadeOut = op.fadeOutMs;
  if (op.duck !== undefined) music.m.duck = op.duck;
  return done();
}

export function nudgeMusic(draft: LocalDraft, op: OpOf<'nudge_music'>): Outcome {
  const music = musicSegment(draft);
  if (!music) return noMusic();
  const stepped = music.m.vol + (op.dir === 'up' ? VOLUME_STEP : -VOLUME_STEP);
  music.m.vol = Math.round(Math.min(1, Math.max(MIN_AUDIBLE, stepped)) * 100) / 100;
  return done({ en: `The music is now at ${percent(music.m.vol)}.`, zh: `背景音乐现在是 ${percent(music.m.vol)}。` });
}

export function removeMusic(draft: LocalDraft): Outcome {
  if (!musicSegment(draft)) return noMusic();
  musicTrack(draft).sg = [];
  return done();
}
