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
  let probed: ProbeResult;
  try {
    probed = parseProbeJson(json, name);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unsupported(name, 'ffprobe could not read it');
  }
  if (probed.kind !== 'image' && probed.durationMs > 0 && !(await endDecodes(tools, filePath, probed))) {
    throw unsupported(name, 'it is cut short or damaged (its end cannot be played)');
  }
  return probed;
}

/** A copy cut short keeps its header, so ffprobe reports the full length; only decoding its last moment shows the gap. */
const DAMAGE = /partial file|invalid data|error while decoding|truncat|end of file|corrupt/i;

async function endDecodes(tools: FfmpegTools, filePath: string, probed: ProbeResult): Promise<boolean> {
  const at = Math.max(0, probed.durationMs - 500) / 1000;
  const stream = probed.kind === 'video' ? ['-map', '0:v:0', '-frames:v', '1'] : ['-map', '0:a:0', '-frames:a', '1'];
  const result = await runTool(tools.ffmpeg, ['-v', 'error', '-nostdin', '-ss', at.toFixed(3), '-i', resolve(filePath), ...stream, '-f', 'null', '-'], {
    timeoutMs: PROBE_TIMEOUT_MS,
  });
  return result.code === 0 && !result.stderrTail.some((line) => DAMAGE.test(line));
}
