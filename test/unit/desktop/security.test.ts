import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, secureWebPreferences } from '../../../main/desktop/security';
import { BOUNDS_KEY, createMainWindow } from '../../../main/desktop/window';
import { createMemoryStore } from '../../../main/core/storage';
import { BrowserWindow, FakeWebContents, mock, screen, session } from './mocks/electron';

vi.mock('electron', () => import('./mocks/electron'));

beforeEach(() => mock.reset());
afterEach(() => vi.useRealTimers());

const SECURE = {
  preload: '/app/preload.cjs',
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
};

describe('window', () => {
  it('gets exactly the secure webPreferences and loads the app:// shell', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual(SECURE);
    createMainWindow({ preloadPath: '/app/preload.cjs', store: createMemoryStore(), onLoadStart: () => undefined });
    const win = BrowserWindow.instances[0]!;
    expect(win.options.webPreferences).toEqual(SECURE);
    expect(win.loadedUrl).toBe('app://bundle/index.html');
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('remembers its bounds (debounced, unchanged writes skipped) and restores them when on a display', () => {
    vi.useFakeTimers();
    const store = createMemoryStore();
    const writes: unknown[] = [];
    const recording = { ...store, set: (k: string, v: unknown) => (writes.push(v), store.set(k, v)) };
    createMainWindow({ preloadPath: '/p', store: recording, onLoadStart: () => undefined });
    const win = BrowserWindow.instances[0]!;
    win.bounds = { x: 100, y: 80, width: 1000, height: 700 };
    win.emit('move');
    win.emit('resize');
    win.emit('move');
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(writes).toEqual([{ x: 100, y: 80, width: 1000, height: 700 }]);
    win.emit('resize');
    vi.advanceTimersByTime(600);
    expect(writes).toHaveLength(1);

    createMainWindow({ preloadPath: '/p', store, onLoadStart: () => undefined });
    expect(BrowserWindow.instances[1]!.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });

    // The display it was on is gone: keep the size, drop the position.
    store.set(BOUNDS_KEY, { x: 5000, y: 3000, width: 1000, height: 700 });
    createMainWindow({ preloadPath: '/p', store, onLoadStart: () => undefined });
    expect(BrowserWindow.instances[2]!.options).not.toHaveProperty('x');
    expect(BrowserWindow.instances[2]!.options).toMatchObject({ width: 1000, height: 700 });
    expect(screen.workAreas).toHaveLength(1);
  });

  it('tells the bridge when the page starts loading (reload)', () => {
    let loads = 0;
    createMainWindow({ preloadPath: '/p', store: createMemoryStore(), onLoadStart: () => loads++ });
    BrowserWindow.instances[0]!.webContents.emit('did-start-loading');
    expect(loads).toBe(1);
  });
});

describe('navigation, new windows and permissions', () => {
  it('denies navigation, redirects and webviews', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, () => undefined);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });

  it('denies every new window; only allowlisted https links go to the browser', () => {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, (url) => opened.push(url));
    for (const url of ['https://nemovideo.com/register?bind=anon_1', 'http://nemovideo.com/', 'https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://nemovideo.com/register?bind=anon_1']);
  });

  it('refuses every permission request and check', () => {
    hardenSession(session.defaultSession as never);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.defaultSession.permissionRequest!({}, permission, (granted: boolean) => answers.push(granted));
      expect(session.defaultSession.permissionCheck!({}, permission, 'app://bundle')).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(session.defaultSession.devicePermission!({})).toBe(false);
  });
});
