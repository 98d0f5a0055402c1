// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://127.0.0.1:43917/"}
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { stageThroughHost } from '../../../renderer/bridge/stage';
import { SECRET, startHarness, type Harness } from '../browser/harness';

// jsdom's XHR origin is fixed when the window is made, so the page and the server share this port.
const PORT = 43917;

// One server for the file: jsdom keeps sockets alive, and a server restarted on the same port would reset them.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ port: PORT });
});
afterAll(async () => {
  await h.close();
});

describe('stageThroughHost (browser XHR against the real staging route)', () => {
  it('uploads each file in turn with progress and returns the staged paths', async () => {
    const files = [new File([new Uint8Array(70_000).fill(1)], 'clip one.mp4'), new File(['hello'], 'title.png')];
    const progress: Array<[number, number, number]> = [];
    const paths = await stageThroughHost(files, window.location.href, SECRET, (...p) => progress.push(p));
    expect(paths.map((p) => path.basename(p))).toEqual(['clip one.mp4', 'title.png']);
    expect(readFileSync(paths[0]!).length).toBe(70_000);
    expect(readFileSync(paths[1]!, 'utf8')).toBe('hello');
    expect(progress.at(-1)).toEqual([1, 5, 5]);
    expect(progress.some(([i, loaded, total]) => i === 0 && loaded === total && total === 70_000)).toBe(true);
  });

  it('rejects with a user-facing error when the host refuses (wrong secret)', async () => {
    const err = await stageThroughHost([new File(['x'], 'a.mp4')], window.location.href, 'wrong').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).user.message).toContain('403');
  });
});
