/**
 * Pure reading of `ffprobe -print_format json -show_format -show_streams` output into what the engine stores.
 * Tested on literal ffprobe JSON (LosslessCut habit: pure parsers of tool output).
 */
import { z } from 'zod';
import { appError } from '../../../shared/errors';
import type { MediaRecord } from '../types';

export type ProbeResult = Omit<MediaRecord, 'id' | 'path' | 'createdAt' | 'size'>;

const sideDataSchema = z.looseObject({ side_data_type: z.string().optional(), rotation: z.union([z.number(), z.string()]).optional() });

const streamSchema = z.looseObject({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  duration: z.string().optional(),
  nb_frames: z.string().optional(),
  disposition: z.looseObject({ attached_pic: z.number().optional() }).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  side_data_list: z.array(sideDataSchema).optional(),
});
type ProbeStream = z.infer<typeof streamSchema>;

const probeSchema = z.looseObject({
  streams: z.array(streamSchema).optional().default([]),
  format: z.looseObject({ format_name: z.string().optional(), duration: z.string().optional() }).optional(),
});

/** Codecs that hold one picture; ffprobe reports them as a video stream. */
const IMAGE_CODECS = new Set(['png', 'mjpeg', 'jpeg2000', 'bmp', 'webp', 'tiff', 'gif', 'jpegls', 'pam', 'ppm', 'pgm', 'qoi']);
const IMAGE_FORMAT = /(^|,)(image2|[a-z0-9]+_pipe|png|webp)(,|$)/;

export function parseProbeJson(json: unknown, name: string): ProbeResult {
  const parsed = probeSchema.safeParse(json);
  if (!parsed.success) throw unsupported(name, 'ffprobe could not read it');
  const { streams, format } = parsed.data;
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1 && (s.width ?? 0) > 0);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const formatDurationMs = toMs(format?.duration);

  if (video) {
    const rotation = rotationOf(video);
    const swap = rotation === 90 || rotation === 270;
    const width = video.width ?? 0;
    const height = video.height ?? 0;
    const display = { width: swap ? height : width, height: swap ? width : height };
    if (isImage(video, format?.format_name)) {
      return { name, kind: 'image', durationMs: 0, ...display, fps: 0, rotation, hasAudio: false };
    }
    const durationMs = formatDurationMs ?? toMs(video.duration) ?? 0;
    if (durationMs <= 0) throw unsupported(name, 'it has no playable length (it may be cut short)');
    const fps = frameRate(video.avg_frame_rate) ?? frameRate(video.r_frame_rate) ?? 30;
    return { name, kind: 'video', durationMs, ...display, fps, rotation, hasAudio: audio !== undefined };
  }
  if (audio) {
    const durationMs = formatDurationMs ?? toMs(audio.duration) ?? 0;
    if (durationMs <= 0) throw unsupported(name, 'it has no playable length (it may be cut short)');
    return { name, kind: 'audio', durationMs, width: 0, height: 0, fps: 0, rotation: 0, hasAudio: true };
  }
  throw unsupported(name, 'it has no picture or sound that can be used');
}

export function unsupported(name: string, why: string): Error {
  return appError('media.unsupported', `“${name}” can't be used: ${why}. Use a video (MP4, MOV, WebM), an image (JPG, PNG) or audio (MP3, WAV, M4A).`);
}

function isImage(stream: ProbeStream, formatName: string | undefined): boolean {
  const codec = stream.codec_name ?? '';
  if (!IMAGE_CODECS.has(codec)) return false;
  // An animated GIF or an MJPEG movie has many frames: it is a video.
  const frames = Number(stream.nb_frames ?? '1');
  if (Number.isFinite(frames) && frames > 1) return false;
  return formatName === undefined || IMAGE_FORMAT.test(formatName) || codec !== 'mjpeg';
}

/**
 * Degrees clockwise the picture must turn to display upright: the display matrix reports the
 * counter-clockwise angle (-90 for a phone held upright), the older `rotate` tag the clockwise one.
 */
export function rotationOf(stream: ProbeStream): number {
  const matrix = stream.side_data_list?.find((d) => d.rotation !== undefined);
  if (matrix?.rotation !== undefined) return normalizeDegrees(-Number(matrix.rotation));
  const tag = stream.tags?.rotate;
  if (tag !== undefined) return normalizeDegrees(Number(tag));
  return 0;
}

function normalizeDegrees(deg: number): number {
  if (!Number.isFinite(deg)) return 0;
  const quarter = Math.round(deg / 90) * 90;
  return ((quarter % 360) + 360) % 360;
}

/** `30000/1001` → 29.97; `0/0` → undefined. */
export function frameRate(rate: string | undefined): number | undefined {
  if (!rate) return undefined;
  const [num, den] = rate.split('/').map(Number);
  if (num === undefined || !Number.isFinite(num) || num <= 0) return undefined;
  const value = den === undefined ? num : den > 0 ? num / den : NaN;
  if (!Number.isFinite(value) || value <= 0 || value > 240) return undefined;
  return Math.round(value * 1000) / 1000;
}

function toMs(seconds: string | undefined): number | undefined {
  if (seconds === undefined) return undefined;
  const value = Number(seconds);
  return Number.isFinite(value) && value > 0 ? Math.round(value * 1000) : undefined;
}
