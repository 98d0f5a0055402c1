import type { Connection, EventName, EventPayload, Snapshot, UserError } from '../../shared/bridge';

export type ToastLevel = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  level: ToastLevel;
  message: string;
  key?: string;
  params?: Record<string, string>;
  error?: UserError;
}

/** A file being copied to the host (browser mode) before main has made a media item for it. */
export interface StagingFile {
  id: string;
  name: string;
  size: number;
  loaded: number;
}

/** A file refused in the renderer before any byte was sent, with the reason. */
export interface RefusedFile {
  id: string;
  name: string;
  reason: 'unsupported' | 'too-large';
}

export interface AppState {
  /** Null until `app.ready` answers: the header shows "Setting things up…" meanwhile. */
  snapshot: Snapshot | null;
  /** Kept apart from the snapshot so that a `connection` event that arrives before it still shows. */
  connection: Connection | null;
  /** Epoch ms when the current chat run began in this window, for the elapsed time. */
  busySince: number | null;
  queuedMessages: number;
  toasts: Toast[];
  /** Last toast id handed out; ids never repeat, so React keys stay stable. */
  toastSeq: number;
  staging: StagingFile[];
  refused: RefusedFile[];
  settingsOpen: boolean;
}

type EventAction = { [E in EventName]: { type: 'event'; name: E; payload: EventPayload<E> } }[EventName];

export type Action =
  | { type: 'snapshot'; snapshot: Snapshot; now: number }
  | (EventAction & { now?: number })
  | { type: 'toast.push'; toast: Omit<Toast, 'id'> }
  | { type: 'toast.dismiss'; id: number }
  | { type: 'staging.add'; files: StagingFile[] }
  | { type: 'staging.progress'; id: string; loaded: number }
  | { type: 'staging.remove'; ids: string[] }
  | { type: 'refused.add'; files: RefusedFile[] }
  | { type: 'refused.dismiss'; id: string }
  | { type: 'settings.open' }
  | { type: 'settings.close' };

export const initialState: AppState = {
  snapshot: null,
  connection: null,
  busySince: null,
  queuedMessages: 0,
  toasts: [],
  toastSeq: 0,
  staging: [],
  refused: [],
  settingsOpen: false,
};
