/**
 * The renderer's one door to main: the desktop preload's `window.videoBuilder` when it is there, else the
 * browser mode's WebSocket. Failed commands reject with an AppError whose `.user` is the UserError to show.
 */
import type { BridgeApi } from '../../shared/bridge';
import { WS_BRIDGE_PATH } from '../../shared/bridge-wire';
import { wrapDesktopBridge, type DesktopBridgeApi } from './desktop';
import { bridgeSocketUrl, resolveWebSecret, withoutSecret } from './secret';
import { pathsFromDesktop, stageThroughHost, type StageProgress } from './stage';
import { createWsBridge } from './ws-client';

declare global {
  interface Window {
    videoBuilder?: DesktopBridgeApi;
  }
}

export type { DesktopBridgeApi } from './desktop';
export type { StageProgress } from './stage';

let bridge: BridgeApi | undefined;
let webSecret: string | undefined;

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function connectBrowserMode(): BridgeApi {
  webSecret = resolveWebSecret(window.location.search, sessionStorageOrUndefined());
  if (new URLSearchParams(window.location.search).has('secret')) {
    window.history.replaceState(window.history.state, '', withoutSecret(window.location.href));
  }
  return createWsBridge({ url: bridgeSocketUrl(window.location.href, webSecret, WS_BRIDGE_PATH) });
}

/** The bridge for this window (created once). */
export function getBridge(): BridgeApi {
  bridge ??= window.videoBuilder ? wrapDesktopBridge(window.videoBuilder) : connectBrowserMode();
  return bridge;
}

/** True in the desktop app (paths come from the preload; native pickers exist). */
export function isDesktop(): boolean {
  return Boolean(window.videoBuilder);
}

/**
 * Local paths for dropped or picked files, ready for `media.add({ paths })`. On the desktop they are the files'
 * own paths; in browser mode each file is streamed to the host first (progress per file).
 */
export async function stageFiles(files: File[], onProgress?: StageProgress): Promise<string[]> {
  const desktop = window.videoBuilder;
  if (desktop) return pathsFromDesktop(files, (file) => desktop.pathForFile(file), onProgress);
  getBridge();
  return stageThroughHost(files, window.location.href, webSecret, onProgress);
}
