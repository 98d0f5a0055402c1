/**
 * A hand-written stand-in for the `electron` module (no Electron binary exists on CI machines). It records what
 * the desktop code asks of Electron so tests can assert on it and drive events back. `mock.reset()` between tests.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  sent: Array<[string, unknown]> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  shown = false;
  focused = false;
  destroyed = false;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.bounds = { x: Number(options.x ?? 0), y: Number(options.y ?? 0), width: Number(options.width), height: Number(options.height) };
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
}

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

class FakeApp extends EventEmitter {
  quitCalls = 0;
  sandboxEnabled = false;
  hasLock = true;
  enableSandbox() {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock() {
    return this.hasLock;
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {
    this.quitCalls += 1;
  }
  getPath(name: string) {
    return `/fake/${name}`;
  }
  getVersion() {
    return '9.9.9';
  }
  getAppPath() {
    return '/fake/app';
  }
}
export const app = new FakeApp();

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
    this.handlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    permissionRequest: undefined as Handler | undefined,
    permissionCheck: undefined as Handler | undefined,
    devicePermission: undefined as Handler | undefined,
    setPermissionRequestHandler(h: Handler) {
      this.permissionRequest = h;
    },
    setPermissionCheckHandler(h: Handler) {
      this.permissionCheck = h;
    },
    setDevicePermissionHandler(h: Handler) {
      this.devicePermission = h;
    },
  },
};

export const shell = {
  opened: [] as string[],
  revealed: [] as string[],
  external: [] as string[],
  openPath(p: string) {
    this.opened.push(p);
    return Promise.resolve('');
  },
  showItemInFolder(p: string) {
    this.revealed.push(p);
  },
  openExternal(url: string) {
    this.external.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  messageBoxes: [] as Array<Record<string, unknown>>,
  nextResponse: 0,
  showMessageBox(options: Record<string, unknown>) {
    this.messageBoxes.push(options);
    return Promise.resolve({ response: this.nextResponse, checkboxChecked: false });
  },
  showOpenDialog() {
    return Promise.resolve({ canceled: true, filePaths: [] });
  },
};

export class Notification extends EventEmitter {
  static instances: Notification[] = [];
  static isSupported() {
    return true;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string; actions?: Array<{ text: string }> }) {
    super();
    Notification.instances.push(this);
  }
  show() {
    this.shown = true;
  }
}

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  tooltip = '';
  menu: { items: Array<{ label?: string; type?: string; enabled?: boolean; click?: () => void }> } | undefined;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    Tray.instances.push(this);
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: Tray['menu']) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

export const Menu = {
  buildFromTemplate(items: Array<Record<string, unknown>>) {
    return { items };
  },
};

export const nativeImage = {
  createFromPath(p: string) {
    return { path: p };
  },
};

export const screen = {
  workAreas: [{ x: 0, y: 0, width: 1920, height: 1080 }],
  getAllDisplays() {
    return this.workAreas.map((workArea) => ({ workArea }));
  },
};

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as Backend,
  isEncryptionAvailable() {
    return this.available;
  },
  getSelectedStorageBackend(): Backend {
    return this.backend;
  },
  encryptString(plain: string) {
    return Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`);
  },
  decryptString(buf: Buffer) {
    const text = buf.toString();
    if (!text.startsWith('enc:')) throw new Error('bad ciphertext');
    return Buffer.from(text.slice(4), 'hex').toString();
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as Array<[string, unknown]>,
  reply: (_channel: string, _input: unknown): unknown => ({ ok: true, output: {} }),
  invoke(channel: string, input: unknown) {
    this.invoked.push([channel, input]);
    return Promise.resolve(this.reply(channel, input));
  },
});

export const webUtils = {
  getPathForFile(file: { name: string }) {
    return `/picked/${file.name}`;
  },
};

export const mock = {
  reset() {
    BrowserWindow.instances = [];
    Notification.instances = [];
    Tray.instances = [];
    ipcMain.handlers.clear();
    app.removeAllListeners();
    app.quitCalls = 0;
    app.hasLock = true;
    app.sandboxEnabled = false;
    protocol.privileged = [];
    protocol.handlers.clear();
    shell.opened = [];
    shell.revealed = [];
    shell.external = [];
    dialog.messageBoxes = [];
    dialog.nextResponse = 0;
    safeStorage.available = true;
    safeStorage.backend = 'gnome_libsecret';
    contextBridge.exposed.clear();
    ipcRenderer.removeAllListeners();
    ipcRenderer.invoked = [];
  },
};

const electron = {
  app, BrowserWindow, ipcMain, protocol, session, shell, dialog, Notification, Tray, Menu, nativeImage, screen, safeStorage,
  contextBridge, ipcRenderer, webUtils,
};
export default electron;
