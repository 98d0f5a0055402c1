import { useState, type ReactElement } from 'react';
import type { MediaItem } from '../../../shared/bridge';
import { FilmIcon, ImageIcon, MusicIcon } from '../../app/icons';
import { useWaveform } from './useWaveform';

const KIND_ICONS = { video: FilmIcon, image: ImageIcon, audio: MusicIcon };

function Waveform({ item }: { item: MediaItem }): ReactElement {
  const bars = useWaveform(item.previewUrl, item.size);
  if (!bars) return <MusicIcon className="thumb__icon" />;
  const width = 100 / bars.length;
  return (
    <svg className="thumb__wave" viewBox="0 0 100 40" preserveAspectRatio="none" aria-hidden="true">
      {bars.map((bar, i) => {
        const height = Math.max(2, bar * 36);
        return <rect key={i} x={i * width + width * 0.2} y={20 - height / 2} width={width * 0.6} height={height} rx={0.6} />;
      })}
    </svg>
  );
}

/** A picture of the file: the image itself, a video's first frame, or an audio waveform; the kind icon until then. */
export function Thumb({ item }: { item: MediaItem }): ReactElement {
  const [broken, setBroken] = useState(false);
  const Icon = KIND_ICONS[item.kind];
  let content: ReactElement = <Icon className="thumb__icon" />;
  if (item.kind === 'audio') content = <Waveform item={item} />;
  else if (item.previewUrl && !broken && item.kind === 'image') {
    content = <img src={item.previewUrl} alt="" loading="lazy" onError={() => setBroken(true)} />;
  } else if (item.previewUrl && !broken && item.kind === 'video') {
    // "#t=0.1" makes the browser paint an early frame instead of a black first one.
    content = <video src={`${item.previewUrl}#t=0.1`} preload="metadata" muted playsInline tabIndex={-1} onError={() => setBroken(true)} />;
  }
  return <div className={`thumb thumb--${item.kind}`} aria-hidden="true">{content}</div>;
}
