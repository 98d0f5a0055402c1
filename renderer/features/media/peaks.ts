/**
 * Loudness per bucket (0–1) for a waveform: the peak of each slice, scaled so the loudest bucket is 1.
 * Works on one channel; a few hundred samples per bucket are enough, so it strides over long files.
 */
export function peaks(samples: ArrayLike<number>, buckets: number): number[] {
  if (buckets <= 0 || samples.length === 0) return [];
  const size = samples.length / buckets;
  const stride = Math.max(1, Math.floor(size / 256));
  const out: number[] = [];
  for (let b = 0; b < buckets; b += 1) {
    const from = Math.floor(b * size);
    const to = Math.max(from + 1, Math.floor((b + 1) * size));
    let peak = 0;
    for (let i = from; i < to && i < samples.length; i += stride) peak = Math.max(peak, Math.abs(samples[i] ?? 0));
    out.push(peak);
  }
  const loudest = Math.max(...out);
  return loudest > 0 ? out.map((value) => value / loudest) : out;
}
