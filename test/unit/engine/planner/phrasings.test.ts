import { describe, expect, it } from 'vitest';
import { summarize, type Draft, type LocalDraft } from '../../../../shared/draft';
import { applyOps, currentDraft, emptyDraft, emptyHistory, handleMessage, parseMessage } from '../../../../main/engine/planner';
import { FLAGSHIP_MEDIA } from './fixtures';
import { PHRASINGS, type Start } from './phrasings.table';

const CLIPS = applyOps(emptyDraft(), [{ op: 'add_clips', media: ['med_1', 'med_2', 'med_3', 'med_4', 'med_5'] }], FLAGSHIP_MEDIA);
const FULL = currentDraft(handleMessage(emptyHistory(), 'combine these clips into a 60-second promo video with transitions and text overlays', FLAGSHIP_MEDIA).history);
const STARTS: Record<Start, LocalDraft> = { empty: emptyDraft(), clips: CLIPS, full: FULL };

describe('phrasing table', () => {
  it('has at least 150 rows, in both languages', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(150);
    const chinese = PHRASINGS.filter(([, message]) => /\p{Script=Han}/u.test(message));
    expect(chinese.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PHRASINGS)('[%s] %s', (start, message, ops, flags) => {
    const parsed = parseMessage(message, { media: FLAGSHIP_MEDIA, draft: STARTS[start] });
    expect(parsed.ops).toEqual(ops);
    if (flags?.unknown) expect(parsed.unknown.length).toBeGreaterThan(0);
    else expect(parsed.unknown).toEqual([]);
  });

  it('every reply ends with the summary line of the resulting draft', () => {
    for (const [start, message] of PHRASINGS) {
      const history = { versions: [STARTS[start]], index: 0 };
      const result = handleMessage(history, message, FLAGSHIP_MEDIA);
      const after = currentDraft(result.history);
      expect(result.reply.split('\n').pop()).toBe(summarize(after as unknown as Draft));
      expect(result.reply.split('\n').length).toBeGreaterThan(1);
    }
  });
});
