/**
 * Finds a working ffmpeg/ffprobe pair: FFMPEG_PATH/FFPROBE_PATH, then PATH, then the bundled npm binaries
 * (issue 3 §Server). Each candidate is checked once (version, libx264, filters) and the answer cached, because the
 * checks spawn processes and the answer does not change while the app runs.
 */
import { chmod } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { appError } from '../../../shared/errors';
import type { FfmpegTools } from '../types';
import { capabilitiesFrom, parseEncoderNames, parseFilterNames, parseVersion } from './capabilities';
import { runTool } from './run';

interface Candidate {
  ffmpeg: string;
  ffprobe: string;
  source: FfmpegTools['source'];
}

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  forceBundled?: boolean;
}

const CHECK_TIMEOUT_MS = 15_000;
const cache = new Map<string, Promise<FfmpegTools | undefined>>();

export async function resolveFfmpegTools(opts: ResolveOptions = {}): Promise<FfmpegTools> {
  const env = opts.env ?? process.env;
  const candidates = opts.forceBundled ? bundledCandidates() : [...envCandidates(env), pathCandidate(), ...bundledCandidates()];
  const tried: string[] = [];
  for (const candidate of candidates) {
    const tools = await checkCached(candidate);
    if (tools) return tools;
    tried.push(candidate.ffmpeg);
  }
  throw appError(
    'ffmpeg.missing',
    `ffmpeg was not found or cannot encode H.264 (tried: ${tried.join(', ') || 'nothing'}). ` +
      'Install ffmpeg (for example `apt-get install ffmpeg`), or set FFMPEG_PATH and FFPROBE_PATH.',
  );
}

/** For tests: forget what was checked. */
export function clearFfmpegToolsCache(): void {
  cache.clear();
}

function envCandidates(env: NodeJS.ProcessEnv): Candidate[] {
  const ffmpeg = env.FFMPEG_PATH?.trim();
  const ffprobe = env.FFPROBE_PATH?.trim();
  if (!ffmpeg && !ffprobe) return [];
  return [{ ffmpeg: ffmpeg || 'ffmpeg', ffprobe: ffprobe || 'ffprobe', source: 'env' }];
}

function pathCandidate(): Candidate {
  return { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', source: 'path' };
}

function bundledCandidates(): Candidate[] {
  const require = createRequire(import.meta.url);
  try {
    const ffmpeg = unpackedPath((require('@ffmpeg-installer/ffmpeg') as { path: string }).path);
    const ffprobe = unpackedPath((require('@ffprobe-installer/ffprobe') as { path: string }).path);
    return [{ ffmpeg, ffprobe, source: 'bundled' }];
  } catch {
    return [];
  }
}

/** In a packaged app the binaries are unpacked next to the asar, where they can be executed. */
function unpackedPath(p: string): string {
  return p.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

function checkCached(candidate: Candidate): Promise<FfmpegTools | undefined> {
  const key = `${candidate.source}\0${candidate.ffmpeg}\0${candidate.ffprobe}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = check(candidate);
    cache.set(key, pending);
  }
  return pending;
}

async function check(candidate: Candidate): Promise<FfmpegTools | undefined> {
  if (candidate.source === 'bundled') {
    // @ffprobe-installer ships its binary with mode 0644; without this it cannot run.
    await chmod(candidate.ffprobe, 0o755).catch(() => undefined);
    await chmod(candidate.ffmpeg, 0o755).catch(() => undefined);
  }
  try {
    const [version, probeVersion, filters, encoders] = await Promise.all([
      runTool(candidate.ffmpeg, ['-hide_banner', '-version'], { captureStdout: true, timeoutMs: CHECK_TIMEOUT_MS }),
      runTool(candidate.ffprobe, ['-hide_banner', '-version'], { captureStdout: true, timeoutMs: CHECK_TIMEOUT_MS }),
      runTool(candidate.ffmpeg, ['-hide_banner', '-filters'], { captureStdout: true, timeoutMs: CHECK_TIMEOUT_MS }),
      runTool(candidate.ffmpeg, ['-hide_banner', '-encoders'], { captureStdout: true, timeoutMs: CHECK_TIMEOUT_MS }),
    ]);
    if ([version, probeVersion, filters, encoders].some((r) => r.code !== 0)) return undefined;
    const encoderNames = parseEncoderNames(encoders.stdout);
    if (!encoderNames.has('libx264') || !encoderNames.has('aac')) return undefined;
    const caps = capabilitiesFrom(parseFilterNames(filters.stdout));
    return { ...candidate, version: parseVersion(version.stdout) ?? 'unknown', ...caps };
  } catch {
    // ENOENT / EACCES: this candidate does not exist or cannot run.
    return undefined;
  }
}
