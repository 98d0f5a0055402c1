/**
 * The render queue with real and fake ffmpeg: one job at a time with queue positions, cancel kills ffmpeg and
 * removes the partial file, and a full disk or a crash fails the job with a reason while earlier outputs stay.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDraft } from '../../shared/draft';
import { runningChildren } from '../../main/engine/ffmpeg/run';
import { resolveFfmpegTools } from '../../main/engine/ffmpeg/resolve';
import { RenderQueue } from '../../main/engine/render/queue';
import type { FfmpegTools, MediaRecord, RenderJobStatus, RenderRequest } from '../../main/engine/types';

const run = promisify(execFile);
let dir: string;
let tools: FfmpegTools;
let media: Map<string, MediaRecord>;

const stillDraft = (ms: number, size: { width: number; height: number }): LocalDraft => ({
  d: ms, m: { ...size, fps: 30 }, t: [{ id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: ms, m: { src: 'med_1', name: 'still.png', kind: 'image', in: 0, zoom: 0.2 } }] }],
});
const request = (draft: LocalDraft, name: string): RenderRequest => ({ draft, media, outPath: join(dir, 'out', name), workDir: join(dir, 'work') });

/** A stand-in ffmpeg that starts writing its output, then fails the way a full disk does. */
const DISK_FULL = `#!/bin/sh
for last; do :; done
printf 'partial' > "$last"
echo "[mp4 @ 0x55d1c8a0] Error writing trailer of $last: No space left on device" >&2
exit 1
`;
/** A stand-in ffmpeg that crashes. */
const CRASH = `#!/bin/sh
for last; do :; done
printf 'partial' > "$last"
echo "[h264 @ 0x1] Invalid NAL unit size" >&2
kill -SEGV $$
`;

async function fakeTools(script: string, name: string): Promise<FfmpegTools> {
  const path = join(dir, name);
  await writeFile(path, script);
  await chmod(path, 0o755);
  return { ...tools, ffmpeg: path };
}

function waitFor(queue: RenderQueue, id: string, done: (s: RenderJobStatus) => boolean): Promise<RenderJobStatus> {
  return new Promise((resolve) => {
    const now = queue.get(id);
    if (now && done(now)) {
      resolve(now);
      return;
    }
    const off = queue.onChange((s) => {
      if (s.id === id && done(s)) {
        off();
        resolve(s);
      }
    });
  });
}
const finished = (s: RenderJobStatus): boolean => ['completed', 'failed', 'cancelled'].includes(s.status);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vb-queue-'));
  await mkdir(join(dir, 'out'), { recursive: true });
  tools = await resolveFfmpegTools({ env: {} });
  await run(tools.ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=640x360', '-frames:v', '1', join(dir, 'still.png')]);
  media = new Map([['med_1', { id: 'med_1', name: 'still.png', kind: 'image', path: join(dir, 'still.png'), size: 1, durationMs: 0, width: 640, height: 360, fps: 0, rotation: 0, hasAudio: false, createdAt: 0 }]]);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('RenderQueue', () => {
  it('runs one job at a time, reports queue positions and progress, and cancel kills ffmpeg and removes the partial file', async () => {
    const queue = new RenderQueue(tools);
    const seen: RenderJobStatus[] = [];
    queue.onChange((s) => seen.push(s));
    // Long enough (zoom on every frame of a 1080p minute) that it is still running when cancelled.
    const long = queue.submit('render_1', request(stillDraft(60_000, { width: 1920, height: 1080 }), 'long.mp4'));
    const short = queue.submit('render_2', request(stillDraft(1000, { width: 320, height: 180 }), 'short.mp4'));
    expect(long.status).toBe('processing');
    expect(short).toMatchObject({ status: 'pending', queuePosition: 1 });
    expect(queue.list().map((s) => s.id)).toEqual(['render_1', 'render_2']);

    await waitFor(queue, 'render_1', (s) => s.progress > 0);
    expect(existsSync(join(dir, 'out', 'long.mp4.part'))).toBe(true);
    expect(queue.cancel('render_1')).toBe(true);
    const cancelled = await waitFor(queue, 'render_1', finished);
    expect(cancelled.status).toBe('cancelled');
    expect(existsSync(join(dir, 'out', 'long.mp4.part'))).toBe(false);
    expect(existsSync(join(dir, 'out', 'long.mp4'))).toBe(false);

    const done = await waitFor(queue, 'render_2', finished);
    expect(done).toMatchObject({ status: 'completed', progress: 100, queuePosition: 0 });
    expect(done.completedAt).toBeGreaterThanOrEqual(done.createdAt);
    expect(existsSync(join(dir, 'out', 'short.mp4'))).toBe(true);
    expect(runningChildren()).toBe(0);
    expect(queue.cancel('render_2')).toBe(false);
    // The second job waited its turn: it was never processing while the first one was.
    const firstEnd = seen.findIndex((s) => s.id === 'render_1' && s.status === 'cancelled');
    const secondStart = seen.findIndex((s) => s.id === 'render_2' && s.status === 'processing');
    expect(secondStart).toBeGreaterThan(firstEnd);
  });

  it('cancels a job that is still waiting without running it', async () => {
    const queue = new RenderQueue(tools);
    queue.submit('a', request(stillDraft(1000, { width: 320, height: 180 }), 'a.mp4'));
    queue.submit('b', request(stillDraft(1000, { width: 320, height: 180 }), 'b.mp4'));
    expect(queue.cancel('b')).toBe(true);
    expect(queue.get('b')).toMatchObject({ status: 'cancelled' });
    await waitFor(queue, 'a', finished);
    expect(existsSync(join(dir, 'out', 'b.mp4'))).toBe(false);
    expect(queue.get('missing')).toBeUndefined();
  });

  it('fails a job on a full disk with a reason, leaving earlier outputs untouched and no partial file', async () => {
    await writeFile(join(dir, 'out', 'earlier.mp4'), 'earlier export');
    await writeFile(join(dir, 'out', 'again.mp4'), 'first version');
    const queue = new RenderQueue(await fakeTools(DISK_FULL, 'ffmpeg-disk-full'));
    queue.submit('full_1', request(stillDraft(1000, { width: 320, height: 180 }), 'again.mp4'));
    const failed = await waitFor(queue, 'full_1', finished);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/disk is full/i);
    expect(await readFile(join(dir, 'out', 'earlier.mp4'), 'utf8')).toBe('earlier export');
    expect(await readFile(join(dir, 'out', 'again.mp4'), 'utf8')).toBe('first version');
    expect(existsSync(join(dir, 'out', 'again.mp4.part'))).toBe(false);
  });

  it('fails a job when ffmpeg crashes, with its last message', async () => {
    const queue = new RenderQueue(await fakeTools(CRASH, 'ffmpeg-crash'));
    queue.submit('crash_1', request(stillDraft(1000, { width: 320, height: 180 }), 'crash.mp4'));
    const failed = await waitFor(queue, 'crash_1', finished);
    expect(failed).toMatchObject({ status: 'failed', error: 'The render failed: Invalid NAL unit size' });
    expect(existsSync(join(dir, 'out', 'crash.mp4.part'))).toBe(false);
  });

  it('fails an empty draft with "Add media first"', async () => {
    const queue = new RenderQueue(tools);
    queue.submit('empty', request({ d: 0, m: { width: 320, height: 180, fps: 30 }, t: [] }, 'empty.mp4'));
    const failed = await waitFor(queue, 'empty', finished);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/Add media first/);
  });
});
