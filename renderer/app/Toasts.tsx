import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Toast } from '../state/types';
import { useErrorText } from '../hooks/useErrorText';
import { useAppState, useDispatch } from '../hooks/useAppState';
import { useErrorAction } from '../hooks/useErrorAction';
import { AlertIcon, CheckIcon, CloseIcon, SparkIcon } from './icons';

const LIFETIME_MS = { info: 5000, success: 5000, error: 9000 };

function ToastCard({ toast }: { toast: Toast }): ReactElement {
  const { t } = useTranslation();
  const dispatch = useDispatch();
  const onAction = useErrorAction();
  const errorText = useErrorText();
  useEffect(() => {
    const timer = window.setTimeout(() => dispatch({ type: 'toast.dismiss', id: toast.id }), LIFETIME_MS[toast.level]);
    return () => window.clearTimeout(timer);
  }, [dispatch, toast.id, toast.level]);
  const message = toast.error ? errorText.message(toast.error) : toast.key ? t(toast.key, { ...toast.params, defaultValue: toast.message }) : toast.message;
  const actionLabel = toast.error ? errorText.actionLabel(toast.error) : undefined;
  const Glyph = toast.level === 'error' ? AlertIcon : toast.level === 'success' ? CheckIcon : SparkIcon;
  return (
    <div className={`toast toast--${toast.level}`} role={toast.level === 'error' ? 'alert' : 'status'}>
      <Glyph className="toast__icon" />
      <p className="toast__message">{message}</p>
      {toast.error && actionLabel && (
        <button type="button" className="button button--small" onClick={() => toast.error && onAction(toast.error)}>{actionLabel}</button>
      )}
      <button type="button" className="icon-button icon-button--small" aria-label={t('toast.dismiss')}
        onClick={() => dispatch({ type: 'toast.dismiss', id: toast.id })}>
        <CloseIcon />
      </button>
    </div>
  );
}

export function Toasts(): ReactElement {
  const { t } = useTranslation();
  const toasts = useAppState((state) => state.toasts);
  return (
    <section className="toasts" aria-label={t('toast.notifications')}>
      {toasts.map((toast) => <ToastCard key={toast.id} toast={toast} />)}
    </section>
  );
}
