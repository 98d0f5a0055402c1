import { describe, expect, it } from 'vitest';
import type { LocalDraft } from '../../../../shared/draft';
import { applyOps, emptyDraft, type Op } from '../../../../main/engine/planner';
import { FLAGSHIP_MEDIA, record } from './fixtures';

const segs = (draft: LocalDraft, id: string): Array<{ id: string; s: number; d: number; m: Record<string, unknown> }> =>
  (draft.t.find((t) => t.id === id)?.sg ?? []) as unknown as Array<{ id: string; s: number; d: number; m: Record<string, unknown> }>;
const build = (ops: Op[], media = FLAGSHIP_MEDIA): LocalDraft => applyOps(emptyDraft(), ops, media);

describe('layout rules', () => {
  it('images default to 3 s, videos to their full length, end to end without transitions', () => {
    const d = build([{ op: 'add_clips', media: ['med_3', 'med_2'] }]);
    expect(segs(d, 'v1').map((s) => [s.s, s.d])).toEqual([
      [0, 3000],
      [3000, 8000],
    ]);
    expect(d.d).toBe(11_000);
    expect(segs(d, 'v1').map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('clamps a transition to half of the shorter neighbour', () => {
    const d = build([
      { op: 'add_clips', media: ['med_1', 'med_3'] },
      { op: 'set_duration', clips: 2, ms: 1000 },
      { op: 'set_transition', into: 2, type: 'dissolve', ms: 2000 },
    ]);
    expect(segs(d, 'v1')[1]).toMatchObject({ s: 9500, d: 1000, m: { tr: { type: 'dissolve', d: 500 } } });
    expect(d.d).toBe(10_500);
  });

  it('trims the music to the video and fades it out by default when it is longer', () => {
    const d = build([
      { op: 'add_clips', media: ['med_2'] },
      { op: 'add_music', media: 'med_6', vol: 0.3, duck: false },
    ]);
    expect(segs(d, 'a1')[0]).toMatchObject({ s: 0, d: 8000, m: { fadeOut: 2000, vol: 0.3 } });
  });

  it('an audio-only project lasts as long as its music', () => {
    const d = build([{ op: 'add_music', media: 'med_6', vol: 0.5, duck: false }]);
    expect(d.d).toBe(90_000);
    expect(segs(d, 'a1')[0]?.m).not.toHaveProperty('fadeOut');
  });

  it('keeps text inside the draft and overlays over their clip when the layout changes', () => {
    const d = build([
      { op: 'add_clips', media: ['med_1', 'med_2', 'med_3'] },
      { op: 'add_text', role: 'overlay', text: 'Late', pos: 'bottom', startMs: 100_000, ms: 4000 },
      { op: 'add_text', role: 'overlay', text: 'Over 3', pos: 'top', over: 3 },
      { op: 'trim_clip', clip: 1, mode: 'keep_first', ms: 4000 },
    ]);
    const [late, over] = segs(d, 'x2');
    expect(d.d).toBe(15_000);
    expect(late).toMatchObject({ s: 11_000, d: 4000 });
    expect(over).toMatchObject({ s: 12_000, d: 3000, m: { anchor: segs(d, 'v1')[2]?.id } });
    const moved = applyOps(d, [{ op: 'move_clip', clip: 3, to: 1 }], FLAGSHIP_MEDIA);
    expect(segs(moved, 'x2')[1]).toMatchObject({ s: 0 });
  });

  it('removing a clip removes the overlay that sat over it and the transition into the new first clip', () => {
    const d = build([
      { op: 'add_clips', media: ['med_1', 'med_2', 'med_3'] },
      { op: 'set_transition', into: 'all', type: 'fade', ms: 800 },
      { op: 'add_text', role: 'overlay', text: 'On 1', pos: 'bottom', over: 1 },
      { op: 'remove_clips', clips: [1] },
    ]);
    expect(segs(d, 'v1')[0]?.m).not.toHaveProperty('tr');
    expect(d.t.find((t) => t.id === 'x2')).toBeUndefined();
  });

  it('fit: images take at least 1 s and the clips are trimmed proportionally to land exactly', () => {
    const d = build([
      { op: 'add_clips', media: ['med_1', 'med_3', 'med_4'] },
      { op: 'set_transition', into: 'all', type: 'fade', ms: 800 },
      { op: 'fit_total', ms: 12_000 },
    ]);
    expect(d.d).toBe(12_000);
    expect(segs(d, 'v1')[1]?.d).toBe(1000);
  });

  it('fit: clips alone shorter than the target stay as they are and the reply-worthy note is given', () => {
    const media = [record(1, 'a.mp4', 'video', 5000)];
    const d = build([{ op: 'add_clips', media: ['med_1'] }, { op: 'fit_total', ms: 30_000 }], media);
    expect(d.d).toBe(5000);
  });

  it('speed changes a clip’s timeline length; swapping keeps transitions at their joins', () => {
    const d = build([
      { op: 'add_clips', media: ['med_1', 'med_2', 'med_4'] },
      { op: 'set_transition', into: 2, type: 'wipeleft', ms: 500 },
      { op: 'set_speed', clips: 1, factor: 2 },
      { op: 'swap_clips', a: 1, b: 3 },
    ]);
    const v = segs(d, 'v1');
    expect(v.map((s) => s.m.src)).toEqual(['med_4', 'med_2', 'med_1']);
    expect(v[2]).toMatchObject({ d: 5000, m: { speed: 2 } });
    expect(v[1]?.m.tr).toEqual({ type: 'wipeleft', d: 500 });
    expect(v[0]?.m).not.toHaveProperty('tr');
  });

  it('canvas and fit mode change the draft meta', () => {
    const d = build([
      { op: 'set_canvas', width: 1080, height: 1920 },
      { op: 'set_fit', mode: 'contain-blur', clips: 'all' },
    ]);
    expect(d.m).toEqual({ width: 1080, height: 1920, fps: 30, fit: 'contain-blur' });
  });
});
