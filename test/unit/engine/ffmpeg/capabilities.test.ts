import { describe, expect, it } from 'vitest';
import { capabilitiesFrom, parseEncoderNames, parseFilterNames, parseVersion } from '../../../../main/engine/ffmpeg/capabilities';

// Literal excerpts of `ffmpeg -filters` from Debian's 5.1 and the bundled 2018 static build.
const DEBIAN_FILTERS = `Filters:
  T.. = Timeline support
  .S. = Slice threading
  ..C = Command support
  A = Audio input/output
  V = Video input/output
  N = Dynamic number and/or type of input/output
  | = Source or sink filter
 ... abench            A->A       Benchmark part of a filtergraph.
 ..C sidechaincompress AA->A      Sidechain compressor.
 T.C drawtext          V->V       Draw text on top of video frames using libfreetype library.
 .S. xfade             VV->V      Cross fade one video with another video.
 ... amerge            N->A       Merge two or more audio streams into a single multi-channel stream.
 ... anullsrc          |->A       Null audio source, return empty audio frames.
`;
const BUNDLED_FILTERS = ` ... acrossfade        AA->A      Cross fade two input audio streams.
 ... sidechaincompress AA->A      Sidechain compressor.
 T.C drawtext          V->V       Draw text on top of video frames using libfreetype library.
 TSC overlay           VV->V      Overlay a video source on top of the input.
`;
const ENCODERS = `Encoders:
 V..... = Video
 A..... = Audio
 ------
 V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
 A..... aac                  AAC (Advanced Audio Coding)
`;

describe('ffmpeg capability parsing', () => {
  it('reads filter names, including sources and dynamic-input filters', () => {
    const names = parseFilterNames(DEBIAN_FILTERS);
    expect([...names].sort()).toEqual(['abench', 'amerge', 'anullsrc', 'drawtext', 'sidechaincompress', 'xfade']);
  });

  it('reports xfade on Debian ffmpeg and its absence on the 2018 bundled build', () => {
    expect(capabilitiesFrom(parseFilterNames(DEBIAN_FILTERS))).toEqual({ hasXfade: true, hasDrawtext: true, hasSidechaincompress: true });
    expect(capabilitiesFrom(parseFilterNames(BUNDLED_FILTERS))).toEqual({ hasXfade: false, hasDrawtext: true, hasSidechaincompress: true });
  });

  it('reads encoder names', () => {
    const names = parseEncoderNames(ENCODERS);
    expect(names.has('libx264')).toBe(true);
    expect(names.has('aac')).toBe(true);
    expect(names.has('libx265')).toBe(false);
  });

  it('reads the version from the first line', () => {
    expect(parseVersion('ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers\nbuilt with gcc')).toBe('5.1.9-0+deb12u1');
    expect(parseVersion('ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/  Copyright')).toBe('N-47683-g0e8eb07980-static');
    expect(parseVersion('not ffmpeg')).toBeUndefined();
  });
});
