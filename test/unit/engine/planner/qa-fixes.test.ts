/**
 * Follow-up prompts from the QA session, end to end through handleMessage on the QA media (short clips, a portrait
 * still and a 90 s "music.mp3"): each test is one finding of the QA report and fails on the code it was found in.
 */
import { describe, expect, it } from 'vitest';
import type { LocalDraft } from '../../../../shared/draft';
import { currentDraft, emptyHistory, handleMessage } from '../../../../main/engine/planner';
import type { DraftHistory, MediaRecord } from '../../../../main/engine/types';
import { QA_MEDIA, record } from './fixtures';

const PROMO_60 = 'combine these clips into a 60-second promo video with transitions and text overlays';
const PROMO_15 = 'combine these clips into a 15-second promo video with transitions and text overlays';

interface Turn {
  history: DraftHistory;
  reply: string;
  calls: string[];
  draft: LocalDraft;
}

function chat(messages: string[], media: MediaRecord[] = QA_MEDIA, start: DraftHistory = emptyHistory()): Turn[] {
  const turns: Turn[] = [];
  let history = start;
  for (const message of messages) {
    const result = handleMessage(history, message, media);
    history = result.history;
    turns.push({ history, reply: result.reply, calls: result.calls.map((c) => c.name), draft: currentDraft(history) });
  }
  return turns;
}

const last = (turns: Turn[]): Turn => turns[turns.length - 1] as Turn;
type Seg = { id: string; s: number; d: number; m: Record<string, unknown> };
const track = (draft: LocalDraft, id: string): Seg[] => (draft.t.find((t) => t.id === id)?.sg ?? []) as unknown as Seg[];
const music = (draft: LocalDraft): Seg | undefined => track(draft, 'a1')[0];
const lengths = (draft: LocalDraft): number[] => track(draft, 'v1').map((seg) => seg.d);
const transitionMs = (draft: LocalDraft): Array<number | undefined> => track(draft, 'v1').slice(1).map((seg) => (seg.m.tr as { d: number } | undefined)?.d);

describe('music named "music.mp3" (P1)', () => {
  it('volume, quieter, louder and fades edit the music that plays instead of adding it again', () => {
    const turns = chat([PROMO_15, 'music volume 10%', 'make the music quieter', 'fade in the music over 3 seconds', 'music volume 20%', 'louder music please']);
    const [, ten, quieter, fadeIn, twenty, louder] = turns;
    const id = music(turns[0]?.draft as LocalDraft)?.id;
    expect(ten?.calls).toEqual(['set_music']);
    expect(music(ten?.draft as LocalDraft)?.m.vol).toBe(0.1);
    expect(quieter?.calls).toEqual(['nudge_music']);
    expect(music(quieter?.draft as LocalDraft)?.m.vol).toBe(0.07);
    expect(fadeIn?.calls).toEqual(['set_music']);
    expect(twenty?.calls).toEqual(['set_music']);
    expect(music(twenty?.draft as LocalDraft)?.m).toMatchObject({ vol: 0.2, fadeIn: 3000, fadeOut: 2000, duck: true });
    expect(louder?.calls).toEqual(['nudge_music']);
    expect(music(louder?.draft as LocalDraft)?.m).toMatchObject({ vol: 0.28, fadeIn: 3000 });
    expect(turns.every((turn) => music(turn.draft)?.id === id)).toBe(true);
    expect(turns.slice(1).some((turn) => /Added background music/.test(turn.reply))).toBe(false);
  });

  it('naming the file that already plays is not a request to add it again', () => {
    const [promo, again] = chat([PROMO_15, 'add music.mp3']);
    expect(again?.history).toBe(promo?.history);
    expect(again?.reply).toMatch(/"music\.mp3" is already the background music \(at 30%\)/);
  });
});

describe('quieter / louder (P3)', () => {
  it('scale the level (×0.7 / ×1.4) and say the new level, also without the word "music"', () => {
    const turns = chat([PROMO_15, 'quieter', 'quieter', 'louder']);
    expect(turns.slice(1).map((turn) => music(turn.draft)?.m.vol)).toEqual([0.21, 0.15, 0.21]);
    expect(turns[1]?.reply).toMatch(/Turned the music down to 21%/);
    expect(turns[3]?.reply).toMatch(/Turned the music up to 21%/);
  });

  it('stops at the lowest audible level and says so instead of silently doing nothing', () => {
    const turns = chat([PROMO_15, 'music volume 5%', 'quieter']);
    expect(last(turns).history).toBe(turns[1]?.history);
    expect(last(turns).reply).toMatch(/already at the lowest audible level \(5%\)/);
  });
});

describe('Chinese "move clip N to the end" (P1)', () => {
  it.each(['第二个片段放到最后', '把第二个片段移到最后'])('%s moves clip 2 last', (message) => {
    const [added, moved] = chat(['use all my clips', message]);
    const before = track(added?.draft as LocalDraft, 'v1').map((seg) => seg.m.name);
    expect(moved?.calls).toEqual(['move_clip']);
    expect(track(moved?.draft as LocalDraft, 'v1').map((seg) => seg.m.name)).toEqual([before[0], ...before.slice(2), before[1]]);
    expect(moved?.reply).not.toMatch(/已经在时间线上/);
  });
});

describe('fitting to a length starts from the clips and transitions as asked (P1)', () => {
  it('60 s → 10 s → 60 s gives back the original promo', () => {
    const turns = chat([PROMO_60, 'make it 10 seconds', 'make it 60 seconds']);
    const [original, short, back] = turns.map((turn) => turn.draft);
    expect(short?.d).toBe(10_000);
    expect(lengths(original as LocalDraft)).toEqual([4000, 25_600, 3000, 25_600, 5000]);
    expect(transitionMs(original as LocalDraft)).toEqual([800, 800, 800, 800]);
    expect(back).toEqual(original);
  });

  it('3 s keeps every image at 1 s or more; two minutes then brings the clips back to their source length', () => {
    const [, three, twoMinutes, trim] = chat([PROMO_60, 'make it 3 seconds', 'make it two minutes', 'trim the first clip to start at 1 second']);
    expect(three?.draft.d).toBe(3000);
    const images = track(three?.draft as LocalDraft, 'v1').filter((seg) => seg.m.kind === 'image');
    expect(images.every((seg) => seg.d >= 1000)).toBe(true);
    expect(twoMinutes?.draft.d).toBe(120_000);
    const clips = track(twoMinutes?.draft as LocalDraft, 'v1').filter((seg) => seg.m.kind === 'video');
    expect(clips.map((seg) => seg.d)).toEqual([4000, 3000, 5000]);
    expect(transitionMs(twoMinutes?.draft as LocalDraft)).toEqual([800, 800, 800, 800]);
    expect(trim?.calls).toEqual(['trim_clip']);
    expect(track(trim?.draft as LocalDraft, 'v1')[0]).toMatchObject({ d: 3000, m: { in: 1000 } });
  });

  it('a trim the user made is kept when the video is fitted again', () => {
    const [, , fitted] = chat(['use all my clips', 'keep only the first 2 seconds of clip 1', 'make it 30 seconds']);
    expect(fitted?.draft.d).toBe(30_000);
    expect(lengths(fitted?.draft as LocalDraft)[0]).toBe(2000);
  });

  it('a transition shortened by a fast clip comes back to its length when the clip slows down again', () => {
    const [, fast, normal] = chat(['use all my clips and add 800 ms fades between all clips', 'speed up clip 1 4x', 'set clip 1 back to normal speed']);
    expect(track(fast?.draft as LocalDraft, 'v1')[1]?.m.tr).toEqual({ type: 'fade', d: 500, req: 800 });
    expect(track(normal?.draft as LocalDraft, 'v1')[1]?.m.tr).toEqual({ type: 'fade', d: 800 });
  });
});

describe('the length the user asked for (P3)', () => {
  it('stays when transitions change, and an edit that changes it says so', () => {
    const [promo, longer, none, speed] = chat([PROMO_60, 'make the transitions 1.5 seconds', 'remove all transitions', 'speed up clip 1 2x']);
    expect(promo?.draft.m.target).toBe(60_000);
    expect(longer?.draft.d).toBe(60_000);
    expect(transitionMs(longer?.draft as LocalDraft)).toEqual([1500, 1500, 1500, 1500]);
    expect(longer?.reply).toMatch(/stays 60 s long/);
    expect(none?.draft.d).toBe(60_000);
    expect(speed?.draft.d).toBe(58_000);
    expect(speed?.draft.m.target).toBeUndefined();
    expect(speed?.reply).toMatch(/now 58 s long \(it was fitted to 60 s\)/);
  });

  it('a new length in the same message replaces the old one without a note about it', () => {
    const [, next] = chat([PROMO_60, 'make it 40 seconds and use dissolve transitions']);
    expect(next?.draft.d).toBe(40_000);
    expect(next?.draft.m.target).toBe(40_000);
    expect(next?.reply).not.toMatch(/60 s/);
  });

  it('repeats music that is shorter than the video, and says so', () => {
    const [short, long] = chat([PROMO_60, 'make it two minutes']);
    expect(short?.reply).not.toMatch(/repeats/);
    expect(long?.reply).toMatch(/"music\.mp3" is shorter than the 120 s video, so it repeats to fill it/);
    const music = track(currentDraft(long!.history), 'a1')[0];
    expect(music?.d).toBe(120000);
    expect(music?.m.loop).toBe(true);
  });
});

describe('text overlays stay readable (P2)', () => {
  const textsAt = (draft: LocalDraft): Seg[] => [...track(draft, 'x1'), ...track(draft, 'x2')];
  const overlapping = (draft: LocalDraft): string[] => {
    const texts = textsAt(draft);
    return texts.flatMap((a, i) =>
      texts.slice(i + 1).filter((b) => a.m.pos === b.m.pos && a.s < b.s + b.d && b.s < a.s + a.d).map((b) => `${String(a.m.text)} / ${String(b.m.text)}`),
    );
  };

  it('a new text replaces the placeholder under it, and moves away from a text of the user’s', () => {
    const turns = chat([PROMO_15, 'add the text "50% off: today only!" at 5 seconds', 'add the text "Hurry" at 5 seconds']);
    const [promo, sale, hurry] = turns;
    expect(overlapping(promo?.draft as LocalDraft)).toEqual([]);
    expect(overlapping(sale?.draft as LocalDraft)).toEqual([]);
    expect(sale?.reply).toMatch(/replaces the placeholder texts? "(?:Discover more|Made for you)/);
    expect(track(sale?.draft as LocalDraft, 'x2').find((seg) => seg.m.text === '50% off: today only!')?.m.pos).toBe('bottom');
    expect(overlapping(hurry?.draft as LocalDraft)).toEqual([]);
    expect(track(hurry?.draft as LocalDraft, 'x2').find((seg) => seg.m.text === 'Hurry')?.m.pos).toBe('top');
    expect(hurry?.reply).toMatch(/The bottom already shows "50% off: today only!" at that time, so I put this text at the top/);
  });
});

describe('fit mode for the clips named (P2)', () => {
  it('"fit the images with a blurred background" changes only the images and understands all of it', () => {
    const [, fit] = chat(['use all my clips', 'fit the images with a blurred background']);
    const segs = track(fit?.draft as LocalDraft, 'v1');
    expect(segs.map((seg) => seg.m.fit)).toEqual([undefined, 'contain-blur', undefined, 'contain-blur', undefined]);
    expect(fit?.draft.m.fit).toBeUndefined();
    expect(fit?.reply).not.toMatch(/didn't understand/);
    expect(fit?.reply).toMatch(/Set every image to fit without cropping on a blurred background/);
  });

  it('"letterbox clip 2" changes clip 2 only', () => {
    const [, fit] = chat(['use all my clips', 'letterbox clip 2']);
    expect(track(fit?.draft as LocalDraft, 'v1').map((seg) => seg.m.fit)).toEqual([undefined, 'contain', undefined, undefined, undefined]);
    expect(fit?.reply).toMatch(/Set clip 2 to fit inside the frame/);
  });
});

describe('replies that were wrong or misleading (P3)', () => {
  it('a promo keeps the title the user already set', () => {
    const [, promo] = chat(['add a title "Empty"', 'combine these clips into a video']);
    expect(track(promo?.draft as LocalDraft, 'x1').map((seg) => seg.m.text)).toEqual(['Empty']);
    expect(promo?.reply).toMatch(/Kept the title "Empty" that was already on the video/);
    expect(promo?.reply).not.toMatch(/placeholder\)/);
  });

  it.each([
    ['add subtitles from the speech', /can't transcribe speech/],
    ['根据语音自动生成字幕', /无法识别语音/],
  ])('"%s" says honestly that speech cannot be transcribed, and how to add text', (message, why) => {
    const [clips, asked] = chat(['use all my clips', message]);
    expect(asked?.history).toBe(clips?.history);
    expect(asked?.reply).toMatch(why);
    expect(asked?.reply).toMatch(/add text "|加文字“/);
  });

  it('在开头 gives the caption its time without a "didn\'t understand" line', () => {
    const [, added] = chat(['use all my clips', '在开头加上字幕“欢迎光临”']);
    expect(track(added?.draft as LocalDraft, 'x2')[0]).toMatchObject({ s: 0, m: { text: '欢迎光临' } });
    expect(added?.reply).not.toMatch(/没能理解/);
  });

  it('speed on an image names the item at that position', () => {
    const [, speed] = chat(['use all my clips', 'speed up clip 2 2x']);
    expect(speed?.reply).toMatch(/Clip 2 \(photo1\.png\) is an image/);
  });
});

describe('a title named in another clause of a build request (lead)', () => {
  const media = [record(1, 'a.mp4', 'video', 4000, true), record(2, 'b.mp4', 'video', 3000), record(3, 'c.png', 'image', 0)];
  it.each([
    ["combine these into a 10 second video with a fade and a title 'Hello World'", 'Hello World'],
    ['combine these into a 10 second video with a fade and a title "Hello World"', 'Hello World'],
    ["combine these into a video with a dissolve, title 'Don't stop'", "Don't stop"],
    ["make a video with the title 'Tom's trip'", "Tom's trip"],
    ['把这些素材做成一个10秒的视频，加转场，标题「你好世界」', '你好世界'],
  ])('%s → title %s', (message, title) => {
    const [built] = chat([message], media);
    expect(track(built?.draft as LocalDraft, 'x1').map((seg) => seg.m.text)).toEqual([title]);
    expect(built?.reply).not.toMatch(/from a placeholder|默认标题/);
  });
});
