/**
 * One of the app's windows, at most one open at a time, hardened as SPEC §6 asks: sandboxed, isolated,
 * no Node, web security on, its page from app:// (app-protocol.ts), not file://. Navigation, new
 * windows and webviews are refused for every web contents at once (guard-web-contents.ts). The web
 * preferences stay inline in the constructor call so the security scan (electronegativity) can see them.
 * Every window has the cut/copy/paste context menu (edit-context-menu.ts).
 */
import { join } from 'node:path';
import { app, BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import { appUrl } from './app-protocol';
import { editContextMenu } from './edit-context-menu';

/** Size, title and behaviour of a window; its web preferences are this module's alone. */
export type WindowFrame = Omit<BrowserWindowConstructorOptions, 'webPreferences' | 'show'>;

export interface WindowFiles {
  /** app://latchkey/NAME.html, which app:// serves from dist/renderer/NAME.html */
  page: URL;
  /** dist/preload/NAME.cjs: a preload is always a file path */
  preload: string;
}

/** A window's built page and preload; `appRoot` holds package.json, in development and packaged alike. */
export function windowFiles(appRoot: string, name: string): WindowFiles {
  return { page: appUrl(`${name}.html`), preload: join(appRoot, 'dist', 'preload', `${name}.cjs`) };
}

/** The folder app:// serves: the renderer's build. */
export const rendererFolder = (appRoot: string): string => join(appRoot, 'dist', 'renderer');

/** The URL a window's page has once loaded: what its IPC handlers trust. */
export const pageUrl = (files: WindowFiles): URL => new URL(files.page);

export class AppWindow {
  #current: { window: BrowserWindow; loaded: Promise<void> } | undefined;

  constructor(
    private readonly files: WindowFiles,
    private readonly frame: WindowFrame,
    /** The person closed the window (not close() below). */
    private readonly onClosedByPerson: () => void = () => {},
  ) {}

  get isOpen(): boolean {
    return this.#current !== undefined;
  }

  /**
   * Opens the window, or brings it forward, once its page has loaded. With `focus: false` it is only
   * shown, without taking the keyboard from where the person is typing.
   */
  async open({ focus = true }: { focus?: boolean } = {}): Promise<BrowserWindow> {
    const current = (this.#current ??= this.#create());
    try {
      await current.loaded;
    } catch (error) {
      if (this.#current === current) this.close();
      throw error;
    }
    const { window } = current;
    if (window.isDestroyed()) return window;
    if (!focus) {
      if (!window.isVisible()) window.showInactive();
      return window;
    }
    window.show();
    // A tray app is not the active one when its window opens (the person is in a terminal or an IDE):
    // take the focus, so what they type goes to the window.
    app.focus({ steal: true });
    window.focus();
    return window;
  }

  /**
   * Makes the open window's content `height` tall, its width unchanged, as far as the work area of its
   * screen allows (the page scrolls beyond that); a window that would reach past the bottom of the work
   * area moves up.
   */
  fitContentHeight(height: number): void {
    const window = this.#current?.window;
    if (!window || window.isDestroyed()) return;
    const outer = window.getBounds();
    const content = window.getContentBounds();
    const frame = outer.height - content.height;
    const area = screen.getDisplayMatching(outer).workArea;
    const fitted = Math.max(1, Math.min(Math.ceil(height), area.height - frame));
    const top = Math.max(area.y, Math.min(outer.y, area.y + area.height - frame - fitted));
    if (fitted === content.height && top === outer.y) return;
    window.setContentBounds({ x: content.x, y: top + content.y - outer.y, width: content.width, height: fitted });
  }

  close(): void {
    const window = this.#current?.window;
    this.#current = undefined;
    if (window && !window.isDestroyed()) window.destroy();
  }

  #create(): { window: BrowserWindow; loaded: Promise<void> } {
    const window = new BrowserWindow({
      ...this.frame,
      show: false,
      webPreferences: {
        preload: this.files.preload,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        // Middle-click would otherwise try to open links in a new window.
        disableBlinkFeatures: 'Auxclick',
        // The spellchecker downloads dictionaries; nothing we show needs one.
        spellcheck: false,
      },
    });
    editContextMenu(window);
    window.once('closed', () => {
      if (this.#current?.window !== window) return;
      this.#current = undefined;
      this.onClosedByPerson();
    });
    return { window, loaded: window.loadURL(this.files.page.href) };
  }
}
