/**
 * The settings window, and what main tells it unasked: that settings or sessions changed elsewhere (the
 * tray, the CLI, a renewal, the broker), so it reads its view again rather than show, and later save,
 * what it read when it opened; and, when it is opened at a place (the key-age reminder's "Rotate…"),
 * where to go. A window that is closed, or still loading (it reads the view once loaded), is not told
 * of changes; the place is sent once its page has loaded, whether it was just opened or already open.
 */
import type { BrowserWindow } from 'electron';
import { ipcContract, type SettingsPlace } from '../../shared/ipc-contract';
import { send } from '../ipc/send';
import { AppWindow, type WindowFiles } from '../windows/app-window';

export class SettingsWindow {
  readonly #window: AppWindow;
  #loaded: BrowserWindow | undefined;

  constructor(
    files: WindowFiles,
    private readonly failed: (error: unknown) => void,
    /** The person closed the window: what it started and left on screen (the enrolment QR window) goes too. */
    closedByPerson: () => void = () => {},
  ) {
    this.#window = new AppWindow(files, { title: 'Latchkey settings', width: 760, height: 560, minWidth: 560, minHeight: 420 }, closedByPerson);
  }

  get isOpen(): boolean {
    return this.#window.isOpen;
  }

  /** Opens the window, or brings it forward; `at` names the identity whose "Rotate key…" step it shows. */
  open(at?: SettingsPlace): void {
    this.#window
      .open()
      .then((window) => {
        this.#loaded = window;
        if (at && !window.isDestroyed()) send(window.webContents, ipcContract.settings.show, at);
      })
      .catch((error: unknown) => this.failed(error));
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
