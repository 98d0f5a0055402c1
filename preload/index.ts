/**
 * The only file that touches ipcRenderer. It exposes `window.videoBuilder`: one named method per command of the
 * bridge table, `on(event, listener)` whose listener receives only the validated payload and which returns an
 * unsubscribe function, and `pathForFile` for drag-in. Nothing else of Electron reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { commandNames, events, type EventName } from '../shared/bridge';
import { IPC_EVENT_CHANNEL, bridgeResultSchema, ipcChannelFor, wireEventSchema } from '../shared/bridge-wire';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, raw: unknown) => {
  const wire = wireEventSchema.safeParse(raw);
  if (!wire.success || !Object.hasOwn(events, wire.data.name)) return;
  const payload = events[wire.data.name as EventName].safeParse(wire.data.payload);
  if (!payload.success) return;
  for (const listener of listeners.get(wire.data.name) ?? []) listener(payload.data);
});

const malformed = { bridgeError: { code: 'bridge.malformed', message: 'Video Builder sent a reply we could not read.' } };

async function call(command: string, input: unknown): Promise<unknown> {
  const result = bridgeResultSchema.safeParse(await ipcRenderer.invoke(ipcChannelFor(command), input ?? {}));
  if (!result.success) throw malformed;
  // contextBridge keeps only the message of a thrown Error, so failures travel as the plain `{ bridgeError }` shape.
  if (!result.data.ok) throw { bridgeError: result.data.error };
  return result.data.output;
}

const api: Record<string, unknown> = {};
for (const name of commandNames) api[name] = (input: unknown) => call(name, input);
api.on = (event: string, listener: Listener) => {
  if (typeof listener !== 'function' || !Object.hasOwn(events, event)) return () => undefined;
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
  };
};
api.pathForFile = (file: File) => webUtils.getPathForFile(file);

contextBridge.exposeInMainWorld('videoBuilder', api);
