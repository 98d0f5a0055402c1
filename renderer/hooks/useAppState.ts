import { useSyncExternalStore } from 'react';
import { useHost } from '../app/HostContext';
import type { AppState } from '../state/types';

/** Reads one slice of the app state; the selector must return a stored reference or a primitive. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const { store } = useHost();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

export function useDispatch(): ReturnType<typeof useHost>['store']['dispatch'] {
  return useHost().store.dispatch;
}
