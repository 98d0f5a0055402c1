import { describe, expect, it } from 'vitest';
import {
  formatSeconds,
  isExportable,
  readDraft,
  segmentDuration,
  segmentLabel,
  segmentStart,
  segmentVolumePercent,
  summarize,
  type Segment,
} from '../../../shared/draft';

// protocol.md §5.3, verbatim.
const standInDraft = {
  d: 10000,
  m: { title: 'Urban Dreams', width: 1080, height: 1920, fps: 30 },
  t: [
    { id: 'trk_v1', tt: 0, sg: [{ id: 'seg_1', s: 0, d: 10000, m: { name: 'city timelapse', src: 'https://cdn.local/gen/abc.mp4', in: 0 } }] },
    { id: 'trk_a1', tt: 1, sg: [{ id: 'seg_2', s: 0, d: 10000, m: { name: 'Lo-fi', src: 'https://cdn.local/bgm/lofi.mp3', vol: 0.35 } }] },
    { id: 'trk_t1', tt: 7, sg: [{ id: 'seg_3', s: 0, d: 3000, m: { text: 'Urban Dreams', color: '#ffffff', pos: 'top-center', anim: 'fade-in' } }] },
  ],
};

describe('summarize', () => {
  it('gives exactly the vendor line for the §5.3 draft', () => {
    expect(summarize(readDraft(standInDraft))).toBe(
      'Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)',
    );
  });

  it('lists several segments of a track, skips empty tracks and labels overlays as Text', () => {
    const draft = readDraft({
      t: [
        { tt: 0, sg: [{ s: 0, d: 12000, m: { name: 'beach.mp4' } }, { s: 11200, d: 8000, m: { name: 'logo.png' } }] },
        { tt: 1, sg: [] },
        { tt: 7, sg: [{ s: 1000, d: 2000, m: { text: '50% off', role: 'overlay' } }] },
      ],
    });
    expect(summarize(draft)).toBe('Timeline (2 tracks): 1. Video: beach.mp4 (0-12s), logo.png (11.2-19.2s) 2. Text: "50% off" (1-3s)');
  });

  it('says one track in the singular and empty when nothing is there', () => {
    expect(summarize(readDraft({ t: [{ tt: 0, sg: [{ s: 0, d: 1500, m: { name: 'a' } }] }] }))).toBe('Timeline (1 track): 1. Video: a (0-1.5s)');
    expect(summarize(readDraft({ t: [] }))).toBe('Timeline (0 tracks): empty');
  });

  it('is tolerant of junk through readDraft', () => {
    for (const junk of [null, undefined, 0, 'draft', [], { t: 'tracks' }, { t: [null, 7] }]) {
      expect(summarize(readDraft(junk))).toBe('Timeline (0 tracks): empty');
    }
  });

  it('one odd field does not blank a cloud draft', () => {
    const draft = readDraft({
      d: '10s',
      t: [
        { tt: 0, sg: [{ id: 1, s: '0', d: 4000, m: { name: 'kept.mp4' } }, null, { s: 4000, d: 2000, m: 'weird' }] },
        { tt: '7', sg: 'none' },
      ],
    });
    expect(summarize(draft)).toBe('Timeline (1 track): 1. Video: kept.mp4 (0-4s), segment (4-6s)');
    expect(draft.t[0]?.sg[0]?.id).toBe('1');
    expect(isExportable(draft)).toBe(true);
  });

  it('keeps unknown keys (the cloud draft is forwarded, never rebuilt)', () => {
    const draft = readDraft({ t: [{ tt: 0, fx: 'glow', sg: [{ s: 0, d: 1, extra: { a: 1 } }] }], v: 3 });
    expect((draft as Record<string, unknown>).v).toBe(3);
    expect((draft.t[0] as Record<string, unknown>).fx).toBe('glow');
  });
});

describe('tolerant accessors (protocol.md §5.3)', () => {
  const seg = (value: Record<string, unknown>) => value as Segment;

  it('start = s ?? st ?? start ?? 0 and duration = d ?? dur ?? 0', () => {
    expect(segmentStart(seg({ s: 5, st: 6 }))).toBe(5);
    expect(segmentStart(seg({ st: 6, start: 7 }))).toBe(6);
    expect(segmentStart(seg({ start: 7 }))).toBe(7);
    expect(segmentStart(seg({ start: 'x' }))).toBe(0);
    expect(segmentDuration(seg({ dur: 300 }))).toBe(300);
    expect(segmentDuration(seg({}))).toBe(0);
  });

  it('label = m.name ?? m.text ?? m.title ?? "segment"', () => {
    expect(segmentLabel(seg({ m: { name: 'n', text: 't' } }))).toBe('n');
    expect(segmentLabel(seg({ m: { text: 't', title: 'x' } }))).toBe('t');
    expect(segmentLabel(seg({ m: { title: 'x' } }))).toBe('x');
    expect(segmentLabel(seg({ m: { name: '  ' } }))).toBe('segment');
    expect(segmentLabel(seg({}))).toBe('segment');
  });

  it('volume is shown only for a number in [0,1] or (1,100]', () => {
    expect(segmentVolumePercent(seg({ m: { vol: 0.35 } }))).toBe(35);
    expect(segmentVolumePercent(seg({ m: { volume: 80 } }))).toBe(80);
    expect(segmentVolumePercent(seg({ m: { vol: 250 } }))).toBeUndefined();
    expect(segmentVolumePercent(seg({ m: { vol: '0.5' } }))).toBeUndefined();
    expect(segmentVolumePercent(seg({}))).toBeUndefined();
  });

  it('isExportable needs a segment on some track', () => {
    expect(isExportable(readDraft({ t: [{ tt: 0, sg: [] }] }))).toBe(false);
    expect(isExportable(readDraft(standInDraft))).toBe(true);
  });

  it('formatSeconds keeps whole numbers whole and gives one decimal otherwise', () => {
    expect(formatSeconds(10000)).toBe('10');
    expect(formatSeconds(11200)).toBe('11.2');
    expect(formatSeconds(1549)).toBe('1.5');
    expect(formatSeconds(0)).toBe('0');
  });
});
