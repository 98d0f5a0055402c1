/**
 * Electron's security checklist in one place: the only webPreferences a window gets, navigation and new
 * windows denied, every permission denied, external links only to the allowlist.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { isAllowedExternalLink } from '../../shared/bridge';

/** The app shell's origin (see protocols.ts). */
export const APP_ORIGIN = 'app://bundle';
export const APP_URL = `${APP_ORIGIN}/index.html`;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
}

/** Any navigation away from the loaded shell is refused; links on the allowlist open in the user's browser. */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Camera, microphone, notifications from the page, geolocation…: the app needs none, so all are refused. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
