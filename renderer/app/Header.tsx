import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, CreditsView } from '../../shared/bridge';
import { useErrorText } from '../hooks/useErrorText';
import { useAppState, useDispatch } from '../hooks/useAppState';
import { useErrorAction } from '../hooks/useErrorAction';
import { GearIcon, LogoMark } from './icons';

function ConnectionStatus({ connection }: { connection: Connection | null }): ReactElement {
  const { t } = useTranslation();
  const onAction = useErrorAction();
  const errorText = useErrorText();
  const state = connection?.state ?? 'connecting';
  const error = connection?.error;
  const label = state === 'connecting' ? t('header.connecting') : state === 'connected' ? t('header.connected') : state === 'offline' ? t('header.offline') : t('header.error');
  const actionLabel = error ? errorText.actionLabel(error) : undefined;
  return (
    <div className={`status status--${state}`} role="status" aria-live="polite">
      <span className="status__dot" aria-hidden="true" />
      <span className="status__label">{label}</span>
      {error && <span className="status__detail">{errorText.message(error)}</span>}
      {error && actionLabel && (
        <button type="button" className="button button--small" onClick={() => onAction(error)}>{actionLabel}</button>
      )}
    </div>
  );
}

function Credits({ credits }: { credits: CreditsView | undefined }): ReactElement | null {
  const { t } = useTranslation();
  if (!credits) return null;
  if (credits.kind === 'local') return <span className="chip chip--free">{t('header.localFree')}</span>;
  if (credits.kind === 'unknown') return <span className="chip">{t('header.creditsUnknown')}</span>;
  return (
    <span className="chip" title={t('header.cloudCreditsDetail', { ...credits })}>
      {t('header.cloudCredits', { available: credits.available })}
    </span>
  );
}

export function Header(): ReactElement {
  const { t } = useTranslation();
  const connection = useAppState((state) => state.connection);
  const credits = useAppState((state) => state.snapshot?.credits);
  const dispatch = useDispatch();
  return (
    <header className="header">
      <div className="header__brand">
        <LogoMark />
        <span className="header__name">{t('app.name')}</span>
      </div>
      <div className="header__end">
        <ConnectionStatus connection={connection} />
        <Credits credits={credits} />
        <button type="button" className="icon-button" aria-label={t('header.settings')} title={t('header.settings')}
          onClick={() => dispatch({ type: 'settings.open' })}>
          <GearIcon />
        </button>
      </div>
    </header>
  );
}
