import type { ChatEntry, EventName, EventPayload, ExportJob, MediaItem, Snapshot } from '../../shared/bridge';
import type { Action, AppState, Toast } from './types';

/** Same id = update in place; a new id is appended (chat streaming, upload progress, export progress). */
export function upsertById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((existing) => existing.id === item.id);
  if (index === -1) return [...list, item];
  const next = list.slice();
  next[index] = item;
  return next;
}

function withSnapshot(state: AppState, patch: (snapshot: Snapshot) => Snapshot): AppState {
  return state.snapshot ? { ...state, snapshot: patch(state.snapshot) } : state;
}

function pushToast(state: AppState, toast: Omit<Toast, 'id'>): AppState {
  const id = state.toastSeq + 1;
  // Keep the screen calm: at most four toasts, the oldest goes first.
  return { ...state, toastSeq: id, toasts: [...state.toasts.slice(-3), { ...toast, id }] };
}

function applyEvent<E extends EventName>(state: AppState, name: E, payload: EventPayload<E>, now: number): AppState {
  switch (name) {
    case 'connection': {
      const connection = payload as EventPayload<'connection'>;
      return { ...withSnapshot(state, (s) => ({ ...s, connection })), connection };
    }
    case 'chat.entry':
      return withSnapshot(state, (s) => ({ ...s, chat: upsertById<ChatEntry>(s.chat, payload as ChatEntry) }));
    case 'chat.busy': {
      const { busy, queued } = payload as EventPayload<'chat.busy'>;
      const next = withSnapshot(state, (s) => ({ ...s, chatBusy: busy }));
      return { ...next, queuedMessages: queued, busySince: busy ? (state.busySince ?? now) : null };
    }
    case 'media.item':
      return withSnapshot(state, (s) => ({ ...s, media: upsertById<MediaItem>(s.media, payload as MediaItem) }));
    case 'timeline':
      return withSnapshot(state, (s) => ({ ...s, timeline: payload as EventPayload<'timeline'> }));
    case 'export.job':
      return withSnapshot(state, (s) => ({ ...s, exports: upsertById<ExportJob>(s.exports, payload as ExportJob) }));
    case 'credits':
      return withSnapshot(state, (s) => ({ ...s, credits: payload as EventPayload<'credits'> }));
    case 'settings':
      return withSnapshot(state, (s) => ({ ...s, settings: payload as EventPayload<'settings'> }));
    case 'toast': {
      return pushToast(state, payload as EventPayload<'toast'>);
    }
    default:
      return state;
  }
}

/** The whole renderer state moves through here: the snapshot from `app.ready`, then main's events, then local UI facts. */
export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'snapshot': {
      const { snapshot, now } = action;
      return { ...state, snapshot, connection: snapshot.connection, busySince: snapshot.chatBusy ? (state.busySince ?? now) : null };
    }
    case 'event':
      return applyEvent(state, action.name, action.payload, action.now ?? Date.now());
    case 'toast.push':
      return pushToast(state, action.toast);
    case 'toast.dismiss':
      return { ...state, toasts: state.toasts.filter((toast) => toast.id !== action.id) };
    case 'staging.add':
      return { ...state, staging: [...state.staging, ...action.files] };
    case 'staging.progress':
      return { ...state, staging: state.staging.map((f) => (f.id === action.id ? { ...f, loaded: action.loaded } : f)) };
    case 'staging.remove':
      return { ...state, staging: state.staging.filter((f) => !action.ids.includes(f.id)) };
    case 'refused.add':
      return { ...state, refused: [...state.refused, ...action.files] };
    case 'refused.dismiss':
      return { ...state, refused: state.refused.filter((f) => f.id !== action.id) };
    case 'settings.open':
      return { ...state, settingsOpen: true };
    case 'settings.close':
      return { ...state, settingsOpen: false };
    default:
      return state;
  }
}
