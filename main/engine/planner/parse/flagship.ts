/**
 * The "make me a video" recipe: "combine these clips into a 60-second promo video with transitions and text
 * overlays", "make a 30 second video", "做一个60秒的宣传视频，加转场和文字". It builds the whole edit: every uploaded
 * image and clip in upload order, transitions everywhere, a title and overlays, background music, and the length.
 * Other clauses of the same message adjust the recipe (a named transition, quoted texts, a music level).
 */
import { inUploadOrder, stem, textSegments, videoSegments } from '../draft-model';
import { DEFAULT_MUSIC_FADE_MS, DEFAULT_MUSIC_VOLUME, DEFAULT_TRANSITION, DEFAULT_TRANSITION_MS, type Op, type TransitionType } from '../ops';
import type { Said } from '../outcome';
import { anyClipHasAudio } from './rules-audio';
import { transitionType } from './rules-transitions';
import { defaultOverlays, defaultTitle, overlayNote } from './rules-text';
import { firstDuration, mentionedMedia } from './slots';
import type { ParseContext } from './rule';

const EN_BUILD =
  /\b(?:combine|merge|join|stitch|compile|assemble|put together|edit together|cut together|turn|make|create|build|produce|generate|render|edit|cut|want|need|give me|i'd like|do)\b[^.;!?]*?\b(?:a|an|one|me a|me an|us a|into a|into an)\b[^.;!?]{0,50}?\b(?:video|promo|promotional|montage|reel|trailer|teaser|ad|advert|advertisement|commercial|highlights?(?: reel)?|slideshow|slide show|movie|film|recap|compilation|vlog|short|story|edit|cut|version)\b/;
const EN_COMBINE = /\b(?:combine|merge|join|stitch|compile|assemble|put together|edit together|cut together)\b[^.;!?]*\b(?:clips?|videos?|them|these|those|everything|media|photos|images|files|footage|all)\b/;
const ZH_BUILD = /(?:做|制作|生成|剪|合成|拼|弄|搞|创建|来|出)(?:1)?(?:个|段|支|条|部)?[^，。；！？]{0,14}(?:视频|宣传片|宣传视频|短片|片子|影片|混剪|vlog|广告|预告|短视频|合集)/;
const ZH_COMBINE = /(?:把|将)?(?:这些|所有|全部|我的|所有的)(?:片段|素材|视频|图片|照片|文件)[^，。；！？]{0,8}(?:合成|拼接|拼成|剪成|做成|合并|串起来|连起来|组合)|(?:合成|拼接|合并)(?:这些|所有|全部)/;

export function isBuildRequest(text: string): boolean {
  // "make the video 30 seconds" / "make it vertical" edit the existing video; a new one is "a"/"an" video.
  return EN_BUILD.test(text) || EN_COMBINE.test(text) || ZH_BUILD.test(text) || ZH_COMBINE.test(text);
}

const KIND_TITLES: Array<[RegExp, string, string]> = [
  [/\bpromo(?:tional)?\b|宣传/, 'Promo', '宣传片'],
  [/\btrailer\b|\bteaser\b|预告/, 'Trailer', '预告片'],
  [/\bhighlights?\b|精彩|集锦/, 'Highlights', '精彩集锦'],
  [/\brecap\b|回顾/, 'Recap', '回顾'],
  [/\bslide ?show\b|相册/, 'Slideshow', '相册'],
  [/\bad\b|\badvert(?:isement)?\b|\bcommercial\b|广告/, 'Ad', '广告'],
  [/\bvlog\b/, 'Vlog', 'Vlog'],
];

const CAMERA_NAME = /^(?:img|dsc|dscn|vid|mov|pxl|gopr|gh\d|mvi|screen|clip|video|image|photo|untitled)?[\s_-]*\d*$/i;

function prettyName(name: string): string | undefined {
  const words = stem(name).replace(/[_-]+/g, ' ').trim();
  // One- or two-letter names ("a.mp4") make a title that reads like a typo.
  if ((words.match(/\p{L}/gu) ?? []).length < 3 || CAMERA_NAME.test(words) || words.length > 40) return undefined;
  return words.replace(/\b\p{Ll}/gu, (ch) => ch.toUpperCase());
}

/** The default title and why it was chosen: the project title, the kind of video asked for, or the first clip's name. */
function titleFor(text: string, ctx: ParseContext, firstName: string | undefined, zh: boolean): { text: string; why: Said } {
  if (typeof ctx.draft.m.title === 'string' && ctx.draft.m.title.trim() !== '') return defaultTitle(ctx.draft, zh);
  const kind = KIND_TITLES.find(([pattern]) => pattern.test(text));
  if (kind) {
    const t = zh ? kind[2] : kind[1];
    return { text: t, why: { en: `the kind of video you asked for`, zh: '你要的视频类型' } };
  }
  const pretty = firstName === undefined ? undefined : prettyName(firstName);
  if (pretty) return { text: pretty, why: { en: 'the first clip’s name', zh: '第一个片段的名字' } };
  return defaultTitle(ctx.draft, zh);
}

export interface BuildOptions {
  text: string;
  zh: boolean;
  /** Texts given in quotes in the message: the first is the title, the rest overlays. */
  quotes: string[];
  /** Adjustments from the other clauses of the same message. */
  transition?: { type: TransitionType; ms: number };
  noTransitions?: boolean;
  lengthMs?: number;
  titleText?: string;
  overlayTexts?: string[];
  noText?: boolean;
  music?: { media?: string; vol?: number };
  noMusic?: boolean;
}

export function buildOps(opts: BuildOptions, ctx: ParseContext): { ops: Op[]; notes: Said[] } {
  const notes: Said[] = [];
  const ops: Op[] = [];
  const uploaded = inUploadOrder(ctx.media);
  const visual = uploaded.filter((m) => m.kind !== 'audio');
  const onTimeline = new Set(videoSegments(ctx.draft).map((seg) => seg.m.src));
  const missing = visual.filter((m) => !onTimeline.has(m.id));
  if (missing.length > 0) ops.push({ op: 'add_clips', media: missing.map((m) => m.id) });
  const clipCount = onTimeline.size + missing.length;
  if (clipCount === 0) {
    notes.push({ en: 'There are no images or clips in the project yet. Upload some, then ask again.', zh: '项目里还没有图片或视频。请先上传，再试一次。' });
    return { ops: [], notes };
  }
  if (!opts.noTransitions && clipCount > 1) {
    const named = /transition|转场|过渡/.test(opts.text) ? transitionType(opts.text.replace(/\bzoom\b/, '')) : undefined;
    ops.push({ op: 'set_transition', into: 'all', type: opts.transition?.type ?? named ?? DEFAULT_TRANSITION, ms: opts.transition?.ms ?? DEFAULT_TRANSITION_MS });
  }
  const lengthMs = opts.lengthMs ?? firstDuration(opts.text);
  if (lengthMs !== undefined) ops.push({ op: 'fit_total', ms: lengthMs });
  if (!opts.noText) {
    const firstName = videoSegments(ctx.draft)[0]?.m.name ?? missing[0]?.name;
    const quoted = [...opts.quotes];
    let title = opts.titleText ?? quoted.shift();
    if (opts.titleText !== undefined && quoted[0] === opts.titleText) quoted.shift();
    const existing = textSegments(ctx.draft).find((seg) => seg.m.role === 'title')?.m.text;
    if (title === undefined && existing !== undefined) {
      // The title already on the video was chosen (or accepted) by the user; a new build keeps it.
      title = existing;
      notes.push({ en: `Kept the title "${existing}" that was already on the video.`, zh: `保留了视频上已有的标题“${existing}”。` });
    }
    if (title === undefined) {
      const chosen = titleFor(opts.text, ctx, firstName, opts.zh);
      title = chosen.text;
      notes.push({ en: `Title: "${title}" (from ${chosen.why.en}); say change the title to "…" to use your own.`, zh: `标题用了“${title}”（来自${chosen.why.zh}）；可以说：把标题改成“……”。` });
    }
    ops.push({ op: 'add_text', role: 'title', text: title, pos: 'center', startMs: 0, ms: 3000 });
    let overlays = opts.overlayTexts ?? quoted;
    if (overlays.length === 0 && clipCount > 1) {
      overlays = defaultOverlays(opts.zh, ctx, clipCount);
      notes.push(overlayNote(opts.zh, overlays));
    }
    if (overlays.length > 0) ops.push({ op: 'set_overlays', texts: overlays });
  }
  if (!opts.noMusic) {
    const audio = opts.music?.media ?? mentionedMedia(opts.text, ctx.media).find((f) => f.value.kind === 'audio')?.value.id ?? uploaded.find((m) => m.kind === 'audio')?.id;
    if (audio !== undefined) {
      ops.push({ op: 'add_music', media: audio, vol: opts.music?.vol ?? DEFAULT_MUSIC_VOLUME, duck: anyClipHasAudio(ctx), fadeOutMs: DEFAULT_MUSIC_FADE_MS });
    } else {
      notes.push({ en: 'No music yet: upload an audio file and say "add background music".', zh: '还没有音乐：上传一个音频文件，然后说“加背景音乐”。' });
    }
  }
  return { ops, notes };
}
