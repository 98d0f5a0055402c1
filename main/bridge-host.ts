/**
 * The server side of the bridge, shared by the Electron IPC and the browser mode's WebSocket: it refuses unknown
 * commands, parses inputs and outputs with the table of shared/bridge.ts, turns any failure into a UserError
 * (never a stack), and holds each renderer's events until that renderer has said `app.ready`.
 */
import { commands, events, type CommandHandlers, type CommandName, type EventName } from '../shared/bridge';
import type { BridgeResult, WireEvent } from '../shared/bridge-wire';
import { toUserError } from '../shared/errors';

/** What a host needs from the app facade (main/core/app.ts). */
export interface BridgeApp {
  handlers: CommandHandlers;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

export interface BridgeHostOptions {
  /** Called with failures for the host's own log (never shown to a user as is). */
  onError?: (command: string, err: unknown) => void;
  /** Events kept per renderer before it is ready; older ones are dropped (the app.ready snapshot supersedes them). */
  maxQueued?: number;
}

/** One renderer (a window's webContents, or one WebSocket). */
export interface BridgeConnection {
  call(command: string, rawInput: unknown): Promise<BridgeResult>;
  /** The renderer is reloading: hold events again until its next `app.ready`. */
  reset(): void;
  dispose(): void;
}

export interface BridgeHost {
  connect(send: (event: WireEvent) => void): BridgeConnection;
  close(): void;
}

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

/** Runs one command through its schemas. Pure apart from the handler it calls. */
export async function runCommand(
  handlers: CommandHandlers,
  command: string,
  rawInput: unknown,
  onError?: (command: string, err: unknown) => void,
): Promise<BridgeResult> {
  if (!isCommandName(command)) {
    return { ok: false, error: { code: 'bridge.unknown', message: 'That action is not available.' } };
  }
  const spec = commands[command];
  const input = spec.input.safeParse(rawInput ?? {});
  if (!input.success) {
    return { ok: false, error: { code: 'bridge.invalid', message: 'That request was not valid.' } };
  }
  let raw: unknown;
  try {
    const handler = handlers[command] as (input: unknown) => Promise<unknown>;
    raw = await handler(input.data);
  } catch (err) {
    onError?.(command, err);
    return { ok: false, error: toUserError(err) };
  }
  const output = spec.output.safeParse(raw);
  if (!output.success) {
    onError?.(command, output.error);
    return { ok: false, error: { code: 'bridge.output', message: 'Something went wrong inside Video Builder. Please try again.' } };
  }
  return { ok: true, output: output.data };
}

/** Validates an app event against the table; unknown names and bad payloads never reach a renderer. */
export function checkEvent(name: string, payload: unknown): WireEvent | undefined {
  if (!Object.hasOwn(events, name)) return undefined;
  const parsed = events[name as EventName].safeParse(payload);
  return parsed.success ? { type: 'event', name, payload: parsed.data } : undefined;
}

export function createBridgeHost(app: BridgeApp, options: BridgeHostOptions = {}): BridgeHost {
  const maxQueued = options.maxQueued ?? 1000;
  const sinks = new Set<(event: WireEvent) => void>();
  const unsubscribe = app.onEvent((name, payload) => {
    const event = checkEvent(name, payload);
    if (!event) {
      options.onError?.(`event:${name}`, new Error('invalid event payload'));
      return;
    }
    for (const sink of sinks) sink(event);
  });

  function connect(send: (event: WireEvent) => void): BridgeConnection {
    let ready = false;
    let queue: WireEvent[] = [];
    const sink = (event: WireEvent) => {
      if (ready) {
        send(event);
        return;
      }
      queue.push(event);
      if (queue.length > maxQueued) queue.shift();
    };
    sinks.add(sink);

    async function call(command: string, rawInput: unknown): Promise<BridgeResult> {
      const result = await runCommand(app.handlers, command, rawInput, options.onError);
      if (command === 'app.ready' && result.ok && !ready) {
        // Queued events are older than the snapshot this call returns, so they go out first and the snapshot,
        // applied after them, is what the renderer ends up showing.
        const held = queue;
        queue = [];
        ready = true;
        for (const event of held) send(event);
      }
      return result;
    }

    return {
      call,
      reset() {
        ready = false;
      },
      dispose() {
        sinks.delete(sink);
        queue = [];
      },
    };
  }

  return {
    connect,
    close() {
      unsubscribe();
      sinks.clear();
    },
  };
}
