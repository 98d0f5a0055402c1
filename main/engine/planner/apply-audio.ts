/** Background music: one track over the whole video. Layout trims it to the video and adds the default fade out. */
import type { LocalDraft } from '../../../shared/draft';
import type { MediaRecord } from '../types';
import { mediaById, musicSegment, musicTrack, nextSegmentId } from './draft-model';
import type { OpOf } from './ops';
import { done, failed, type Outcome } from './outcome';
import { percent } from './said';

/** "quieter" / "louder" scale the level (about −3 dB / +3 dB), so two steps never jump from soft to silent. */
const STEP_DOWN = 0.7;
const STEP_UP = 1.4;
const MIN_AUDIBLE = 0.05;
/** "louder" from muted starts here, as ×1.4 of nothing would stay silent. */
const UNMUTED_START = 0.1;

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
  const was = music.m.vol;
  const stepped = op.dir === 'up' ? Math.max(UNMUTED_START, was * STEP_UP) : was * STEP_DOWN;
  music.m.vol = Math.round(Math.min(1, Math.max(MIN_AUDIBLE, stepped)) * 100) / 100;
  if (music.m.vol === was) {
    return op.dir === 'up'
      ? failed('The music is already at full volume (100%).', '背景音乐已经是最大音量（100%）。')
      : failed(`The music is already at the lowest audible level (${percent(was)}); say "mute the music" to silence it.`, `背景音乐已经是能听到的最低音量（${percent(was)}）；可以说“音乐静音”。`);
  }
  return done();
}

export function removeMusic(draft: LocalDraft): Outcome {
  if (!musicSegment(draft)) return noMusic();
  musicTrack(draft).sg = [];
  return done();
}
