/** ffprobe one file and read it into a media record (issue 3 §Server: Media). */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { FfmpegTools } from '../types';
import { runTool } from '../ffmpeg/run';
import { parseProbeJson, unsupported, type ProbeResult } from './probe-parse';

export { parseProbeJson, type ProbeResult } from './probe-parse';

const PROBE_TIMEOUT_MS = 30_000;

export async function probeMedia(tools: FfmpegTools, filePath: string, name: string): Promise<ProbeResult> {
  const info = await stat(filePath);
  if (!info.isFile()) throw unsupported(name, 'it is not a file');
  if (info.size === 0) throw unsupported(name, 'the file is empty');
  const result = await runTool(
    tools.ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', resolve(filePath)],
    { captureStdout: true, timeoutMs: PROBE_TIMEOUT_MS },
  );
  if (result.code !== 0) throw unsupported(name, 'it is damaged, cut short or not a media file');
  let json: unknown;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    throw unsupported(name, 'ffprobe could not read it');
  }
  try {
    return parseProbeJson(json, name);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unsupported(name, 'ffprobe could not read it');
  }
}
