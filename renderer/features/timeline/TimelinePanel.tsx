import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSeconds } from '../../../shared/draft';
import { RedoIcon, UndoIcon } from '../../app/icons';
import { useAppState } from '../../hooks/useAppState';
import { useCommand } from '../../hooks/useCommand';
import { layoutTimeline } from './layout';
import { Ruler } from './Ruler';
import { TrackRowView } from './TrackRowView';

const NO_IDS: string[] = [];

export function TimelinePanel(): ReactElement {
  const { t } = useTranslation();
  const run = useCommand();
  const timeline = useAppState((state) => state.snapshot?.timeline);
  const changedIds = timeline?.changedIds ?? NO_IDS;
  const layout = useMemo(() => layoutTimeline(timeline?.draft, changedIds), [timeline?.draft, changedIds]);
  const empty = layout.rows.length === 0;
  return (
    <section className="panel timeline" aria-label={t('timeline.title')}>
      <div className="panel__head timeline__head">
        <h2 className="panel__title">{t('timeline.title')}</h2>
        {!empty && <span className="panel__count">{t('timeline.total', { seconds: formatSeconds(layout.durationMs) })}</span>}
        <p className="timeline__summary" title={timeline?.summary}>{empty ? '' : timeline?.summary}</p>
        <div className="timeline__actions">
          <button type="button" className="button button--small button--ghost" disabled={!timeline?.canUndo}
            onClick={() => void run('timeline.undo', {})}>
            <UndoIcon />{t('timeline.undo')}
          </button>
          <button type="button" className="button button--small button--ghost" disabled={!timeline?.canRedo}
            onClick={() => void run('timeline.redo', {})}>
            <RedoIcon />{t('timeline.redo')}
          </button>
        </div>
      </div>
      {empty ? (
        <div className="timeline__empty">
          <strong>{t('timeline.emptyTitle')}</strong>
          <span>{t('timeline.emptyBody')}</span>
        </div>
      ) : (
        <div className="timeline__body">
          <Ruler layout={layout} />
          {layout.rows.map((row) => <TrackRowView key={row.key} row={row} layout={layout} />)}
        </div>
      )}
    </section>
  );
}
