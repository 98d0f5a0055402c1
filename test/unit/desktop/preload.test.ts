import { beforeAll, describe, expect, it, vi } from 'vitest';
import { commandNames, type BridgeApi } from '../../../shared/bridge';
import { IPC_EVENT_CHANNEL, ipcChannelFor } from '../../../shared/bridge-wire';
import { contextBridge, ipcRenderer, mock } from './mocks/electron';
import { makeJob } from '../bridge/fake-app';

vi.mock('electron', () => import('./mocks/electron'));

type Exposed = BridgeApi & { pathForFile(file: { name: string }): string };
let api: Exposed;

beforeAll(async () => {
  mock.reset();
  await import('../../../preload/index');
  api = contextBridge.exposed.get('videoBuilder') as Exposed;
});

describe('preload', () => {
  it('exposes one named method per command, on, and pathForFile — nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...commandNames, 'on', 'pathForFile'].sort());
    expect(contextBridge.exposed.size).toBe(1);
    expect(api.pathForFile({ name: 'clip.mp4' })).toBe('/picked/clip.mp4');
  });

  it('invokes the command’s own channel and unwraps the result', async () => {
    ipcRenderer.reply = () => ({ ok: true, output: { queued: true } });
    expect(await api['chat.send']({ text: 'hello' })).toEqual({ queued: true });
    expect(ipcRenderer.invoked.at(-1)).toEqual([ipcChannelFor('chat.send'), { text: 'hello' }]);
  });

  it('rejects with the plain { bridgeError } shape (contextBridge drops Error properties)', async () => {
    ipcRenderer.reply = () => ({ ok: false, error: { code: 'bridge.invalid', message: 'That request was not valid.' } });
    await expect(api['export.start']({ preset: 'square' })).rejects.toEqual({ bridgeError: { code: 'bridge.invalid', message: 'That request was not valid.' } });
    ipcRenderer.reply = () => ({ weird: true });
    await expect(api['credits.refresh']({})).rejects.toMatchObject({ bridgeError: { code: 'bridge.malformed' } });
  });

  it('listeners get only the validated payload and can unsubscribe', () => {
    const seen: number[] = [];
    const off = api.on('export.job', (job) => seen.push(job.progress));
    const ipcEvent = { sender: 'ipc-internals' };
    ipcRenderer.emit(IPC_EVENT_CHANNEL, ipcEvent, { type: 'event', name: 'export.job', payload: makeJob({ progress: 33 }) });
    ipcRenderer.emit(IPC_EVENT_CHANNEL, ipcEvent, { type: 'event', name: 'export.job', payload: { progress: 'x' } });
    ipcRenderer.emit(IPC_EVENT_CHANNEL, ipcEvent, { type: 'event', name: 'credits', payload: { kind: 'local' } });
    off();
    ipcRenderer.emit(IPC_EVENT_CHANNEL, ipcEvent, { type: 'event', name: 'export.job', payload: makeJob({ progress: 34 }) });
    expect(seen).toEqual([33]);
    expect(api.on('not.an.event' as never, () => undefined)()).toBeUndefined();
  });
});
