import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { resolveFfmpegTools } from '../../main/engine/ffmpeg/resolve';
import { probeMedia } from '../../main/engine/media/probe';
import type { FfmpegTools } from '../../main/engine/types';

let dir: string;
let tools: FfmpegTools;

beforeAll(async () => {
  tools = await resolveFfmpegTools();
  dir = mkdtempSync(join(tmpdir(), 'vb-probe-'));
  const make = (name: string, args: string[]): void => {
    execFileSync(tools.ffmpeg, ['-v', 'error', '-y', ...args, join(dir, name)]);
  };
  // faststart puts the index first, so a copy cut in half still has a header that claims the full length.
  make('whole.mp4', ['-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=30:d=4', '-f', 'lavfi', '-i', 'sine=d=4', '-shortest', '-c:v', 'libx264', '-c:a', 'aac', '-movflags', '+faststart']);
  const whole = readFileSync(join(dir, 'whole.mp4'));
  writeFileSync(join(dir, 'half.mp4'), whole.subarray(0, Math.floor(whole.length / 2)));
  make('song.m4a', ['-f', 'lavfi', '-i', 'sine=d=4', '-c:a', 'aac']);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('probeMedia on files cut short', () => {
  it('accepts a whole clip and a whole song', async () => {
    expect((await probeMedia(tools, join(dir, 'whole.mp4'), 'whole.mp4')).durationMs).toBeGreaterThan(3900);
    expect((await probeMedia(tools, join(dir, 'song.m4a'), 'song.m4a')).kind).toBe('audio');
  });

  it('refuses a clip whose header is intact but whose end is missing, naming the file', async () => {
    const refused = await probeMedia(tools, join(dir, 'half.mp4'), 'half.mp4').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).user.code).toBe('media.unsupported');
    expect((refused as AppError).user.message).toMatch(/half\.mp4.*cut short or damaged/);
  });
});
