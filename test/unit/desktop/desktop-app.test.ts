import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannelFor } from '../../../shared/bridge-wire';
import { createFakeApp, makeJob, type FakeApp } from '../bridge/fake-app';
import { app, BrowserWindow, dialog, ipcMain, mock, Notification, protocol, shell, Tray } from './mocks/electron';

vi.mock('electron', () => import('./mocks/electron'));
const core = vi.hoisted(() => ({ current: undefined as FakeApp | undefined, options: undefined as Record<string, unknown> | undefined }));
vi.mock('../../../main/core/app', () => ({
  createApp: (options: Record<string, unknown>) => {
    core.options = options;
    return { ...core.current!, start: () => Promise.resolve(), close: () => Promise.resolve() };
  },
}));
vi.mock('../../../main/engine/index', () => ({ startEngine: () => Promise.reject(new Error('no engine in unit tests')) }));
vi.mock('../../../main/desktop/store', async () => {
  const { createMemoryStore } = await import('../../../main/core/storage');
  return { createElectronStore: () => createMemoryStore() };
});

const { startDesktop } = await import('../../../main/desktop/desktop-app');

async function boot() {
  mock.reset();
  core.current = createFakeApp();
  await startDesktop('/opt/vb/dist/desktop');
  return core.current;
}

function menuLabels(): string[] {
  return (Tray.instances[0]!.menu?.items ?? []).map((i) => i.label ?? '-');
}

beforeEach(() => {
  vi.useRealTimers();
});

describe('desktop setup', () => {
  it('runs the setup steps: sandbox, schemes, protocols, one secure window, IPC, tray', async () => {
    await boot();
    expect(app.sandboxEnabled).toBe(true);
    expect(protocol.privileged).toHaveLength(2);
    expect([...protocol.handlers.keys()].sort()).toEqual(['app', 'media']);
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(BrowserWindow.instances[0]!.options.webPreferences).toMatchObject({ preload: '/opt/vb/dist/desktop/preload.cjs', sandbox: true });
    expect(ipcMain.handlers.has(ipcChannelFor('app.ready'))).toBe(true);
    expect(Tray.instances).toHaveLength(1);
    expect(core.options).toMatchObject({ host: 'desktop', defaultOutputDir: '/fake/videos' });
    const preview = (core.options!.previewUrlFor as (p: string) => string)('/home/u/clip.mp4');
    expect(preview).toMatch(/^media:\/\/file\//);
  });

  it('opens external links only for https URLs on the allowlist', async () => {
    await boot();
    const openExternal = core.options!.openExternal as (url: string) => Promise<void>;
    await openExternal('https://nemovideo.com/register?bind=anon_7');
    for (const url of ['http://nemovideo.com/', 'https://nemovideo.com.evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      await expect(openExternal(url), url).rejects.toMatchObject({ user: { code: 'link.refused' } });
    }
    expect(shell.external).toEqual(['https://nemovideo.com/register?bind=anon_7']);
  });

  it('a second launch focuses the window; without the lock the app quits', async () => {
    await boot();
    const win = BrowserWindow.instances[0]!;
    app.emit('second-instance');
    expect(win.focused).toBe(true);
    mock.reset();
    app.hasLock = false;
    core.current = createFakeApp();
    await startDesktop('/opt/vb/dist/desktop');
    expect(app.quitCalls).toBe(1);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('the tray lists running exports with progress', async () => {
    const fake = await boot();
    expect(menuLabels()).toEqual(['No exports running', '-', 'Show window', 'Quit']);
    fake.emit('export.job', makeJob({ id: 'a', outPath: '/v/promo.mp4', state: 'rendering', progress: 42.4 }));
    fake.emit('export.job', makeJob({ id: 'b', outPath: '/v/teaser.mp4', state: 'queued', progress: 0, queuePosition: 1 }));
    expect(menuLabels().slice(0, 2)).toEqual(['Exporting promo.mp4 — 42%', 'Exporting teaser.mp4 — waiting (1 ahead)']);
    expect(Tray.instances[0]!.tooltip).toBe('Video Builder — 2 exports running');
    const quit = Tray.instances[0]!.menu!.items.find((i) => i.label === 'Quit')!;
    quit.click!();
    expect(app.quitCalls).toBe(1);
  });

  it('notifies when an export finishes (Open / Show in folder) or fails (with the reason)', async () => {
    const fake = await boot();
    fake.emit('export.job', makeJob({ id: 'a', outPath: '/v/promo.mp4', state: 'rendering', progress: 90 }));
    fake.emit('export.job', makeJob({ id: 'a', outPath: '/v/promo.mp4', state: 'done', progress: 100, finishedAt: Date.now() }));
    // A repeated "done" is not news.
    fake.emit('export.job', makeJob({ id: 'a', outPath: '/v/promo.mp4', state: 'done', progress: 100, finishedAt: Date.now() }));
    expect(Notification.instances).toHaveLength(1);
    const done = Notification.instances[0]!;
    expect(done.shown).toBe(true);
    expect(done.options.title).toBe('Export finished');
    expect(done.options.actions!.map((a) => a.text)).toEqual(['Open', 'Show in folder']);
    done.emit('action', {}, 0);
    done.emit('action', {}, 1);
    expect(shell.opened).toEqual(['/v/promo.mp4']);
    expect(shell.revealed).toEqual(['/v/promo.mp4']);
    expect(menuLabels()[0]).toBe('No exports running');

    fake.emit('export.job', makeJob({ id: 'b', outPath: '/v/b.mp4', state: 'rendering' }));
    fake.emit('export.job', makeJob({ id: 'b', outPath: '/v/b.mp4', state: 'failed', error: { code: 'disk.full', message: 'Your disk is full.' } }));
    const failed = Notification.instances[1]!;
    expect(failed.options.title).toBe('Export failed');
    expect(failed.options.body).toBe('b.mp4: Your disk is full.');

    // An old finished job restored at startup does not notify.
    fake.emit('export.job', makeJob({ id: 'old', state: 'done', progress: 100, finishedAt: Date.now() - 86_400_000 }));
    expect(Notification.instances).toHaveLength(2);
  });

  it('closing the window keeps the app in the tray while an export runs; quitting asks first', async () => {
    const fake = await boot();
    fake.emit('export.job', makeJob({ id: 'a', state: 'rendering' }));
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(0);

    const keep = { preventDefault: vi.fn() };
    dialog.nextResponse = 0;
    app.emit('before-quit', keep);
    expect(keep.preventDefault).toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 0));
    expect(dialog.messageBoxes[0]).toMatchObject({ message: 'An export is still running.' });
    expect(app.quitCalls).toBe(0);

    dialog.nextResponse = 1;
    app.emit('before-quit', { preventDefault: vi.fn() });
    await new Promise((r) => setTimeout(r, 0));
    expect(app.quitCalls).toBe(1);
    // Confirmed: the next before-quit goes through.
    const through = { preventDefault: vi.fn() };
    app.emit('before-quit', through);
    expect(through.preventDefault).not.toHaveBeenCalled();
  });

  it('with no export running, closing the last window quits (outside macOS)', async () => {
    await boot();
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(process.platform === 'darwin' ? 0 : 1);
  });

  it('the tray reopens a closed window, which then asks for the state again', async () => {
    await boot();
    const first = BrowserWindow.instances[0]!;
    first.destroyed = true;
    first.emit('closed');
    Tray.instances[0]!.emit('click');
    expect(BrowserWindow.instances).toHaveLength(2);
    expect(BrowserWindow.instances[1]!.loadedUrl).toBe('app://bundle/index.html');
  });
});
