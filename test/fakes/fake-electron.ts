/**
 * Just enough of Electron's main-process API for the app's tests, recording what the app does and
 * letting a test act as the person (click a menu item, close a window, invoke an IPC channel).
 * Use with `vi.mock('electron', () => import('…/fake-electron'))`; `resetFakeElectron()` between tests.
 */
import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  PopupOptions,
  Rectangle,
} from 'electron';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

class FakeApp extends EventEmitter {
  singleInstance = true;
  readonly dock = { hidden: false, hide: () => (this.dock.hidden = true) };
  loginItem = { openAtLogin: false };
  quitRequests = 0;
  /** Set once a quit was not prevented. */
  quitted = false;
  ready = false;

  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    this.ready = true;
    return Promise.resolve();
  }
  focusRequests = 0;
  focus(): void {
    this.focusRequests++;
  }
  getAppPath(): string {
    return process.cwd();
  }
  getLoginItemSettings() {
    return { ...this.loginItem };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItem = { openAtLogin: settings.openAtLogin };
  }
  reset(): void {
    this.removeAllListeners();
    Object.assign(this, { singleInstance: true, loginItem: { openAtLogin: false }, quitRequests: 0, quitted: false, ready: false, focusRequests: 0 });
    this.dock.hidden = false;
  }
  quit(): void {
    this.quitRequests++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.quitted = true;
    this.emit('quit');
  }
}

/** An event a listener may cancel, as Electron's navigation and webview events are. */
export interface FakePreventable {
  preventDefault(): void;
  readonly prevented: boolean;
}
export function preventable(): FakePreventable {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  url = '';
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
    this.emit('fake-sent', channel, payload);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** An IPC invoke event from this page's top frame (or an iframe in it). */
  invokeEvent({ top = true } = {}): IpcMainInvokeEvent {
    return { senderFrame: { url: this.url, parent: top ? null : { url: this.url, parent: null } } } as unknown as IpcMainInvokeEvent;
  }
}

/** Height of the title bar the fake windows have: their outer bounds are their content's plus this. */
export const FAKE_FRAME_HEIGHT = 28;

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  /** Page URLs that fail to load, as a missing build would (app:// answers 404). */
  static failingPages = new Set<string>();
  readonly webContents = new FakeWebContents();
  visible = false;
  /** Shown without taking the focus. */
  shownInactive = false;
  destroyed = false;
  /** The URL the window loaded. */
  page: string | undefined;
  /** Where the content is on the screen; the window is centred on the work area, as Electron does. */
  contentBounds: Rectangle;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    const { width = 800, height = 600 } = options;
    const { workArea } = screen;
    this.contentBounds = {
      x: workArea.x + Math.round((workArea.width - width) / 2),
      y: workArea.y + Math.round((workArea.height - height) / 2),
      width,
      height,
    };
    BrowserWindow.all.push(this);
    // As Electron does for every web contents, before anyone else can reach it.
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.page = url;
    if (BrowserWindow.failingPages.has(url)) throw new Error(`ERR_HTTP_RESPONSE_CODE_FAILURE (-379) loading '${url}'`);
    this.webContents.url = url;
  }
  focused = false;
  show(): void {
    this.visible = true;
  }
  showInactive(): void {
    this.visible = true;
    this.shownInactive = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  getContentBounds(): Rectangle {
    return { ...this.contentBounds };
  }
  getBounds(): Rectangle {
    const { x, y, width, height } = this.contentBounds;
    return { x, y: y - FAKE_FRAME_HEIGHT, width, height: height + FAKE_FRAME_HEIGHT };
  }
  setContentBounds(bounds: Rectangle): void {
    this.contentBounds = { ...bounds };
  }
  focus(): void {
    this.focused = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
  /** The person closes the window. */
  close(): void {
    this.destroy();
  }
}

export class FakeMenu {
  /** Every menu popped up, as a context menu is. */
  static popups: { menu: FakeMenu; options: PopupOptions | undefined }[] = [];

  constructor(readonly template: MenuItemConstructorOptions[]) {}

  popup(options?: PopupOptions): void {
    FakeMenu.popups.push({ menu: this, options });
  }

  /** The item reached by labels, each matching a label exactly or else its start ("alice", "Quit"); throws if absent. */
  item(...path: string[]): MenuItemConstructorOptions {
    let items = this.template;
    let found: MenuItemConstructorOptions | undefined;
    for (const label of path) {
      found = items.find((item) => item.label === label) ?? items.find((item) => item.label?.startsWith(label));
      if (!found) throw new Error(`no menu item "${label}" among ${items.map((item) => JSON.stringify(item.label)).join(', ')}`);
      items = (found.submenu as MenuItemConstructorOptions[] | undefined) ?? [];
    }
    if (!found) throw new Error('no path given');
    return found;
  }

  labels(): (string | undefined)[] {
    return this.template.map((item) => (item.type === 'separator' ? '---' : item.label));
  }

  click(...path: string[]): void {
    const item = this.item(...path);
    if (!item.click) throw new Error(`menu item "${path.join(' › ')}" does nothing`);
    (item.click as () => void)();
  }
}

export const Menu = {
  applicationMenu: undefined as FakeMenu | null | undefined,
  buildFromTemplate: (template: MenuItemConstructorOptions[]) => new FakeMenu(template),
  setApplicationMenu(menu: FakeMenu | null) {
    Menu.applicationMenu = menu;
  },
};

export class Tray extends EventEmitter {
  static all: Tray[] = [];
  menu: FakeMenu | undefined;
  tooltip = '';
  poppedUp = 0;
  destroyed = false;

  constructor(public image: string) {
    super();
    Tray.all.push(this);
  }
  setImage(image: string): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
    this.emit('fake-menu', menu);
  }
  popUpContextMenu(): void {
    this.poppedUp++;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class Notification extends EventEmitter {
  static all: Notification[] = [];
  shown = false;

  constructor(readonly options: { title: string; body: string; actions?: { type: string; text: string }[] }) {
    super();
  }
  static isSupported(): boolean {
    return true;
  }
  show(): void {
    this.shown = true;
    Notification.all.push(this);
  }
}

class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

class FakeSession {
  permissionRequestHandler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  permissionCheckHandler: ((webContents: unknown, permission: string) => boolean) | undefined;
  headersListener: HeadersListener | undefined;
  readonly webRequest = { onHeadersReceived: (listener: HeadersListener) => (this.headersListener = listener) };

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** Records the schemes made privileged and their handlers; `fetch` asks a handler as Chromium would. */
class FakeProtocol {
  privileged: CustomScheme[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    // As Electron does: privileges are fixed once the app is ready.
    if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`The scheme has been registered: ${scheme}`);
    this.handlers.set(scheme, handler);
  }
  async fetch(url: string): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME: ${url}`);
    return handler(new Request(url));
  }
}

/** One display; its work area leaves out a menu bar at the top. */
export const screen = {
  workArea: { x: 0, y: 25, width: 1440, height: 875 } as Rectangle,
  getDisplayMatching: (_rect: Rectangle) => ({ workArea: { ...screen.workArea } }),
};

export const app = new FakeApp();
export const protocol = new FakeProtocol();
export const ipcMain = new FakeIpcMain();
export const powerMonitor = new EventEmitter();
export const session = {
  defaultSession: new FakeSession(),
  /** Named partitions' sessions, each made on first use as Electron makes them. */
  partitions: new Map<string, FakeSession>(),
  fromPartition(partition: string): FakeSession {
    const found = session.partitions.get(partition) ?? new FakeSession();
    session.partitions.set(partition, found);
    return found;
  },
};
/** Records the URLs handed to the default browser, and lets a test be that browser. */
export const shell = {
  opened: [] as string[],
  /** What the default browser does with a URL it is given (a test fetches it); nothing when unset. */
  browser: undefined as ((url: string) => void) | undefined,
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    shell.browser?.(url);
  },
};
export const clipboard = {
  text: '',
  writeText(text: string) {
    clipboard.text = text;
  },
  readText: () => clipboard.text,
};
/** A message box on screen until the test, as the person, clicks one of its buttons. */
export interface FakeMessageBox {
  options: MessageBoxOptions;
  click(label: string): void;
}

export const dialog = {
  errors: [] as { title: string; content: string }[],
  messageBoxes: [] as FakeMessageBox[],
  showErrorBox(title: string, content: string) {
    dialog.errors.push({ title, content });
  },
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue> {
    return new Promise((resolve) =>
      dialog.messageBoxes.push({
        options,
        click(label) {
          const response = options.buttons?.indexOf(label) ?? -1;
          if (response < 0) throw new Error(`no button "${label}" among ${JSON.stringify(options.buttons)}`);
          resolve({ response, checkboxChecked: false });
        },
      }),
    );
  },
};

export function resetFakeElectron(): void {
  app.reset();
  protocol.privileged = [];
  protocol.handlers.clear();
  ipcMain.handlers.clear();
  powerMonitor.removeAllListeners();
  session.defaultSession = new FakeSession();
  session.partitions.clear();
  BrowserWindow.all = [];
  BrowserWindow.failingPages.clear();
  Tray.all = [];
  Notification.all = [];
  Menu.applicationMenu = undefined;
  FakeMenu.popups = [];
  screen.workArea = { x: 0, y: 25, width: 1440, height: 875 };
  clipboard.text = '';
  shell.opened = [];
  shell.browser = undefined;
  dialog.errors = [];
  dialog.messageBoxes = [];
}
