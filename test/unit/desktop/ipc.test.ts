import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../../shared/bridge';
import { IPC_EVENT_CHANNEL, ipcChannelFor, type BridgeResult } from '../../../shared/bridge-wire';
import { createBridgeHost } from '../../../main/bridge-host';
import { isTrustedSender, registerIpc } from '../../../main/desktop/ipc';
import { createFakeApp, makeJob } from '../bridge/fake-app';
import { FakeWebContents, ipcMain, mock } from './mocks/electron';

vi.mock('electron', () => import('./mocks/electron'));

function frame(url: string, parent: unknown = null) {
  return { url, parent };
}

function setup() {
  const app = createFakeApp();
  const host = createBridgeHost(app);
  const contents = new FakeWebContents();
  const ipc = registerIpc(host, () => contents as never);
  const invoke = (channel: string, event: unknown, input: unknown) =>
    Promise.resolve(ipcMain.handlers.get(channel)!(event, input)) as Promise<BridgeResult>;
  return { app, host, contents, ipc, invoke };
}

beforeEach(() => mock.reset());

describe('registerIpc', () => {
  it('registers exactly one channel per command of the bridge table', () => {
    setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(commandNames.map(ipcChannelFor).sort());
  });

  it('every handler refuses a foreign sender before looking at the input', async () => {
    const { app, invoke, contents } = setup();
    const stranger = new FakeWebContents();
    const foreign = [
      { sender: stranger, senderFrame: frame('app://bundle/index.html') },
      { sender: contents, senderFrame: frame('https://evil.example/') },
      { sender: contents, senderFrame: frame('file:///etc/index.html') },
      { sender: contents, senderFrame: frame('app://bundle/index.html', { url: 'app://bundle/' }) },
      { sender: contents, senderFrame: null },
    ];
    for (const name of commandNames) {
      for (const event of foreign) {
        const result = await invoke(ipcChannelFor(name), event, {});
        expect(result, `${name}`).toEqual({ ok: false, error: expect.objectContaining({ code: 'bridge.forbidden' }) });
      }
    }
    expect(app.calls).toEqual([]);
  });

  it('every handler refuses invalid input from the right sender', async () => {
    const { app, invoke, contents } = setup();
    const event = { sender: contents, senderFrame: frame('app://bundle/index.html') };
    for (const name of commandNames) {
      // A string is never a valid input: every command takes an object.
      const result = await invoke(ipcChannelFor(name), event, 'rm -rf /');
      expect(result, name).toEqual({ ok: false, error: expect.objectContaining({ code: 'bridge.invalid' }) });
    }
    expect(await invoke(ipcChannelFor('media.add'), event, { paths: [] })).toMatchObject({ ok: false, error: { code: 'bridge.invalid' } });
    expect(app.calls).toEqual([]);
  });

  it('runs valid calls and delivers events to the window once it is ready', async () => {
    const { app, invoke, contents, ipc } = setup();
    const event = { sender: contents, senderFrame: frame('app://bundle/index.html') };
    app.emit('export.job', makeJob({ progress: 12 }));
    expect(contents.sent).toEqual([]);
    const ready = await invoke(ipcChannelFor('app.ready'), event, {});
    expect(ready.ok).toBe(true);
    expect(contents.sent).toEqual([[IPC_EVENT_CHANNEL, { type: 'event', name: 'export.job', payload: makeJob({ progress: 12 }) }]]);
    expect(await invoke(ipcChannelFor('chat.send'), event, { text: 'hi' })).toEqual({ ok: true, output: { queued: false } });

    // A reload holds events again until the page says it is ready.
    ipc.connection.reset();
    app.emit('credits', { kind: 'local' });
    expect(contents.sent).toHaveLength(1);

    ipc.dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('isTrustedSender needs the current window, its main frame and the app origin', () => {
    const contents = new FakeWebContents();
    const ok = { sender: contents, senderFrame: frame('app://bundle/deep/page.html') } as never;
    expect(isTrustedSender(ok, contents as never)).toBe(true);
    expect(isTrustedSender(ok, undefined)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: frame('app://bundle.evil/x') } as never, contents as never)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: frame('not a url') } as never, contents as never)).toBe(false);
    const lyingUrl = { url: 'app://bundle/index.html', parent: null, origin: 'https://evil.example' };
    expect(isTrustedSender({ sender: contents, senderFrame: lyingUrl } as never, contents as never)).toBe(false);
    const real = { url: 'app://bundle/index.html', parent: null, origin: 'app://bundle' };
    expect(isTrustedSender({ sender: contents, senderFrame: real } as never, contents as never)).toBe(true);
  });
});
