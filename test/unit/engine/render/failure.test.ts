import { describe, expect, it } from 'vitest';
import { lastMeaningfulLine, renderFailure } from '../../../../main/engine/render/failure';

describe('render failure messages', () => {
  it('reports a full disk as disk.full', () => {
    const err = renderFailure(['[mp4 @ 0x55d1c8a0] Error writing trailer: No space left on device', 'Conversion failed!'], 1);
    expect(err.user.code).toBe('disk.full');
  });

  it('gives the last meaningful ffmpeg line without its context prefix', () => {
    const tail = [
      '[Parsed_xfade_42 @ 0x5577fa15c4c0] First input link main timebase (1/1000000) do not match the corresponding second input link xfade timebase (1/30)',
      'Error reinitializing filters!',
      'Conversion failed!',
    ];
    expect(lastMeaningfulLine(tail)).toBe('Error reinitializing filters!');
    const err = renderFailure(tail, 1);
    expect(err.user).toEqual({ code: 'render.failed', message: 'The render failed: Error reinitializing filters!' });
  });

  it('says how ffmpeg stopped when it printed nothing', () => {
    expect(renderFailure([], 139).user.message).toBe('The render failed: ffmpeg stopped with code 139');
  });
});
