import { describe, expect, it } from 'vitest';
import { diffDrafts } from '../../../shared/draft-diff';

interface Seg { id?: string; s: number; d: number; m: Record<string, unknown> }
const clip = (id: string, name: string, s: number, d: number, extra: Record<string, unknown> = {}): Seg => ({ id, s, d, m: { src: `med_${id}`, name, in: 0, ...extra } });

function draft(opts: { clips?: Seg[]; music?: Seg[]; texts?: Seg[]; d?: number; width?: number; height?: number }) {
  return {
    d: opts.d ?? 30000,
    m: { title: 'Promo', width: opts.width ?? 1920, height: opts.height ?? 1080, fps: 30 },
    t: [
      { id: 'v1', tt: 0, sg: opts.clips ?? [] },
      { id: 'a1', tt: 1, sg: opts.music ?? [] },
      { id: 'x1', tt: 7, sg: opts.texts ?? [] },
    ],
  };
}

const c1 = clip('s1', 'intro.mp4', 0, 10000);
const c2 = clip('s2', 'city.mp4', 10000, 10000);
const c3 = clip('s3', 'beach.mp4', 20000, 10000);
const base = draft({ clips: [c1, c2, c3] });

describe('diffDrafts', () => {
  it('reports nothing for identical drafts, even with keys in another order', () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(base);
    expect(Object.keys(reordered as object)).toEqual(['t', 'm', 'd']);
    expect(diffDrafts(base, structuredClone(base))).toEqual({ sentences: [], changedIds: [] });
    expect(diffDrafts(base, reordered).sentences).toEqual([]);
  });

  it('adds a title', () => {
    const after = draft({ clips: [c1, c2, c3], texts: [{ id: 't1', s: 0, d: 3000, m: { text: 'Sale', pos: 'center' } }] });
    expect(diffDrafts(base, after)).toEqual({ sentences: ['Added a title "Sale" at 0-3s'], changedIds: ['t1'] });
  });

  it('adds a text overlay and says text, not title', () => {
    const after = draft({ clips: [c1, c2, c3], texts: [{ id: 't2', s: 2500, d: 2000, m: { text: '50% off', role: 'overlay' } }] });
    expect(diffDrafts(base, after).sentences).toEqual(['Added text "50% off" at 2.5-4.5s']);
  });

  it('trims a clip (ripple of later starts is not a change)', () => {
    const after = draft({ clips: [c1, { ...c2, d: 5000 }, { ...c3, s: 15000 }], d: 25000 });
    expect(diffDrafts(base, after)).toEqual({ sentences: ['Trimmed clip 2 to 5s', 'Changed the total length to 25s'], changedIds: ['s2'] });
  });

  it('extends a clip and changes its speed', () => {
    expect(diffDrafts(base, draft({ clips: [c1, { ...c2, d: 12000 }, c3] })).sentences).toEqual(['Extended clip 2 to 12s']);
    const faster = draft({ clips: [c1, { ...c2, d: 5000, m: { ...c2.m, speed: 2 } }, c3] });
    expect(diffDrafts(base, faster).sentences).toEqual(['Changed the speed of clip 2 to 2x']);
  });

  it('removes a clip by id and names it', () => {
    const after = draft({ clips: [c1, c2] });
    expect(diffDrafts(base, after)).toEqual({ sentences: ['Removed clip 3 (beach.mp4)'], changedIds: [] });
  });

  it('adds a clip with a transition', () => {
    const c4 = clip('s4', 'logo.png', 29200, 4000, { tr: { type: 'fade', d: 800 } });
    const after = draft({ clips: [c1, c2, c3, c4] });
    expect(diffDrafts(base, after)).toEqual({
      sentences: ['Added clip 4 (logo.png)', 'Added a fade transition before clip 4'],
      changedIds: ['s4'],
    });
  });

  it('adds, changes and removes a transition on an existing clip', () => {
    const withFade = draft({ clips: [c1, { ...c2, m: { ...c2.m, tr: { type: 'fade', d: 500 } } }, c3] });
    expect(diffDrafts(base, withFade)).toEqual({ sentences: ['Added a fade transition before clip 2'], changedIds: ['s2'] });
    const withWipe = draft({ clips: [c1, { ...c2, m: { ...c2.m, tr: { type: 'wipeleft', d: 500 } } }, c3] });
    expect(diffDrafts(withFade, withWipe).sentences).toEqual(['Changed the transition before clip 2 to wipeleft']);
    expect(diffDrafts(withFade, base).sentences).toEqual(['Removed the transition before clip 2']);
  });

  it('moves a clip: only the moved one is reported', () => {
    const after = draft({ clips: [{ ...c3, s: 0 }, { ...c1, s: 10000 }, { ...c2, s: 20000 }] });
    expect(diffDrafts(base, after)).toEqual({ sentences: ['Moved clip 3 to position 1'], changedIds: ['s3'] });
  });

  it('adds background music with its volume, then changes the volume and fades', () => {
    const music = { id: 'm1', s: 0, d: 30000, m: { src: 'med_9', name: 'song.mp3', in: 0, vol: 0.35 } };
    const withMusic = draft({ clips: [c1, c2, c3], music: [music] });
    expect(diffDrafts(base, withMusic)).toEqual({ sentences: ['Added background music "song.mp3" at 35%'], changedIds: ['m1'] });
    const quieter = draft({ clips: [c1, c2, c3], music: [{ ...music, m: { ...music.m, vol: 0.2, fadeOut: 2000 } }] });
    expect(diffDrafts(withMusic, quieter)).toEqual({
      sentences: ['Changed the music volume to 20%', 'Added a 2s fade-out to the music'],
      changedIds: ['m1'],
    });
    expect(diffDrafts(withMusic, base).sentences).toEqual(['Removed the background music "song.mp3"']);
  });

  it('changes a title’s words and timing, and restyles it', () => {
    const title = { id: 't1', s: 0, d: 3000, m: { text: 'Sale', color: '#fff' } };
    const before = draft({ clips: [c1], texts: [title] });
    expect(diffDrafts(before, draft({ clips: [c1], texts: [{ ...title, m: { ...title.m, text: 'Big Sale' } }] })).sentences).toEqual([
      'Changed the title "Sale" to "Big Sale"',
    ]);
    expect(diffDrafts(before, draft({ clips: [c1], texts: [{ ...title, s: 2000 }] })).sentences).toEqual(['Moved the title "Sale" to 2-5s']);
    expect(diffDrafts(before, draft({ clips: [c1], texts: [{ ...title, m: { ...title.m, color: '#f00' } }] })).sentences).toEqual([
      'Restyled the title "Sale"',
    ]);
  });

  it('changes the canvas and the total length', () => {
    expect(diffDrafts(base, draft({ clips: [c1, c2, c3], width: 1080, height: 1920 })).sentences).toEqual(['Changed the canvas to 1080x1920']);
    const fitted = draft({ clips: [c1, c2, c3].map((c, i) => ({ ...c, s: i * 20000, d: 20000 })), d: 60000 });
    expect(diffDrafts(base, fitted).sentences).toEqual([
      'Extended clip 1 to 20s',
      'Extended clip 2 to 20s',
      'Extended clip 3 to 20s',
      'Changed the total length to 60s',
    ]);
  });

  it('matches segments without ids by position', () => {
    const noIds = (d: number) => ({ t: [{ tt: 0, sg: [{ s: 0, d: 4000, m: { name: 'a.mp4' } }, { s: 4000, d, m: { name: 'b.mp4' } }] }] });
    expect(diffDrafts(noIds(6000), noIds(3000))).toEqual({ sentences: ['Trimmed clip 2 to 3s'], changedIds: [] });
    const shorter = { t: [{ tt: 0, sg: [{ s: 0, d: 4000, m: { name: 'a.mp4' } }] }] };
    expect(diffDrafts(noIds(6000), shorter).sentences).toEqual(['Removed clip 2 (b.mp4)']);
  });

  it('starting from nothing lists every addition and no length change', () => {
    const out = diffDrafts(undefined, base);
    expect(out.sentences).toEqual(['Added clip 1 (intro.mp4)', 'Added clip 2 (city.mp4)', 'Added clip 3 (beach.mp4)', 'Changed the canvas to 1920x1080']);
    expect(out.changedIds).toEqual(['s1', 's2', 's3']);
  });

  it('never throws on junk or unknown cloud drafts', () => {
    const cyclic: Record<string, unknown> = { t: [] };
    cyclic.self = cyclic;
    const junk: unknown[] = [null, undefined, 42, 'draft', [], { t: 'x' }, { t: [null, 3, { sg: 'no' }] }, { t: [{ tt: 0, sg: [null, { m: 5 }] }] }, cyclic, { big: 10n }];
    for (const a of junk) for (const b of junk) expect(() => diffDrafts(a, b)).not.toThrow();
  });

  it('reads a cloud draft with unknown track types and odd fields', () => {
    const before = { t: [{ tt: 12, sg: [{ id: 'e1', st: 0, dur: 2000, m: { title: 'sparkle' } }] }] };
    const after = { t: [{ tt: 12, sg: [{ id: 'e1', st: 0, dur: 2000, m: { title: 'sparkle', strength: 2 } }, { id: 'e2', s: '1', m: { name: 'glow' } }] }] };
    expect(diffDrafts(before, after)).toEqual({
      sentences: ['Added a segment "glow"', 'Changed a segment "sparkle"'],
      changedIds: ['e1', 'e2'],
    });
  });

  it('says something when only unknown parts changed', () => {
    expect(diffDrafts({ t: [], x: 1 }, { t: [], x: 2 }).sentences).toEqual(['Updated the timeline']);
  });
});
