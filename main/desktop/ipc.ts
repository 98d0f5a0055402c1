/**
 * The only file that touches ipcMain. One channel per command of the bridge table; each handler first checks
 * that the call comes from our window's main frame showing the app shell, then hands the raw input to the
 * bridge host, which parses it with the command's schema.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { commandNames } from '../../shared/bridge';
import { IPC_EVENT_CHANNEL, ipcChannelFor, type BridgeResult, type WireEvent } from '../../shared/bridge-wire';
import type { BridgeConnection, BridgeHost } from '../bridge-host';
import { APP_ORIGIN } from './security';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function isTrustedSender(event: SenderEvent, window: WebContents | undefined): boolean {
  if (!window || event.sender !== window) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  // Electron reports a standard scheme's origin; Node's URL gives 'null' for custom schemes, so compare the parts.
  if (typeof frame.origin === 'string' && frame.origin !== APP_ORIGIN) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

const forbidden: BridgeResult = { ok: false, error: { code: 'bridge.forbidden', message: 'That request was not allowed.' } };

/**
 * Registers every command; events go to whichever window is current. Returns the connection (the window
 * resets it when it reloads) and a function that removes the handlers.
 */
export function registerIpc(host: BridgeHost, currentWindow: () => WebContents | undefined): { connection: BridgeConnection; dispose(): void } {
  const connection = host.connect((event: WireEvent) => {
    const contents = currentWindow();
    if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
  });
  for (const name of commandNames) {
    ipcMain.handle(ipcChannelFor(name), (event, rawInput: unknown): Promise<BridgeResult> | BridgeResult => {
      if (!isTrustedSender(event, currentWindow())) return forbidden;
      return connection.call(name, rawInput);
    });
  }
  return {
    connection,
    dispose() {
      for (const name of commandNames) ipcMain.removeHandler(ipcChannelFor(name));
      connection.dispose();
    },
  };
}
