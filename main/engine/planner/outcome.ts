/** What applying one op did, in both reply languages (the planner answers in the language it was spoken to). */
export interface Said {
  en: string;
  zh: string;
}

export type Outcome = { ok: true; note?: Said } | { ok: false; why: Said };

export const done = (note?: Said): Outcome => (note ? { ok: true, note } : { ok: true });
export const failed = (en: string, zh: string): Outcome => ({ ok: false, why: { en, zh } });

export function noClip(ref: number | string, count: number): Outcome {
  if (count === 0) return failed('There are no clips on the timeline yet.', '时间线上还没有片段。');
  return failed(
    `There is no clip ${ref}: the timeline has ${count} ${count === 1 ? 'clip' : 'clips'}.`,
    `没有第 ${ref} 个片段：时间线上有 ${count} 个片段。`,
  );
}
