import { useEffect, useState } from 'react';
import { peaks } from './peaks';

const BUCKETS = 40;
/** Decoding holds the whole file in memory as PCM; past this we show the icon instead. */
const MAX_DECODE_BYTES = 40 * 1024 * 1024;

/** The waveform of an audio file, decoded with WebAudio; null while loading or when it can't be decoded. */
export function useWaveform(url: string | undefined, size: number): number[] | null {
  const [bars, setBars] = useState<number[] | null>(null);
  useEffect(() => {
    if (!url || size > MAX_DECODE_BYTES || typeof window.OfflineAudioContext === 'undefined') return undefined;
    const abort = new AbortController();
    void (async () => {
      try {
        const response = await fetch(url, { signal: abort.signal });
        if (!response.ok) return;
        const data = await response.arrayBuffer();
        // 8 kHz mono is plenty for a picture of loudness and decodes fast.
        const context = new OfflineAudioContext(1, 8000, 8000);
        const audio = await context.decodeAudioData(data);
        if (!abort.signal.aborted) setBars(peaks(audio.getChannelData(0), BUCKETS));
      } catch {
        // The icon stays: a waveform is a nicety, never a reason to bother the person.
      }
    })();
    return () => abort.abort();
  }, [url, size]);
  return bars;
}
