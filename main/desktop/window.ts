/** The one app window: secure preferences, the app:// shell, and bounds remembered across launches. */
import { BrowserWindow, screen } from 'electron';
import type { KeyValueStore } from '../core/storage';
import { APP_URL, secureWebPreferences } from './security';
import { debouncedBoundsSaver, MIN_SIZE, restoreBounds, type Bounds } from './window-bounds';

export const BOUNDS_KEY = 'window.bounds';

export interface MainWindowOptions {
  preloadPath: string;
  iconPath?: string;
  store: KeyValueStore;
  /** The page started (re)loading: its bridge connection must wait for a new `app.ready`. */
  onLoadStart(): void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = options.store.get<unknown>(BOUNDS_KEY);
  const bounds = restoreBounds(saved, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Video Builder',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  const saver = debouncedBoundsSaver((b: Bounds) => options.store.set(BOUNDS_KEY, b), 500, saved as Bounds | undefined);
  const remember = () => {
    if (!window.isDestroyed() && !window.isMinimized()) saver.update(window.getNormalBounds());
  };
  window.on('resize', remember);
  window.on('move', remember);
  window.on('close', () => {
    remember();
    saver.flush();
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-start-loading', () => options.onLoadStart());
  void window.loadURL(APP_URL);
  return window;
}

export function showWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
