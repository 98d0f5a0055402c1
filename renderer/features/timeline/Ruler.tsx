import type { ReactElement } from 'react';
import { formatClock } from '../../app/format';
import type { TimelineLayout } from './layout';

/** Time marks above the tracks (decoration only; each segment states its own times). */
export function Ruler({ layout }: { layout: TimelineLayout }): ReactElement {
  return (
    <div className="ruler" aria-hidden="true">
      <div className="ruler__gutter" />
      <div className="ruler__marks">
        {layout.ticks.map((at) => (
          <span key={at} className="ruler__tick" style={{ left: `${(at / layout.durationMs) * 100}%` }}>{formatClock(at)}</span>
        ))}
      </div>
    </div>
  );
}
