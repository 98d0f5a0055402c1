import { describe, expect, it } from 'vitest';
import { outTimeFromFields, parseProgressText, percentOf, ProgressParser } from '../../../../main/engine/render/progress';

// Literal `-progress pipe:1` output of Debian's ffmpeg 5.1 (two blocks, the last one final).
const DEBIAN = `frame=1
fps=0.00
stream_0_0_q=-0.0
bitrate=N/A
total_size=N/A
out_time_us=40000
out_time_ms=40000
out_time=00:00:00.040000
dup_frames=0
drop_frames=0
speed=N/A
progress=continue
frame=750
fps=187.50
stream_0_0_q=28.0
bitrate=1043.2kbits/s
total_size=3260416
out_time_us=25000000
out_time_ms=25000000
out_time=00:00:25.000000
dup_frames=0
drop_frames=0
speed=6.25x
progress=end
`;

// The 2018 build before any frame is out: out_time is negative and the byte count is N/A.
const EARLY = `frame=0
fps=0.0
bitrate=N/A
total_size=48
out_time_us=-9223372036854775807
out_time_ms=-9223372036854775807
out_time=-2562047788:00:54.775807
progress=continue
`;

describe('progress parser', () => {
  it('reads each block of -progress output', () => {
    expect(parseProgressText(DEBIAN)).toEqual([
      { outTimeMs: 40, done: false },
      { outTimeMs: 25000, done: true },
    ]);
  });

  it('treats a negative start time as zero', () => {
    expect(parseProgressText(EARLY)).toEqual([{ outTimeMs: 0, done: false }]);
  });

  it('falls back to out_time when the microsecond fields are missing', () => {
    expect(outTimeFromFields(new Map([['out_time', '00:01:02.500000']]))).toBe(62500);
    expect(outTimeFromFields(new Map([['out_time', 'N/A']]))).toBeUndefined();
  });

  it('copes with lines split across chunks only at line boundaries', () => {
    const seen: number[] = [];
    const parser = new ProgressParser((s) => seen.push(s.outTimeMs));
    for (const line of ['out_time_us=1500000', 'progress=continue', 'garbage line', 'out_time_us=3000000', 'progress=end']) parser.push(line);
    expect(seen).toEqual([1500, 3000]);
  });

  it('turns output time into a bounded whole percent', () => {
    expect(percentOf(15000, 60000)).toBe(25);
    expect(percentOf(59999, 60000)).toBe(99);
    expect(percentOf(70000, 60000)).toBe(100);
    expect(percentOf(10, 0)).toBe(0);
  });
});
