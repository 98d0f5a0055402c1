import { describe, expect, it } from 'vitest';
import { fitFragment } from '../../../../main/engine/render/fit';

const landscape = { width: 1920, height: 1080 };
const portrait = { width: 1080, height: 1920 };

describe('fit chains', () => {
  it('cover crops the overflow to the canvas aspect, then scales (fewer pixels to scale)', () => {
    expect(fitFragment({ width: 1280, height: 720 }, landscape, 'cover', 't')).toBe('scale=1920:1080');
    expect(fitFragment({ width: 1920, height: 1080 }, portrait, 'cover', 't')).toBe('crop=608:1080,scale=1080:1920');
    expect(fitFragment({ width: 4000, height: 3000 }, landscape, 'cover', 't')).toBe('crop=4000:2250,scale=1920:1080');
  });

  it('contain scales to fit inside and pads with black', () => {
    expect(fitFragment({ width: 1920, height: 1080 }, portrait, 'contain', 't')).toBe('scale=1080:608,pad=1080:1920:0:656:black');
    expect(fitFragment({ width: 1080, height: 1920 }, landscape, 'contain', 't')).toBe('scale=608:1080,pad=1920:1080:656:0:black');
  });

  it('contain-blur puts the contained picture over a blurred, quarter-size cover of itself', () => {
    expect(fitFragment({ width: 1080, height: 1920 }, landscape, 'contain-blur', 'k')).toBe(
      'split=2[kbg][kfg];' +
        '[kbg]crop=1080:608,scale=480:270,boxblur=8:2,scale=1920:1080[kbgb];' +
        '[kfg]scale=608:1080[kfgs];' +
        '[kbgb][kfgs]overlay=656:0',
    );
  });

  it('needs no filter when the source already has the canvas size, and no blur when the aspect matches', () => {
    expect(fitFragment(landscape, landscape, 'contain-blur', 'k')).toBe('');
    expect(fitFragment({ width: 3840, height: 2160 }, landscape, 'contain-blur', 'k')).toBe('scale=1920:1080');
  });

  it('falls back to ffmpeg aspect arithmetic when the size is unknown', () => {
    expect(fitFragment({ width: 0, height: 0 }, landscape, 'cover', 't')).toBe('scale=1920:1080:force_original_aspect_ratio=increase,crop=1920:1080');
    expect(fitFragment({ width: 0, height: 0 }, landscape, 'contain', 't')).toBe(
      'scale=1920:1080:force_original_aspect_ratio=decrease,pad=1920:1080:(ow-iw)/2:(oh-ih)/2:black',
    );
  });
});
