/**
 * BridgeApi over the browser mode's WebSocket. Every frame is validated both ways; a dropped socket (or a
 * restarted host) reconnects with backoff and, when the renderer had already said it was ready, says so again
 * and replays the fresh snapshot as events so the UI catches up without a reload.
 */
import {
  commandNames,
  commands,
  events,
  type BridgeApi,
  type CommandName,
  type EventName,
  type Snapshot,
  type UserError,
} from '../../shared/bridge';
import { wsServerMessageSchema, type WsClientMessage } from '../../shared/bridge-wire';
import { AppError } from '../../shared/errors';

/** The part of the WHATWG WebSocket this client uses (the browser's and the `ws` package's both fit). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface WsBridgeOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** Delay before reconnect attempt n (0-based). */
  retryDelayMs?: (attempt: number) => number;
}

export type WsBridge = BridgeApi & { close(): void };

const OPEN = 1;

const disconnected: UserError = {
  code: 'bridge.disconnected',
  message: 'Lost the connection to Video Builder. Reconnecting…',
  action: { kind: 'retry', label: 'Try again' },
};
const malformed: UserError = { code: 'bridge.malformed', message: 'Video Builder sent a reply we could not read.' };

export function defaultRetryDelay(attempt: number): number {
  return Math.min(250 * 2 ** attempt, 5000);
}

interface Pending {
  command: CommandName;
  resolve: (output: unknown) => void;
  reject: (err: unknown) => void;
  sent: boolean;
  message: WsClientMessage;
}

type Listener = (payload: unknown) => void;

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  const listeners = new Map<string, Set<Listener>>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let attempt = 0;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let everReady = false;
  let lastBackend: Snapshot['settings']['backend'] = 'local';

  function emit(name: string, payload: unknown): void {
    for (const listener of listeners.get(name) ?? []) listener(payload);
  }

  function flushUnsent(): void {
    if (!socket || socket.readyState !== OPEN) return;
    for (const call of pending.values()) {
      if (call.sent) continue;
      socket.send(JSON.stringify(call.message));
      call.sent = true;
    }
  }

  function settle(raw: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(raw));
    } catch {
      return;
    }
    const parsed = wsServerMessageSchema.safeParse(json);
    if (!parsed.success) return;
    const msg = parsed.data;
    if (msg.type === 'event') {
      if (!Object.hasOwn(events, msg.name)) return;
      const payload = events[msg.name as EventName].safeParse(msg.payload);
      if (payload.success) emit(msg.name, payload.data);
      return;
    }
    const call = pending.get(msg.id);
    if (!call) return;
    pending.delete(msg.id);
    if (!msg.ok) {
      call.reject(new AppError(msg.error));
      return;
    }
    const output = commands[call.command].output.safeParse(msg.output);
    if (!output.success) {
      call.reject(new AppError(malformed));
      return;
    }
    if (call.command === 'app.ready') rememberSnapshot(output.data as Snapshot);
    call.resolve(output.data);
  }

  function rememberSnapshot(snapshot: Snapshot): void {
    everReady = true;
    lastBackend = snapshot.settings.backend;
  }

  /** After a reconnect the host has a fresh queue: tell it we are ready and push its snapshot through the listeners. */
  function replay(snapshot: Snapshot): void {
    emit('settings', snapshot.settings);
    emit('connection', snapshot.connection);
    emit('credits', snapshot.credits);
    emit('timeline', snapshot.timeline);
    emit('chat.busy', { busy: snapshot.chatBusy, queued: 0 });
    for (const entry of snapshot.chat) emit('chat.entry', entry);
    for (const item of snapshot.media) emit('media.item', item);
    for (const job of snapshot.exports) emit('export.job', job);
  }

  function onDrop(): void {
    socket = null;
    // A call already sent may or may not have run: never resend it, let the caller decide.
    for (const [id, call] of pending) {
      if (!call.sent) continue;
      pending.delete(id);
      call.reject(new AppError(disconnected));
    }
    if (everReady) emit('connection', { state: 'offline', backend: lastBackend, error: disconnected });
    if (closed) return;
    retryTimer = setTimeout(connect, retryDelay(attempt));
    attempt += 1;
  }

  function connect(): void {
    retryTimer = undefined;
    const wasReady = everReady;
    const ws = createSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      if (wasReady) {
        void call('app.ready', {}).then((snapshot) => replay(snapshot as Snapshot), () => undefined);
      }
      flushUnsent();
    };
    ws.onmessage = (ev) => settle(ev.data);
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket === ws) onDrop();
    };
  }

  function call(command: CommandName, input: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (closed) {
        reject(new AppError(disconnected));
        return;
      }
      const id = nextId++;
      const message: WsClientMessage = { type: 'call', id, command, input };
      pending.set(id, { command, resolve, reject, sent: false, message });
      flushUnsent();
    });
  }

  const api: Record<string, unknown> = {};
  for (const name of commandNames) api[name] = (input: unknown) => call(name, input ?? {});
  api.on = (event: string, listener: Listener) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
  api.close = () => {
    closed = true;
    if (retryTimer) clearTimeout(retryTimer);
    const ws = socket;
    socket = null;
    for (const [id, pendingCall] of pending) {
      pending.delete(id);
      pendingCall.reject(new AppError(disconnected));
    }
    ws?.close();
  };

  connect();
  return api as WsBridge;
}
