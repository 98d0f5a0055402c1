import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../app/format';
import { useNow } from '../../hooks/useNow';

interface Props {
  since: number;
  queued: number;
  onCancel: () => void;
}

/** Shown while a run goes on: how long it has taken, what waits behind it, and a way out. */
export function RunBar({ since, queued, onCancel }: Props): ReactElement {
  const { t } = useTranslation();
  const now = useNow(true);
  return (
    <div className="runbar" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="runbar__label">{t('chat.working')}</span>
      <span className="runbar__time">{formatClock(now - since)}</span>
      {queued > 0 && <span className="runbar__queued">{t('chat.queued', { count: queued })}</span>}
      <button type="button" className="button button--small button--ghost runbar__cancel" onClick={onCancel}>{t('chat.cancel')}</button>
    </div>
  );
}
