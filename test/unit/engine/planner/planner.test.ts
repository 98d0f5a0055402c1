import { describe, expect, it } from 'vitest';
import { summarize, type Draft, type LocalDraft } from '../../../../shared/draft';
import { applyOps, currentDraft, emptyDraft, emptyHistory, handleMessage, type Op } from '../../../../main/engine/planner';
import type { DraftHistory } from '../../../../main/engine/types';
import { FLAGSHIP_MEDIA, record } from './fixtures';

const FLAGSHIP = 'combine these clips into a 60-second promo video with transitions and text overlays';
const summaryOf = (draft: LocalDraft): string => summarize(draft as unknown as Draft);
const lastLine = (text: string): string => text.split('\n').pop() ?? '';

function run(messages: string[], media = FLAGSHIP_MEDIA, start: DraftHistory = emptyHistory()): ReturnType<typeof handleMessage> {
  let result: ReturnType<typeof handleMessage> | undefined;
  let history = start;
  for (const message of messages) {
    result = handleMessage(history, message, media);
    history = result.history;
  }
  if (!result) throw new Error('no messages');
  return result;
}

describe('emptyDraft / emptyHistory', () => {
  it('starts at 1920x1080, 30 fps, no tracks, one version', () => {
    expect(emptyDraft()).toEqual({ d: 0, m: { width: 1920, height: 1080, fps: 30 }, t: [] });
    const history = emptyHistory();
    expect(history.index).toBe(0);
    expect(history.versions).toEqual([emptyDraft()]);
    expect(currentDraft(history)).toEqual(emptyDraft());
  });
});

describe('the flagship promo request', () => {
  const result = run([FLAGSHIP]);
  const draft = currentDraft(result.history);
  const video = draft.t.find((t) => t.id === 'v1')?.sg ?? [];
  const music = draft.t.find((t) => t.id === 'a1')?.sg[0];
  const title = draft.t.find((t) => t.id === 'x1')?.sg ?? [];
  const overlays = draft.t.find((t) => t.id === 'x2')?.sg ?? [];

  it('is exactly 60 000 ms long, the video track ending there', () => {
    expect(draft.d).toBe(60_000);
    const last = video[video.length - 1];
    expect(last && last.s + last.d).toBe(60_000);
  });

  it('uses every image and clip in upload order, clips at their natural length, images sharing the rest', () => {
    expect(video.map((seg) => (seg.m as { src: string }).src)).toEqual(['med_1', 'med_2', 'med_3', 'med_4', 'med_5']);
    expect(video.map((seg) => seg.d)).toEqual([10_000, 8_000, 16_600, 12_000, 16_600]);
  });

  it('puts a fade of 800 ms between every pair, each overlapping the previous clip', () => {
    expect(video[0]?.m).not.toHaveProperty('tr');
    for (let i = 1; i < video.length; i++) {
      const prev = video[i - 1];
      const seg = video[i];
      expect(seg?.m).toMatchObject({ tr: { type: 'fade', d: 800 } });
      expect(seg?.s).toBe((prev?.s ?? 0) + (prev?.d ?? 0) - 800);
    }
  });

  it('adds a title for the first 3 s and bottom overlays over later clips, naming the defaults it chose', () => {
    expect(title).toEqual([expect.objectContaining({ s: 0, d: 3000, m: { text: 'Promo', pos: 'center', role: 'title' } })]);
    expect(overlays.map((seg) => seg.m)).toEqual([
      { text: 'Discover more', pos: 'bottom', role: 'overlay', anchor: video[1]?.id },
      { text: 'Made for you', pos: 'bottom', role: 'overlay', anchor: video[2]?.id },
      { text: "Don't miss it", pos: 'bottom', role: 'overlay', anchor: video[3]?.id },
    ]);
    expect(overlays.every((seg) => seg.s >= 3000 && seg.s + seg.d <= 60_000)).toBe(true);
    expect(result.reply).toContain('"Promo"');
    expect(result.reply).toContain('"Discover more"');
  });

  it('adds the song as music at 0.3, ducked under the first clip’s sound, fading out over 2 s, spanning the video', () => {
    expect(music).toMatchObject({ s: 0, d: 60_000, m: { src: 'med_6', name: 'song.mp3', vol: 0.3, duck: true, fadeOut: 2000, in: 0 } });
  });

  it('makes one version, reports one call per op and ends the reply with the summary', () => {
    expect(result.history.versions).toHaveLength(2);
    expect(result.history.index).toBe(1);
    expect(result.calls.map((c) => c.name)).toEqual(['add_clips', 'set_transition', 'fit_total', 'add_text', 'set_overlays', 'add_music']);
    expect(result.understood).toBe(true);
    expect(lastLine(result.reply)).toBe(summaryOf(draft));
  });

  it('uses quoted texts and a named transition: the first quote is the title, the rest overlays', () => {
    const custom = run(['make a 30 second video with dissolve transitions, title "Spring Sale" and text "Fresh" and "50% off"']);
    const d = currentDraft(custom.history);
    expect(d.d).toBe(30_000);
    expect(d.t.find((t) => t.id === 'x1')?.sg.map((s) => s.m)).toEqual([{ text: 'Spring Sale', pos: 'center', role: 'title' }]);
    expect(d.t.find((t) => t.id === 'x2')?.sg.map((s) => (s.m as { text: string }).text)).toEqual(['Fresh', '50% off']);
    const joins = (d.t.find((t) => t.id === 'v1')?.sg ?? []).slice(1);
    expect(joins.every((s) => (s.m as { tr?: { type: string } }).tr?.type === 'dissolve')).toBe(true);
  });

  it('works in Chinese and answers in Chinese, the summary line unchanged', () => {
    const zh = run(['做一个60秒的宣传视频，加转场和文字']);
    const d = currentDraft(zh.history);
    expect(d.d).toBe(60_000);
    expect(d.t.map((t) => t.id)).toEqual(['v1', 'a1', 'x1', 'x2']);
    expect(zh.reply).toMatch(/转场/);
    expect(lastLine(zh.reply)).toBe(summaryOf(d));
  });

  it('fits clips alone proportionally when they exceed the target (no images)', () => {
    const media = [record(1, 'a.mp4', 'video', 20_000, true), record(2, 'b.mp4', 'video', 30_000)];
    const d = currentDraft(run(['make a 20 second video'], media).history);
    expect(d.d).toBe(20_000);
    const segs = d.t.find((t) => t.id === 'v1')?.sg ?? [];
    expect(segs.map((s) => s.d)).toEqual([8_320, 12_480]);
  });
});

describe('undo and redo', () => {
  it('undo restores the previous version exactly and redo re-applies', () => {
    const first = run(['use all my clips']);
    const before = structuredClone(currentDraft(first.history));
    const edited = handleMessage(first.history, 'add a title "Sale" and make it vertical', FLAGSHIP_MEDIA);
    const after = structuredClone(currentDraft(edited.history));
    expect(after.m.height).toBe(1920);
    const undone = handleMessage(edited.history, 'undo', FLAGSHIP_MEDIA);
    expect(currentDraft(undone.history)).toEqual(before);
    expect(undone.history.versions).toHaveLength(3);
    expect(lastLine(undone.reply)).toBe(summaryOf(before));
    const redone = handleMessage(undone.history, '重做', FLAGSHIP_MEDIA);
    expect(currentDraft(redone.history)).toEqual(after);
    expect(redone.reply).toMatch(/重做/);
  });

  it('a new edit after undo drops the undone versions', () => {
    const two = run(['use all my clips', 'make it square']);
    const undone = handleMessage(two.history, '撤销', FLAGSHIP_MEDIA);
    const edited = handleMessage(undone.history, 'make it vertical', FLAGSHIP_MEDIA);
    expect(edited.history.versions).toHaveLength(3);
    expect(currentDraft(edited.history).m).toMatchObject({ width: 1080, height: 1920 });
    const redo = handleMessage(edited.history, 'redo', FLAGSHIP_MEDIA);
    expect(redo.history).toEqual(edited.history);
    expect(redo.reply).toMatch(/nothing to redo/i);
  });

  it('undo twice goes back two versions; undo at the start says so', () => {
    const three = run(['use all my clips', 'make it square', 'add music']);
    const back = handleMessage(three.history, 'undo twice', FLAGSHIP_MEDIA);
    expect(back.history.index).toBe(1);
    const none = handleMessage(emptyHistory(), 'undo', FLAGSHIP_MEDIA);
    expect(none.reply).toMatch(/nothing to undo/i);
    expect(none.history).toEqual(emptyHistory());
  });
});

describe('requests it cannot do', () => {
  it.each(['make me a sandwich', 'add a 3D explosion', '给我讲个笑话'])('"%s" → understood false, draft unchanged, capabilities listed', (message) => {
    const start = run(['use all my clips']).history;
    const result = handleMessage(start, message, FLAGSHIP_MEDIA);
    expect(result.understood).toBe(false);
    expect(result.history).toBe(start);
    expect(result.calls).toEqual([]);
    expect(result.reply).toMatch(/transitions|转场/);
    expect(result.reply).toMatch(/music|音乐/);
    expect(lastLine(result.reply)).toBe(summaryOf(currentDraft(start)));
  });

  it('a possible request that cannot be done now explains why and changes nothing', () => {
    const media = FLAGSHIP_MEDIA.filter((m) => m.kind !== 'audio');
    const start = run(['use all my clips'], media).history;
    const result = handleMessage(start, 'add background music', media);
    expect(result.history).toBe(start);
    expect(result.reply).toMatch(/no audio file/i);
    expect(result.calls).toEqual([]);
  });

  it('mentions the part it did not understand and still does the rest', () => {
    const result = run(['use all my clips and make it vertical, then juggle the pixels']);
    expect(currentDraft(result.history).m.height).toBe(1920);
    expect(result.reply).toMatch(/didn't understand this part: "juggle the pixels"/);
  });
});

describe('applyOps', () => {
  it('is pure: the input draft is not changed and a new object comes back', () => {
    const base = applyOps(emptyDraft(), [{ op: 'add_clips', media: ['med_1', 'med_3'] }], FLAGSHIP_MEDIA);
    const frozen = structuredClone(base);
    const ops: Op[] = [
      { op: 'set_transition', into: 'all', type: 'wipeleft', ms: 500 },
      { op: 'add_text', role: 'title', text: 'Hi', pos: 'top' },
      { op: 'set_speed', clips: 1, factor: 2 },
      { op: 'fit_total', ms: 9000 },
    ];
    const next = applyOps(base, ops, FLAGSHIP_MEDIA);
    expect(base).toEqual(frozen);
    expect(next).not.toBe(base);
    expect(next.d).toBe(9000);
    expect(applyOps(base, ops, FLAGSHIP_MEDIA)).toEqual(next);
  });

  it('skips an op that cannot be done and applies the rest', () => {
    const base = applyOps(emptyDraft(), [{ op: 'add_clips', media: ['med_1', 'med_2'] }], FLAGSHIP_MEDIA);
    const next = applyOps(base, [{ op: 'remove_clips', clips: [7] }, { op: 'set_canvas', width: 1080, height: 1080 }], FLAGSHIP_MEDIA);
    expect(next.t[0]?.sg).toHaveLength(2);
    expect(next.m).toMatchObject({ width: 1080, height: 1080 });
  });
});
