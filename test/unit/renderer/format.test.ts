import { describe, expect, it } from 'vitest';
import { baseName, formatBytes, formatClock, percentOf, shortPath } from '../../../renderer/app/format';
import { splitSummary } from '../../../renderer/features/chat/ChatMessage';

describe('format', () => {
  it('shows elapsed time as a clock', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65_400)).toBe('1:05');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('0:00');
  });

  it('shows sizes and percentages for people', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12 * 1024 * 1024)).toBe('12 MB');
    expect(percentOf(250, 1000)).toBe(25);
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(2000, 1000)).toBe(100);
  });

  it('shortens long folders from the left and finds file names on any OS', () => {
    expect(shortPath('/home/ann/Videos/Video Builder')).toBe('…/Videos/Video Builder');
    expect(shortPath('/tmp/exports')).toBe('/tmp/exports');
    expect(shortPath('C:\\Users\\ann\\Videos\\Out')).toBe('…\\Videos\\Out');
    expect(baseName('/a/b/promo.mp4')).toBe('promo.mp4');
    expect(baseName('C:\\x\\promo.mp4')).toBe('promo.mp4');
  });
});

describe('splitSummary', () => {
  it('sets the closing timeline line apart from the sentences', () => {
    expect(splitSummary('Added a title.\nTimeline (1 track): 1. Title: "A" (0-3s)')).toEqual({ body: 'Added a title.', summary: 'Timeline (1 track): 1. Title: "A" (0-3s)' });
  });
  it('leaves other replies whole', () => {
    expect(splitSummary('Hello there.\nHow can I help?')).toEqual({ body: 'Hello there.\nHow can I help?', summary: '' });
  });
});
