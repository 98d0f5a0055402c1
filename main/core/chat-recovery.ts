/**
 * After a dropped stream the outcome is unknown, and re-sending could do the work (and charge) twice
 * (protocol.md §6.3). Instead the state is polled until it differs from the state before the run.
 */
import type { StateResponse } from '../../shared/protocol';

/** 30 s, then 60 s between polls, 5 polls (~5 minutes). */
export const DEFAULT_RECOVERY_DELAYS_MS = [30_000, 60_000, 60_000, 60_000, 60_000];

/** The parts of a state that a run can change: the draft and the media lists. */
export function stateFingerprint(state: StateResponse | undefined): string {
  const s = state?.state;
  return JSON.stringify({
    draft: s?.draft ?? null,
    media: s?.video_infos?.length ?? 0,
    generated: s?.generated_media?.length ?? 0,
  });
}

export function stateChanged(before: StateResponse | undefined, after: StateResponse | undefined): boolean {
  return stateFingerprint(before) !== stateFingerprint(after);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RecoveryOptions {
  before: StateResponse | undefined;
  fetchState: () => Promise<StateResponse>;
  delaysMs?: readonly number[];
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

/** The changed state, or null after every poll came back unchanged (or failed). */
export async function pollUntilChanged(opts: RecoveryOptions): Promise<StateResponse | null> {
  const sleep = opts.sleep ?? abortableSleep;
  for (const delay of opts.delaysMs ?? DEFAULT_RECOVERY_DELAYS_MS) {
    await sleep(delay, opts.signal);
    try {
      const state = await opts.fetchState();
      if (stateChanged(opts.before, state)) return state;
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      // A failed poll is one more unchanged answer: the service may be coming back.
    }
  }
  return null;
}
