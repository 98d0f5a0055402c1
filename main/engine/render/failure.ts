/** Turns a failed ffmpeg run into what the person sees (pure: tested on literal stderr tails). */
import { AppError, appError } from '../../../shared/errors';

const NOISE = [/^conversion failed!?$/i, /^exiting normally/i, /^\s*$/];
const MAX_LINE = 200;

/** The last stderr line that says something: without ffmpeg's `[mov @ 0x…]` prefix, generic endings skipped. */
export function lastMeaningfulLine(stderrTail: readonly string[]): string | undefined {
  for (let i = stderrTail.length - 1; i >= 0; i -= 1) {
    const line = stderrTail[i]!.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, '').trim();
    if (!NOISE.some((re) => re.test(line))) return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
  }
  return undefined;
}

export function renderFailure(stderrTail: readonly string[], exitCode: number | null): AppError {
  if (stderrTail.some((l) => /no space left on device/i.test(l))) {
    return appError('disk.full', 'The disk is full, so the video could not be saved. Free some space and export again.');
  }
  const line = lastMeaningfulLine(stderrTail);
  const detail = line ?? `ffmpeg stopped with code ${exitCode ?? 'unknown'}`;
  return new AppError({ code: 'render.failed', message: `The render failed: ${detail}` });
}
