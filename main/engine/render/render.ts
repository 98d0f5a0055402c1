/**
 * Renders one draft to an MP4 in one ffmpeg run. Writes `<outPath>.part` and renames it on success, so a failed
 * or cancelled export never leaves a half file where a finished one is expected, and earlier outputs are untouched.
 */
import { mkdir, mkdtemp, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TRACK_TEXT, type LocalDraft } from '../../../shared/draft';
import { AppError, appError } from '../../../shared/errors';
import { runTool } from '../ffmpeg/run';
import type { FfmpegTools, RenderRequest } from '../types';
import { renderFailure } from './failure';
import { resolveFonts } from './fonts';
import { buildRenderCommand } from './graph';
import { percentOf, ProgressParser } from './progress';

export interface RenderOptions {
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

export async function renderDraft(tools: FfmpegTools, req: RenderRequest, opts: RenderOptions = {}): Promise<void> {
  const draft = tools.hasDrawtext ? req.draft : withoutText(req.draft);
  // Throws draft.empty before any file is touched.
  const { args, durationMs } = buildRenderCommand(
    { ...req, draft },
    { hasXfade: tools.hasXfade, hasSidechaincompress: tools.hasSidechaincompress },
    { ...resolveFonts(), preparedStills: new Map() },
  );
  if (opts.signal?.aborted) throw appError('cancelled', 'The export was cancelled.');

  const partPath = `${req.outPath}.part`;
  let scratch: string | undefined;
  try {
    await mkdir(dirname(req.outPath), { recursive: true });
    await mkdir(req.workDir, { recursive: true });
    scratch = await mkdtemp(join(req.workDir, 'render-'));
    await runFfmpeg(tools, args, durationMs, opts);
    const written = await stat(partPath);
    if (written.size === 0) throw new AppError({ code: 'render.failed', message: 'The render failed: ffmpeg wrote an empty file.' });
    await rename(partPath, req.outPath);
    opts.onProgress?.(100);
  } catch (err) {
    await rm(partPath, { force: true }).catch(() => undefined);
    throw asRenderError(err);
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
    // Only removed when empty: the caller may share the folder between jobs.
    await rmdir(req.workDir).catch(() => undefined);
  }
}

async function runFfmpeg(tools: FfmpegTools, args: string[], durationMs: number, opts: RenderOptions): Promise<void> {
  let lastPercent = -1;
  const parser = new ProgressParser(({ outTimeMs, done }) => {
    // 100 is reported only once the file is in place.
    const percent = Math.min(99, done ? 99 : percentOf(outTimeMs, durationMs));
    if (percent > lastPercent) {
      lastPercent = percent;
      opts.onProgress?.(percent);
    }
  });
  const runOpts = opts.signal ? { signal: opts.signal, onStdoutLine: (l: string) => parser.push(l) } : { onStdoutLine: (l: string) => parser.push(l) };
  const result = await runTool(tools.ffmpeg, args, runOpts);
  if (result.aborted) throw appError('cancelled', 'The export was cancelled.');
  if (result.code !== 0) throw renderFailure(result.stderrTail, result.code);
}

function asRenderError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const errno = err as NodeJS.ErrnoException | undefined;
  const code = errno?.code;
  if (code === 'ENOSPC') return appError('disk.full', 'The disk is full, so the video could not be saved. Free some space and export again.');
  if ((code === 'ENOENT' || code === 'EACCES') && errno?.syscall?.startsWith('spawn')) {
    return appError('ffmpeg.missing', 'ffmpeg could not be started. Install ffmpeg or set FFMPEG_PATH, then export again.', undefined, { cause: err });
  }
  return new AppError({ code: 'render.failed', message: 'The render failed unexpectedly. Please try again.' }, { cause: err });
}

/** Builds without drawtext still export; the text is left out rather than failing the whole video. */
function withoutText(draft: LocalDraft): LocalDraft {
  return { ...draft, t: draft.t.filter((t) => t.tt !== TRACK_TEXT) };
}
