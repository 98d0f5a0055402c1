import { describe, expect, it } from 'vitest';
import { reduce, upsertById } from '../../../renderer/state/reducer';
import { initialState } from '../../../renderer/state/types';
import { makeSnapshot } from './fakeHost';

describe('reducer', () => {
  it('upserts by id: same id replaces in place, new id appends', () => {
    const list = [{ id: 'a', v: 1 }, { id: 'b', v: 1 }];
    expect(upsertById(list, { id: 'a', v: 2 })).toEqual([{ id: 'a', v: 2 }, { id: 'b', v: 1 }]);
    expect(upsertById(list, { id: 'c', v: 1 })).toHaveLength(3);
  });

  it('keeps a connection event that arrives before the snapshot, and ignores other early events', () => {
    let state = reduce(initialState, { type: 'event', name: 'connection', payload: { state: 'connecting', backend: 'local' } });
    state = reduce(state, { type: 'event', name: 'chat.entry', payload: { id: 'x', role: 'user', text: 'hi' } });
    expect(state.connection?.state).toBe('connecting');
    expect(state.snapshot).toBeNull();
    state = reduce(state, { type: 'snapshot', snapshot: makeSnapshot(), now: 1 });
    expect(state.connection?.state).toBe('connected');
  });

  it('tracks when a run began and forgets it when the run ends', () => {
    let state = reduce(initialState, { type: 'snapshot', snapshot: makeSnapshot(), now: 1 });
    state = reduce(state, { type: 'event', name: 'chat.busy', payload: { busy: true, queued: 1 }, now: 1000 });
    state = reduce(state, { type: 'event', name: 'chat.busy', payload: { busy: true, queued: 0 }, now: 5000 });
    expect(state.busySince).toBe(1000);
    expect(state.queuedMessages).toBe(0);
    state = reduce(state, { type: 'event', name: 'chat.busy', payload: { busy: false, queued: 0 }, now: 9000 });
    expect(state.busySince).toBeNull();
    expect(state.snapshot?.chatBusy).toBe(false);
  });

  it('gives toasts ids that never repeat and keeps at most four', () => {
    let state = initialState;
    for (let i = 0; i < 6; i += 1) state = reduce(state, { type: 'toast.push', toast: { level: 'info', message: `m${i}` } });
    expect(state.toasts.map((t) => t.message)).toEqual(['m2', 'm3', 'm4', 'm5']);
    state = reduce(state, { type: 'toast.dismiss', id: 6 });
    state = reduce(state, { type: 'event', name: 'toast', payload: { level: 'error', message: 'boom' } });
    expect(state.toasts.at(-1)?.id).toBe(7);
  });
});
