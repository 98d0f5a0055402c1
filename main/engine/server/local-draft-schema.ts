/**
 * Checks that a draft sent to render submit is the engine's own form (shared/draft.ts LocalDraft) before it
 * reaches ffmpeg. Loose objects: keys added later pass through, as docs/draft-format.md promises.
 */
import { z } from 'zod';
import type { LocalDraft } from '../../../shared/draft';

const segment = z.looseObject({ id: z.string(), s: z.number().nonnegative(), d: z.number().positive(), m: z.record(z.string(), z.unknown()) });
const track = z.looseObject({ id: z.string(), tt: z.number(), sg: z.array(segment) });
const localDraftShape = z.looseObject({
  d: z.number().nonnegative(),
  m: z.looseObject({ width: z.number().int().positive(), height: z.number().int().positive(), fps: z.number().positive() }),
  t: z.array(track),
});

export function parseLocalDraft(value: unknown): { ok: true; draft: LocalDraft } | { ok: false; reason: string } {
  const parsed = localDraftShape.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid draft${issue ? ` at ${issue.path.join('.') || 'root'}: ${issue.message}` : ''}` };
  }
  return { ok: true, draft: parsed.data as unknown as LocalDraft };
}

/** Media ids a draft refers to (`m.src` of video and audio segments). */
export function referencedMedia(draft: LocalDraft): string[] {
  const ids = new Set<string>();
  for (const track of draft.t) {
    for (const seg of track.sg) {
      const src = (seg.m as { src?: unknown }).src;
      if (typeof src === 'string') ids.add(src);
    }
  }
  return [...ids];
}
