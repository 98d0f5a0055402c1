/**
 * Reads ffmpeg's `-progress pipe:1` output: blocks of `key=value` lines, each ending with `progress=continue`
 * or `progress=end`. Pure and line-driven, so it is tested on literal output.
 */

export interface ProgressSnapshot {
  /** Output time reached, in ms. */
  outTimeMs: number;
  done: boolean;
}

/** Output time in ms from one block's fields; `out_time_us` first (`out_time_ms` is also µs, an old ffmpeg quirk). */
export function outTimeFromFields(fields: ReadonlyMap<string, string>): number | undefined {
  for (const key of ['out_time_us', 'out_time_ms']) {
    const raw = fields.get(key);
    if (raw !== undefined && /^-?\d+$/.test(raw.trim())) {
      const us = Number(raw.trim());
      return us >= 0 ? us / 1000 : undefined;
    }
  }
  const clock = fields.get('out_time');
  const match = clock ? /^(-)?(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(clock.trim()) : null;
  if (!match || match[1]) return undefined;
  return (Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4])) * 1000;
}

export function percentOf(outTimeMs: number, durationMs: number): number {
  if (durationMs <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((outTimeMs / durationMs) * 100)));
}

/** Feed it lines; it calls back once per completed block. */
export class ProgressParser {
  private fields = new Map<string, string>();

  constructor(private readonly onBlock: (snapshot: ProgressSnapshot) => void) {}

  push(line: string): void {
    const eq = line.indexOf('=');
    if (eq <= 0) return;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (key !== 'progress') {
      this.fields.set(key, value);
      return;
    }
    const outTimeMs = outTimeFromFields(this.fields) ?? 0;
    this.fields = new Map();
    this.onBlock({ outTimeMs, done: value === 'end' });
  }
}

/** Every block of a whole `-progress` text, for tests and one-shot reads. */
export function parseProgressText(text: string): ProgressSnapshot[] {
  const out: ProgressSnapshot[] = [];
  const parser = new ProgressParser((s) => out.push(s));
  for (const line of text.split(/\r?\n/)) parser.push(line);
  return out;
}
