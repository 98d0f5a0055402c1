import { describe, expect, it } from 'vitest';
import { TRACK_TEXT, type LocalTrack, type TextSegmentMeta } from '../../../../shared/draft';
import { currentDraft, emptyHistory, handleMessage } from '../../../../main/engine/planner/index';
import type { MediaRecord } from '../../../../main/engine/types';

const base = { path: '/m', size: 1, fps: 30, rotation: 0, createdAt: 0, width: 320, height: 180 };
const clip = (id: string, name: string, durationMs: number): MediaRecord => ({ ...base, id, name, kind: 'video', durationMs, hasAudio: true });
const still = (id: string, name: string): MediaRecord => ({ ...base, id, name, kind: 'image', durationMs: 0, hasAudio: false });

function overlaysAfterPromo(media: MediaRecord[]): Array<{ s: number; d: number; text: string }> {
  const result = handleMessage(emptyHistory(), 'combine these clips into a 60-second promo video with transitions and text overlays', media);
  const draft = currentDraft(result.history);
  const texts = draft.t.filter((t) => t.tt === TRACK_TEXT) as Array<LocalTrack<TextSegmentMeta>>;
  return texts.flatMap((t) => t.sg.filter((seg) => seg.m.role === 'overlay').map((seg) => ({ s: seg.s, d: seg.d, text: seg.m.text })));
}

describe('promo overlays stay readable', () => {
  it('spreads overlays over the time after the title when short clips could only show them for a moment', () => {
    const overlays = overlaysAfterPromo([clip('med_1', 'a1.mp4', 2000), clip('med_2', 'b2.mp4', 2000), clip('med_3', 'c3.mp4', 2000), still('med_4', 'p.png'), still('med_5', 'l.jpg')]);
    expect(overlays).toHaveLength(3);
    for (const overlay of overlays) {
      expect(overlay.d).toBe(3000);
      expect(overlay.s).toBeGreaterThanOrEqual(3000);
      expect(overlay.s + overlay.d).toBeLessThanOrEqual(60000);
    }
    const starts = overlays.map((o) => o.s);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts[1]! - starts[0]!).toBeGreaterThan(10000);
  });

  it('anchors one overlay per later clip when every clip is on screen long enough', () => {
    const overlays = overlaysAfterPromo([clip('med_1', 'a1.mp4', 10000), clip('med_2', 'b2.mp4', 12000), clip('med_3', 'c3.mp4', 12000), clip('med_4', 'd4.mp4', 12000)]);
    expect(overlays).toHaveLength(3);
    expect(overlays.every((o) => o.d === 3000)).toBe(true);
  });
});
