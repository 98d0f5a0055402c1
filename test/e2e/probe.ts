import { execFileSync } from 'node:child_process';

export interface Probe {
  width: number;
  height: number;
  videoCodec: string;
  audioCodec: string | undefined;
  durationS: number;
}

/** What ffprobe says about a rendered file. */
export function probe(file: string): Probe {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], { encoding: 'utf8' });
  const parsed = JSON.parse(out) as { streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number }>; format: { duration: string } };
  const video = parsed.streams.find((s) => s.codec_type === 'video');
  const audio = parsed.streams.find((s) => s.codec_type === 'audio');
  return {
    width: video?.width ?? 0,
    height: video?.height ?? 0,
    videoCodec: video?.codec_name ?? '',
    audioCodec: audio?.codec_name,
    durationS: Number(parsed.format.duration),
  };
}
