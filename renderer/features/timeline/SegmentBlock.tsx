import type { CSSProperties, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSeconds } from '../../../shared/draft';
import type { SegmentBox, TrackKind } from './layout';

/** One segment drawn to scale. The only role="listitem" in the timeline, so the e2e tests can count them. */
export function SegmentBlock({ box, kind }: { box: SegmentBox; kind: TrackKind }): ReactElement {
  const { t } = useTranslation();
  const start = formatSeconds(box.startMs);
  const end = formatSeconds(box.endMs);
  const label = [
    t('timeline.segment', { label: box.label, start, end }),
    box.volume !== undefined ? t('timeline.volumeLabel', { percent: box.volume }) : '',
    box.changed ? t('timeline.changed') : '',
  ].filter(Boolean).join(', ');
  const style = { left: `${box.left}%`, width: `${box.width}%`, '--lane': box.lane } as CSSProperties;
  const isText = kind === 'text' || kind === 'title';
  return (
    <div role="listitem" aria-label={label} title={label} style={style} data-changed={box.changed || undefined}
      className={`segment segment--${kind}${box.changed ? ' is-changed' : ''}`}>
      <span className="segment__label">{isText ? `“${box.text ?? box.label}”` : box.label}</span>
      <span className="segment__meta">
        <span className="segment__range">{t('timeline.range', { start, end })}</span>
        {box.volume !== undefined && <span className="segment__volume">{t('timeline.volume', { percent: box.volume })}</span>}
      </span>
    </div>
  );
}
