import { useEffect } from 'react';
import { useHost } from '../app/HostContext';
import { toUserError } from '../../shared/errors';

/** A promise nobody caught still reaches the person as a toast, never as silence or a console-only trace. */
export function useGlobalErrors(): void {
  const { store } = useHost();
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent): void => {
      event.preventDefault();
      const error = toUserError(event.reason);
      store.dispatch({ type: 'toast.push', toast: { level: 'error', message: error.message, error } });
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, [store]);
}
