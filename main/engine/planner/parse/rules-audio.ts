/**
 * Background music ("add background music", "music at 35%", "quieter", "fade it out over 3 s", "duck it under
 * speech", "mute the music", 背景音乐) and the clips' own sound ("mute clip 2", "keep the original audio", 原声).
 */
import { inUploadOrder, musicSegment } from '../draft-model';
import { DEFAULT_MUSIC_FADE_MS, DEFAULT_MUSIC_VOLUME, type ClipSet, type Op } from '../ops';
import { clipRefs, firstDuration, level, mentionedMedia } from './slots';
import { cannot, hit, REMOVE_VERB, type Clause, type ParseContext, type Rule } from './rule';

const MUSIC = /\b(?:music|song|songs|soundtrack|bgm|background (?:audio|track|sound)|audio track|tune|beat|backing track)\b|音乐|配乐|背景音|bgm|歌曲|\b歌/;
const ORIGINAL_SOUND = /\b(?:original|clips?'?|videos?'?|own|camera|source|natural|ambient) (?:audio|sound|voices?)\b|\b(?:sound|audio) (?:from|of|in|on) (?:the |all |my )?(?:clips?|videos?)\b|原声|原音|视频声音|片段声音|现场声/;
const MUTE = /\bmute\b|\bsilence\b|\bturn (?:off|out) (?:the )?(?:sound|music|audio|song)\b|\bturn (?:the )?(?:sound|music|audio|song) off\b|静音|关掉声音|关闭声音|无声/;
const UNMUTE = /\bunmute\b|\bturn (?:the )?(?:sound|audio) back on\b|取消静音|恢复声音/;
const DOWN = /\bquiet(?:er)?\b|\bsofter\b|\blower\b|\bturn (?:it |the music )?down\b|\bdown\b|\breduce\b|\bdecrease\b|\bless loud\b|\btoo loud\b|\bnot so loud\b|小一点|小点|小声|调低|降低|调小|轻一点|轻点|太大声|太吵/;
const UP = /\blouder\b|\bturn (?:it |the music )?up\b|\braise\b|\bincrease\b|\bboost\b|\bup\b|\bmore audible\b|\btoo quiet\b|大一点|大点|大声|调高|提高|调大|太小/;
const VOLUME_WORD = /\bvolume\b|\blevel\b|%|\bpercent\b|音量|声音/;
const DUCK_OFF = /(?:don't|do not|no|stop|without|turn off|disable)\s+(?:the\s+)?duck(?:ing)?|不要(?:自动)?压低|取消(?:自动)?压低|关闭(?:自动)?压低/;
const DUCK_ON = /\bduck(?:ing|ed)?\b|\bsidechain\b|(?:under|below|beneath|behind) (?:the )?(?:speech|voices?|talking|dialog(?:ue)?|narration|people talking|speaking)|when (?:people|someone|they|i) (?:talk|speak)|(?:hear|keep) (?:the )?(?:speech|voices?|talking|dialog(?:ue)?) (?:clearly|audible)|压低|避让|人声|说话时/;
const ADD_VERB = /\b(?:add|use|put|play|include|insert|throw in|set|give|want|need|apply|attach|lay|score)\b|加|添|用|配|放|来点/;

function fade(text: string, which: 'in' | 'out'): number | undefined {
  const words = which === 'in' ? /fade[ -]?in|fades? (?:it |the music |them )?in\b|淡入|渐入|渐强/ : /fade[ -]?out|fades? (?:it |the music |them )?out\b|淡出|渐出|渐弱/;
  const m = words.exec(text);
  if (!m) return undefined;
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
  const before = text.slice(Math.max(0, m.index - 14), m.index);
  if (/\b(?:no|without|don't|do not|remove)\b[\w\s]*$|不要|去掉|取消/.test(before)) return 0;
  const next = which === 'in' ? /fade[ -]?out|\bout\b|淡出/.exec(after) : /fade[ -]?in|淡入/.exec(after);
  return firstDuration(next ? after.slice(0, next.index) : after) ?? DEFAULT_MUSIC_FADE_MS;
}

/** "fade the music in and out over 3 seconds". */
function bothFades(text: string): number | undefined {
  if (!/\bfade (?:it |the music |them )?in and out\b|\bfade in and (?:fade )?out\b|淡入淡出/.test(text)) return undefined;
  return firstDuration(text) ?? DEFAULT_MUSIC_FADE_MS;
}

export function anyClipHasAudio(ctx: ParseContext): boolean {
  return ctx.media.some((m) => m.kind === 'video' && m.hasAudio);
}

interface MusicSettings {
  vol?: number;
  fadeInMs?: number;
  fadeOutMs?: number;
  duck?: boolean;
  nudge?: 'down' | 'up';
}

function settings(text: string): MusicSettings {
  const out: MusicSettings = {};
  if (MUTE.test(text) && !UNMUTE.test(text)) out.vol = 0;
  else {
    const lvl = VOLUME_WORD.test(text) || /\b(?:to|at)\s+\d/.test(text) || /[调到设为]\s*\d/.test(text) ? level(text.replace(/\d+(?:\.\d+)?\s*(?:seconds?|secs?|s\b|ms|秒)/g, ' ')) : undefined;
    if (lvl !== undefined) out.vol = lvl;
    else if (UNMUTE.test(text)) out.vol = DEFAULT_MUSIC_VOLUME;
    // "lower the music when people talk" asks for ducking, not for a quieter track.
    else if (DOWN.test(text) && !/fade|淡/.test(text) && !(DUCK_ON.test(text) && /\blower\b|压低/.test(text))) out.nudge = 'down';
    else if (UP.test(text) && !/fade|淡/.test(text)) out.nudge = 'up';
  }
  const both = bothFades(text);
  const fadeIn = both ?? fade(text, 'in');
  const fadeOut = both ?? fade(text, 'out');
  if (fadeIn !== undefined) out.fadeInMs = fadeIn;
  if (fadeOut !== undefined) out.fadeOutMs = fadeOut;
  if (DUCK_OFF.test(text)) out.duck = false;
  else if (DUCK_ON.test(text)) out.duck = true;
  return out;
}

function musicOps(s: MusicSettings, ctx: ParseContext, addMedia: string | undefined): Op[] {
  const ops: Op[] = [];
  if (addMedia !== undefined) {
    const add: Op = { op: 'add_music', media: addMedia, vol: s.vol ?? DEFAULT_MUSIC_VOLUME, duck: s.duck ?? anyClipHasAudio(ctx) };
    if (s.fadeInMs !== undefined) add.fadeInMs = s.fadeInMs;
    if (s.fadeOutMs !== undefined) add.fadeOutMs = s.fadeOutMs;
    ops.push(add);
    if (s.nudge) ops.push({ op: 'nudge_music', dir: s.nudge });
    return ops;
  }
  const set: Extract<Op, { op: 'set_music' }> = { op: 'set_music' };
  if (s.vol !== undefined) set.vol = s.vol;
  if (s.fadeInMs !== undefined) set.fadeInMs = s.fadeInMs;
  if (s.fadeOutMs !== undefined) set.fadeOutMs = s.fadeOutMs;
  if (s.duck !== undefined) set.duck = s.duck;
  if (Object.keys(set).length > 1) ops.push(set);
  if (s.nudge) ops.push({ op: 'nudge_music', dir: s.nudge });
  return ops;
}

function audioFiles(ctx: ParseContext): string[] {
  return inUploadOrder(ctx.media)
    .filter((m) => m.kind === 'audio')
    .map((m) => m.id);
}

export const musicRule: Rule = (clause, ctx) => {
  const text = clause.text;
  const mentioned = mentionedMedia(text, ctx.media).find((f) => f.value.kind === 'audio')?.value;
  const aboutMusic = MUSIC.test(text) || mentioned !== undefined;
  const current = musicSegment(ctx.draft)?.m.src;
  const hasMusic = current !== undefined;
  // Naming the file that already plays is about that music ("song.mp3 at 20%"), not a request to add it again.
  const named = mentioned?.id === current ? undefined : mentioned;
  // "volume 30%" / "quieter" alone is about the music when there is some and the clips' sound is not named.
  const bareVolume = !aboutMusic && hasMusic && !ORIGINAL_SOUND.test(text) && clipRefs(text, ctx).length === 0 && (VOLUME_WORD.test(text) || /\bquieter\b|\blouder\b|小一点|大一点|小声|大声/.test(text));
  if (!aboutMusic && !bareVolume) return undefined;
  if (REMOVE_VERB.test(text) && !MUTE.test(text) && !/fade|淡|duck|压低/.test(text)) {
    return hasMusic ? hit([{ op: 'remove_music' }]) : cannot('There is no background music to remove.', '没有可以删除的背景音乐。');
  }
  const s = settings(text);
  const modifies = Object.keys(s).length > 0;
  const wantsAdd = named !== undefined || !hasMusic || (ADD_VERB.test(text) && !modifies) || /\b(?:another|different|other) (?:song|music|track)\b|换.{0,3}(?:音乐|歌)/.test(text);
  if (!wantsAdd || (hasMusic && modifies && named === undefined)) return hit(musicOps(s, ctx, undefined));
  const files = audioFiles(ctx);
  const swap = /\b(?:another|different|other|next)\b|换/.test(text) ? files.find((id) => id !== current) : undefined;
  const media = named?.id ?? swap ?? files[0];
  if (media === undefined) {
    return cannot('There is no audio file in the project yet. Upload a music file (mp3, m4a, wav…) and ask again.', '项目里还没有音频文件。请先上传音乐文件（mp3、m4a、wav…）再试。');
  }
  const playing = musicSegment(ctx.draft);
  if (playing && media === playing.m.src && !modifies) {
    // Adding it again would only reset its level and fades.
    return cannot(
      `"${playing.m.name}" is already the background music (at ${Math.round(playing.m.vol * 100)}%). Upload another audio file to change it.`,
      `“${playing.m.name}”已经是背景音乐了（音量 ${Math.round(playing.m.vol * 100)}%）。上传另一个音频文件就能更换。`,
    );
  }
  return hit(musicOps(s, ctx, media));
};

function clipTargets(clause: Clause, ctx: ParseContext): ClipSet[] {
  const refs = clipRefs(clause.text, ctx).map((f) => f.value);
  return refs.length > 0 ? refs : ['all'];
}

export const clipSoundRule: Rule = (clause, ctx) => {
  const text = clause.text;
  const refs = clipRefs(text, ctx);
  const mute = MUTE.test(text) && !UNMUTE.test(text);
  const aboutSound = ORIGINAL_SOUND.test(text) || ((mute || UNMUTE.test(text)) && !MUSIC.test(text)) || (refs.length > 0 && VOLUME_WORD.test(text) && !/\btext|title/.test(text));
  if (!aboutSound) return undefined;
  let vol: number | undefined;
  const given = level(text);
  if (mute || (REMOVE_VERB.test(text) && ORIGINAL_SOUND.test(text))) vol = 0;
  else if (given !== undefined) vol = given;
  else if (UNMUTE.test(text) || /\bkeep\b|保留/.test(text)) vol = 1;
  else vol = DOWN.test(text) ? 0.5 : UP.test(text) ? 1 : undefined;
  if (vol === undefined) return undefined;
  const level01 = vol;
  return hit(clipTargets(clause, ctx).map((clips) => ({ op: 'set_clip_volume', clips, vol: level01 })));
};
