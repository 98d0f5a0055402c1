import type { CSSProperties, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSeconds } from '../../../shared/draft';
import { FilmIcon, MusicIcon, TextIcon } from '../../app/icons';
import type { TimelineLayout, TrackKind, TrackRow } from './layout';
import { SegmentBlock } from './SegmentBlock';

const ICONS: Record<TrackKind, typeof FilmIcon> = { video: FilmIcon, audio: MusicIcon, text: TextIcon, title: TextIcon, other: FilmIcon };
const NAME_KEYS: Record<TrackKind, string> = {
  video: 'timeline.video', audio: 'timeline.audio', text: 'timeline.text', title: 'timeline.titleTrack', other: 'timeline.other',
};

/** One track: its icon and name, then its segments to scale, with the transitions marked where clips meet. */
export function TrackRowView({ row, layout }: { row: TrackRow; layout: TimelineLayout }): ReactElement {
  const { t } = useTranslation();
  const Icon = ICONS[row.kind];
  const name = t(NAME_KEYS[row.kind]);
  return (
    <div className={`track track--${row.kind}`} style={{ '--lanes': row.lanes } as CSSProperties}>
      <div className="track__head">
        <Icon className="track__icon" />
        <span className="track__name">{name}</span>
      </div>
      <div className="track__lane" role="list" aria-label={t('timeline.trackLabel', { kind: name })}>
        {row.segments.map((box) => <SegmentBlock key={box.key} box={box} kind={row.kind} />)}
        {row.segments.map((box) => {
          if (!box.transition) return null;
          const label = t('timeline.transition', { type: box.transition.type, seconds: formatSeconds(box.transition.durationMs) });
          const width = (box.transition.durationMs / layout.durationMs) * 100;
          return (
            <span key={`tr-${box.key}`} className="transition-marker" role="img" aria-label={label} title={label}
              style={{ left: `${box.left}%`, width: `${width}%`, '--lane': box.lane } as CSSProperties}>
              <span className="transition-marker__glyph" aria-hidden="true" />
            </span>
          );
        })}
      </div>
    </div>
  );
}
