/**
 * Aspect ratio / canvas ("vertical", "for TikTok", "9:16", "1080x1920", 竖屏) and fit mode ("no cropping",
 * "blurred background", 铺满). These may share a clause with other requests, so they strip what they used.
 */
import type { FitMode } from '../../../../shared/draft';
import { CANVAS_BY_ASPECT, type Aspect, type ClipSet, type Op } from '../ops';
import type { Clause, ParseContext } from './rule';
import { clipRefs } from './slots';

const ASPECT_WORDS: Array<[RegExp, Aspect]> = [
  [/\b9\s*[:x/×]\s*16\b|\bvertical(?:ly)?\b|\bportrait\b|\btiktok\b|\btik tok\b|(?<!highlights? )\breels?\b|\bshorts\b|\b(?:instagram|insta|ig) stor(?:y|ies)\b|\bsnapchat\b|\bphone screen\b|竖屏|竖版|竖的|竖向|抖音|快手|视频号|小红书竖/, '9:16'],
  [/\b4\s*[:x/×]\s*5\b/, '4:5'],
  [/\b1\s*[:x/×]\s*1\b|\bsquare\b|\binstagram(?: feed)? post\b|\binstagram\b|\bfacebook post\b|方形|正方形|方屏|1比1/, '1:1'],
  [/\b16\s*[:x/×]\s*9\b|\bwidescreen\b|\bwide screen\b|\blandscape\b|\bhorizontal(?:ly)?\b|\byoutube\b|横屏|横版|横的|宽屏|横向/, '16:9'],
];

const SIZE = /\b(\d{3,4})\s*[x×*]\s*(\d{3,4})\b/;

export function canvasFrom(clause: Clause): { op?: Op; rest: string } {
  const size = SIZE.exec(clause.text);
  if (size) {
    return { op: { op: 'set_canvas', width: Number(size[1]), height: Number(size[2]) }, rest: clause.text.replace(size[0], ' ') };
  }
  for (const [pattern, aspect] of ASPECT_WORDS) {
    const m = pattern.exec(clause.text);
    // "vertical" in "a vertical wipe" is a direction, not a canvas.
    if (m && !/\b(?:wipe|slide|transition)\b/.test(clause.text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12))) {
      return { op: { op: 'set_canvas', ...CANVAS_BY_ASPECT[aspect] }, rest: clause.text.replace(pattern, ' ') };
    }
  }
  return { rest: clause.text };
}

const FIT_WORDS: Array<[RegExp, FitMode]> = [
  [/blur(?:red|ry)? (?:background|backdrop|bars|sides|edges|fill)|background blur|blur (?:the )?(?:background|sides|edges|bars)|blur fill|模糊背景|背景模糊|模糊填充|虚化背景|背景虚化/, 'contain-blur'],
  [/no crop(?:ping)?|(?:don't|do not|without|never) crop|uncropped|letterbox(?:ed|ing)?|pillarbox(?:ed|ing)?|black bars|fit (?:inside|within|in) the frame|show the whole (?:picture|frame|image|video)|whole (?:picture|image) visible|\bcontain\b|不要裁剪|不裁剪|不要裁切|完整显示|显示完整(?:画面)?|完整画面|加黑边|黑边|留黑边/, 'contain'],
  [/fill the (?:frame|screen)|crop to fill|fill (?:the )?(?:whole )?(?:canvas|screen)|\bcover\b|zoom to fill|full ?screen|no black bars|铺满|填满|裁剪填充|充满画面|全屏/, 'cover'],
];

export function fitFrom(text: string): { mode?: FitMode; rest: string } {
  for (const [pattern, mode] of FIT_WORDS) {
    if (pattern.test(text)) return { mode, rest: text.replace(pattern, ' ') };
  }
  return { rest: text };
}

const IMAGE_GROUP = /\b(?:the |all |all the |every |each |my )?(?:photos?|images?|pictures?|pics|stills)\b|(?:所有|全部|每张)?(?:的)?(?:图片|照片)/;
const VIDEO_GROUP = /\b(?:the |all |all the |every |each |my )?(?:videos|video clips)\b|(?:所有|全部|每个)?(?:的)?视频/;
/** Words left around a fit request that ask for nothing else ("fit the images with a …", "letterbox it"). */
const FIT_FILLER =
  /\b(?:fit|fits|fitting|make|use|using|put|give|show|set|apply|with|on|in|for|to|onto|a|an|the|it|them|its|their|all|every|each|and|please|mode|only|just|also|clips?)\b|把|将|让|给|用|都|的|加|上|也|只|请|[\s,，。]/g;

/**
 * Which clips a fit mode is for: "letterbox clip 2" → [2], "fit the images with a blurred background" → ['images'],
 * otherwise every clip. The words it used are taken out, and when only filler is left the clause asks for nothing else.
 */
export function fitTargets(rest: string, ctx: ParseContext): { sets: ClipSet[]; rest: string } {
  const refs = clipRefs(rest, ctx);
  let left = rest;
  for (const ref of [...refs].reverse()) left = `${left.slice(0, ref.index)} ${left.slice(ref.end)}`;
  let sets: ClipSet[] = refs.map((f) => f.value);
  if (sets.length === 0) {
    if (IMAGE_GROUP.test(left)) sets = ['images'];
    else if (VIDEO_GROUP.test(left)) sets = ['videos'];
    else sets = ['all'];
  }
  left = left.replace(new RegExp(IMAGE_GROUP.source, 'g'), ' ').replace(new RegExp(VIDEO_GROUP.source, 'g'), ' ');
  return { sets, rest: left.replace(FIT_FILLER, '') === '' ? '' : left };
}
