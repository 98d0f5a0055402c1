import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { frameRate, parseProbeJson } from '../../../../main/engine/media/probe-parse';

// Trimmed but literal ffprobe -show_format -show_streams JSON.
const phonePortrait = {
  streams: [
    {
      index: 0, codec_name: 'h264', codec_type: 'video', width: 1920, height: 1080, avg_frame_rate: '30000/1001', r_frame_rate: '30000/1001',
      duration: '4.004000', nb_frames: '120', disposition: { default: 1, attached_pic: 0 },
      side_data_list: [{ side_data_type: 'Display Matrix', displaymatrix: '\n00000000:            0       65536           0\n', rotation: -90 }],
    },
    { index: 1, codec_name: 'aac', codec_type: 'audio', sample_rate: '48000', channels: 2, duration: '4.010000' },
  ],
  format: { filename: 'IMG_0001.MOV', nb_streams: 2, format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '4.010000', size: '5242880' },
};

const oldRotateTag = {
  streams: [{ codec_name: 'h264', codec_type: 'video', width: 1280, height: 720, avg_frame_rate: '25/1', tags: { rotate: '270', language: 'und' } }],
  format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '2.000000' },
};

const screenRecordingNoAudio = {
  streams: [{ codec_name: 'h264', codec_type: 'video', width: 320, height: 180, avg_frame_rate: '30/1', r_frame_rate: '30/1', duration: '2.000000', nb_frames: '60' }],
  format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '2.000000' },
};

const png = {
  streams: [{ codec_name: 'png', codec_type: 'video', width: 640, height: 480, avg_frame_rate: '0/0', r_frame_rate: '25/1' }],
  format: { format_name: 'png_pipe', size: '12345' },
};

const jpeg = {
  streams: [{ codec_name: 'mjpeg', codec_type: 'video', width: 4000, height: 3000, avg_frame_rate: '0/0', r_frame_rate: '25/1', duration: '0.040000', duration_ts: 1 }],
  format: { format_name: 'image2', duration: '0.040000' },
};

const mp3WithCover = {
  streams: [
    { codec_name: 'mp3', codec_type: 'audio', sample_rate: '44100', channels: 2, duration: '183.144000' },
    { codec_name: 'mjpeg', codec_type: 'video', width: 500, height: 500, disposition: { default: 0, attached_pic: 1 } },
  ],
  format: { format_name: 'mp3', duration: '183.144000' },
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.user.code : 'not-app-error';
  }
  return undefined;
}

describe('parseProbeJson', () => {
  it('turns a portrait phone clip (display matrix -90) into a tall display size', () => {
    expect(parseProbeJson(phonePortrait, 'IMG_0001.MOV')).toEqual({
      name: 'IMG_0001.MOV', kind: 'video', durationMs: 4010, width: 1080, height: 1920, fps: 29.97, rotation: 90, hasAudio: true,
    });
  });

  it('reads the older rotate tag', () => {
    const r = parseProbeJson(oldRotateTag, 'old.mp4');
    expect(r).toMatchObject({ rotation: 270, width: 720, height: 1280, fps: 25, durationMs: 2000, hasAudio: false });
  });

  it('marks a clip without an audio stream', () => {
    expect(parseProbeJson(screenRecordingNoAudio, 'screen.mp4')).toEqual({
      name: 'screen.mp4', kind: 'video', durationMs: 2000, width: 320, height: 180, fps: 30, rotation: 0, hasAudio: false,
    });
  });

  it('recognises PNG and JPEG stills as images with no duration', () => {
    expect(parseProbeJson(png, 'logo.png')).toEqual({ name: 'logo.png', kind: 'image', durationMs: 0, width: 640, height: 480, fps: 0, rotation: 0, hasAudio: false });
    expect(parseProbeJson(jpeg, 'photo.jpg')).toMatchObject({ kind: 'image', width: 4000, height: 3000, durationMs: 0 });
  });

  it('treats an MP3 with cover art as audio only', () => {
    expect(parseProbeJson(mp3WithCover, 'song.mp3')).toEqual({
      name: 'song.mp3', kind: 'audio', durationMs: 183144, width: 0, height: 0, fps: 0, rotation: 0, hasAudio: true,
    });
  });

  it('rejects files with no usable stream or no length as media.unsupported, naming the file', () => {
    expect(codeOf(() => parseProbeJson({ streams: [], format: { format_name: 'tty' } }, 'notes.mp4'))).toBe('media.unsupported');
    expect(codeOf(() => parseProbeJson({}, 'empty.mp4'))).toBe('media.unsupported');
    expect(codeOf(() => parseProbeJson('garbage', 'x.mp4'))).toBe('media.unsupported');
    const noLength = { streams: [{ codec_name: 'h264', codec_type: 'video', width: 320, height: 180, nb_frames: '0' }], format: { format_name: 'mov' } };
    expect(codeOf(() => parseProbeJson(noLength, 'cut.mp4'))).toBe('media.unsupported');
    try {
      parseProbeJson({ streams: [] }, 'notes.mp4');
    } catch (err) {
      expect((err as AppError).user.message).toContain('notes.mp4');
    }
  });

  it('reads frame rates', () => {
    expect(frameRate('30000/1001')).toBe(29.97);
    expect(frameRate('25/1')).toBe(25);
    expect(frameRate('0/0')).toBeUndefined();
    expect(frameRate(undefined)).toBeUndefined();
  });
});
