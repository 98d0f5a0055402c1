/** Speed: "2x", "twice as fast", "slow motion", "speed up clip 2", "half speed", 2倍速, 慢动作. */
import type { ClipSet } from '../ops';
import { clipRefs } from './slots';
import { hit, type Rule } from './rule';

const SPEED_WORD =
  /\b\d+(?:\.\d+)?\s*x\b|\bx\s*\d+(?:\.\d+)?\b|\bspeed\b|\bsped\b|\bfaster\b|\bslower\b|\bslow[ -]?mo(?:tion)?\b|\bslowmo\b|\btimes (?:faster|slower|as fast)\b|\bas fast\b|\btime[ -]?lapse\b|\bfast[ -]?forward\b|\bslow (?:it |them |clip \d+ |the \w+ )?down\b|倍速|倍快|倍慢|慢动作|慢镜头|加速|减速|放慢|快进|快放|慢放|变快|变慢|速度/;

function factor(text: string): number | undefined {
  const x = /(\d+(?:\.\d+)?)\s*x\b|\bx\s*(\d+(?:\.\d+)?)\b|(\d+(?:\.\d+)?)\s*倍速?|(\d+(?:\.\d+)?)\s*times (?:faster|as fast|speed)/.exec(text);
  const n = x ? Number(x[1] ?? x[2] ?? x[3] ?? x[4]) : undefined;
  if (n !== undefined && /\bslower\b|倍慢|慢\s*\d/.test(text) && n > 1) return 1 / n;
  if (n !== undefined && n > 0) return n;
  const slowerBy = /(\d+(?:\.\d+)?)\s*times slower/.exec(text);
  if (slowerBy) return 1 / Number(slowerBy[1]);
  if (/\b(?:normal|original|regular|real)[ -]?(?:speed|time|pace)\b|正常速度|原速|恢复速度/.test(text)) return 1;
  if (/\bquarter[ -]speed\b/.test(text)) return 0.25;
  if (/\bhalf[ -]speed\b|\bhalf as fast\b|\bslow[ -]?mo(?:tion)?\b|\bslowmo\b|慢动作|慢镜头/.test(text)) return 0.5;
  if (/\btwice as fast\b|\bdouble[ -]speed\b|\bdouble (?:the )?speed\b|\bdouble time\b/.test(text)) return 2;
  if (/\btime[ -]?lapse\b|\bfast[ -]?forward\b|快进/.test(text)) return 4;
  if (/\bspeed (?:\w+ )*up\b|\bfaster\b|\bquicker\b|加速|变快|快放|快一点|快点/.test(text)) return 1.5;
  if (/\bslow (?:\w+ )*down\b|\bslower\b|减速|放慢|变慢|慢放|慢一点|慢点/.test(text)) return 0.75;
  return undefined;
}

export const speedRule: Rule = (clause, ctx) => {
  const text = clause.text;
  if (!SPEED_WORD.test(text)) return undefined;
  const value = factor(text);
  if (value === undefined) return undefined;
  const refs: ClipSet[] = clipRefs(text, ctx).map((f) => f.value);
  const targets: ClipSet[] = refs.length > 0 ? refs : ['all'];
  return hit(targets.map((clips) => ({ op: 'set_speed', clips, factor: Math.round(value * 1000) / 1000 })));
};

/** Slow zoom on stills ("Ken Burns"): "add a slow zoom to the photos", "no zoom", 图片缓慢放大. */
export const zoomRule: Rule = (clause, ctx) => {
  const text = clause.text;
  if (/transition|转场|过渡/.test(text)) return undefined;
  const about = /\bken burns\b|\bslow(?:ly)? zoom(?:ing)?\b|\bzoom(?:ing)? (?:in )?(?:slowly )?(?:on|into)\b|\bpan and zoom\b|\bzoom effect\b|\bzoom\b.*\b(?:photos?|images?|pictures?|stills?)\b|缓慢放大|慢慢放大|缓慢推近|推近效果|缩放效果|图片.*(?:放大|缩放|推近)|\b(?:no|remove|stop|turn off|disable|without)\b.*\bzoom\b|去掉.*缩放|取消.*放大/;
  if (!about.test(text)) return undefined;
  const off = /\b(?:no|remove|stop|without|turn off|disable|don't)\b|去掉|取消|不要|关闭/.test(text);
  const refs: ClipSet[] = clipRefs(text, ctx).map((f) => f.value);
  const targets: ClipSet[] = refs.length > 0 ? refs : ['images'];
  return hit(targets.map((clips) => ({ op: 'set_zoom', clips, zoom: off ? 0 : 1 })));
};
