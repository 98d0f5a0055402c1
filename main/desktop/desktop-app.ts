/**
 * The desktop app's setup, one step per concern and run in order (Electron Fiddle's layout): security and
 * schemes before `ready`, the single-instance lock, then the core, protocols, window, tray, IPC and the
 * export watch. Electron-only glue; all behaviour lives in the core and in the small modules it wires.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Notification, protocol, safeStorage, session, shell, type BrowserWindow, type WebContents } from 'electron';
import { isAllowedExternalLink, type ExportJob } from '../../shared/bridge';
import { AppError, toUserError } from '../../shared/errors';
import { SUPPORTED_EXTENSIONS } from '../../shared/protocol';
import { createMediaRegistry } from '../browser/media-registry';
import { createBridgeHost, type BridgeConnection } from '../bridge-host';
import { createApp, type App } from '../core/app';
import { startEngine } from '../engine/index';
import { createExportWatch } from './export-watch';
import { registerIpc } from './ipc';
import { showExportNotice } from './notifications';
import { appProtocolResponse, MEDIA_SCHEME, APP_SCHEME, mediaProtocolResponse, mediaUrlFor, PRIVILEGED_SCHEMES } from './protocols';
import { QUIT_ANYWAY, quitPrompt, stayInTray } from './quit-guard';
import { createSafeStorageSecretStore } from './secret-store';
import { hardenSession, hardenWebContents } from './security';
import { createElectronStore } from './store';
import { createAppTray, type AppTray } from './tray';
import { createMainWindow, showWindow } from './window';

/** Where the bundle lives: dist/desktop/{main.js,preload.cjs,icon.png,tray.png} beside dist/renderer. */
export function desktopPaths(bundleDir: string) {
  return {
    rendererDir: path.join(bundleDir, '..', 'renderer'),
    preloadPath: path.join(bundleDir, 'preload.cjs'),
    iconPath: path.join(bundleDir, 'icon.png'),
    trayIconPath: path.join(bundleDir, 'tray.png'),
  };
}

export function openExternalSafely(url: string): Promise<void> {
  if (!isAllowedExternalLink(url)) {
    return Promise.reject(new AppError({ code: 'link.refused', message: 'That link cannot be opened.' }));
  }
  return shell.openExternal(url);
}

export function setupSecurity(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => void openExternalSafely(url)));
}

export function setupSchemes(): void {
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
}

/** False when another instance already runs (it gets focused and this one quits). */
export function setupSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondInstance);
  return true;
}

interface Desktop {
  core: App;
  connection?: BridgeConnection;
  window?: BrowserWindow;
  tray?: AppTray;
  quitConfirmed: boolean;
}

function readVersion(): string {
  try {
    return app.getVersion();
  } catch {
    const pkg = JSON.parse(readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  }
}

export async function startDesktop(bundleDir = path.dirname(fileURLToPath(import.meta.url))): Promise<void> {
  const paths = desktopPaths(bundleDir);
  setupSecurity();
  setupSchemes();
  const state: Partial<Desktop> & { quitConfirmed: boolean } = { quitConfirmed: false };
  const focus = () => {
    if (state.window && !state.window.isDestroyed()) showWindow(state.window);
    else openWindow();
  };
  if (!setupSingleInstance(focus)) {
    app.quit();
    return;
  }
  await app.whenReady();

  hardenSession(session.defaultSession);
  const registry = createMediaRegistry();
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request, paths.rendererDir));
  protocol.handle(MEDIA_SCHEME, (request) => mediaProtocolResponse(request, registry));

  const store = createElectronStore();
  const mediaFilter = Object.values(SUPPORTED_EXTENSIONS).flat().map((ext) => ext.replace(/^\./, ''));
  const core = createApp({
    store,
    secrets: createSafeStorageSecretStore(store, safeStorage),
    appVersion: readVersion(),
    host: 'desktop',
    defaultOutputDir: app.getPath('videos'),
    engine: { start: () => startEngine({ dataDir: path.join(app.getPath('userData'), 'engine') }) },
    previewUrlFor: (absPath) => mediaUrlFor(registry.register(absPath)),
    pickFiles: async () => {
      const result = await dialog.showOpenDialog({ properties: ['openFile', 'multiSelections'], filters: [{ name: 'Media', extensions: mediaFilter }] });
      return result.canceled ? [] : result.filePaths;
    },
    pickFolder: async () => {
      const result = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    openPath: async (p) => {
      const failure = await shell.openPath(p);
      if (failure) throw new AppError({ code: 'file.open-failed', message: 'No app on this computer could open that file.' });
    },
    revealPath: (p) => shell.showItemInFolder(p),
    openExternal: openExternalSafely,
  });
  state.core = core;

  const host = createBridgeHost(core, { onError: (command, err) => console.error(`${command}: ${toUserError(err).message}`) });
  const currentContents = (): WebContents | undefined =>
    state.window && !state.window.isDestroyed() ? state.window.webContents : undefined;
  const ipc = registerIpc(host, currentContents);
  state.connection = ipc.connection;

  function openWindow(): void {
    state.window = createMainWindow({
      preloadPath: paths.preloadPath,
      iconPath: paths.iconPath,
      store,
      onLoadStart: () => state.connection?.reset(),
    });
    state.window.on('closed', () => {
      state.connection?.reset();
      state.window = undefined;
    });
  }

  const watch = createExportWatch();
  state.tray = createAppTray(paths.trayIconPath, { show: focus, quit: () => app.quit() });
  core.onEvent((name, payload) => {
    if (name !== 'export.job') return;
    const transition = watch.update(payload as ExportJob);
    state.tray?.update(watch.running());
    if (transition && Notification.isSupported()) {
      showExportNotice(transition, (options) => new Notification(options), {
        open: (file) => void shell.openPath(file),
        reveal: (file) => shell.showItemInFolder(file),
        showWindow: focus,
      });
    }
  });

  app.on('window-all-closed', () => {
    if (!stayInTray(watch.running().length, process.platform)) app.quit();
  });
  app.on('activate', focus);
  app.on('before-quit', (event) => {
    const running = watch.running().length;
    if (running === 0 || state.quitConfirmed) return;
    event.preventDefault();
    void dialog.showMessageBox(quitPrompt(running)).then(({ response }) => {
      if (response !== QUIT_ANYWAY) return;
      state.quitConfirmed = true;
      app.quit();
    });
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Give the core a moment to stop the engine and its ffmpeg children, but never hang the quit.
    event.preventDefault();
    closed = true;
    ipc.dispose();
    host.close();
    state.tray?.destroy();
    const timeout = new Promise((resolve) => setTimeout(resolve, 3000));
    void Promise.race([core.close().catch(() => undefined), timeout]).then(() => app.quit());
  });

  openWindow();
  // Connecting reports through events; the window shows "Setting things up…" meanwhile.
  void core.start().catch((err: unknown) => console.error(`start: ${toUserError(err).message}`));
}
