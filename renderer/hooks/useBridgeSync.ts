import { useEffect } from 'react';
import { eventNames, type EventName, type EventPayload } from '../../shared/bridge';
import { useHost } from '../app/HostContext';
import { toUserError } from '../../shared/errors';

const RETRY_MS = 3000;

/**
 * Listens to every event first, then says `app.ready` (main flushes its queue and answers with the whole
 * state). If main can't be reached yet, the header shows the problem and we try again.
 */
export function useBridgeSync(): void {
  const { bridge, store } = useHost();
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const unsubscribers = eventNames.map((name) =>
      bridge.on(name, (payload: EventPayload<EventName>) =>
        store.dispatch({ type: 'event', name, payload, now: Date.now() } as Parameters<typeof store.dispatch>[0]),
      ),
    );
    const ready = async (): Promise<void> => {
      try {
        const snapshot = await bridge['app.ready']({});
        if (!stopped) store.dispatch({ type: 'snapshot', snapshot, now: Date.now() });
      } catch (thrown) {
        if (stopped) return;
        const backend = store.getState().connection?.backend ?? 'local';
        store.dispatch({ type: 'event', name: 'connection', payload: { state: 'error', backend, error: toUserError(thrown) } });
        timer = window.setTimeout(() => void ready(), RETRY_MS);
      }
    };
    void ready();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [bridge, store]);
}
