/**
 * The settings window, and the one thing main tells it unasked: that settings or sessions changed
 * elsewhere (the tray, the CLI, a renewal, the broker), so it reads its view again rather than show, and
 * later save, what it read when it opened. A window that is closed, or still loading (it reads the view
 * once loaded), is not told.
 */
import type { BrowserWindow } from 'electron';
import { ipcContract } from '../../shared/ipc-contract';
import { send } from '../ipc/send';
import { AppWindow, type WindowFiles } from '../windows/app-window';

export class SettingsWindow {
  readonly #window: AppWindow;
  #loaded: BrowserWindow | undefined;

  constructor(
    files: WindowFiles,
    private readonly failed: (error: unknown) => void,
  ) {
    this.#window = new AppWindow(files, { title: 'Latchkey settings', width: 760, height: 560, minWidth: 560, minHeight: 420 });
  }

  get isOpen(): boolean {
    return this.#window.isOpen;
  }

  /** Opens the window, or brings it forward. */
  open(): void {
    this.#window.open().then(
      (window) => (this.#loaded = window),
      (error: unknown) => this.failed(error),
    );
  }

  changed(): void {
    const window = this.#loaded;
    if (this.#window.isOpen && window && !window.isDestroyed()) send(window.webContents, ipcContract.settings.changed, {});
  }

  close(): void {
    this.#loaded = undefined;
    this.#window.close();
  }
}
