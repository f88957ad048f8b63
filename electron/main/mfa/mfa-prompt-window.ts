/**
 * The MFA popup behind MfaPopups (its PromptWindow): a small always-on-top window showing the request
 * at the head of the queue. Closing the window by hand cancels that request, and so does a page that
 * fails to load, so no caller waits out the two minutes for a popup nobody can see.
 */
import { ipcContract, type MfaPromptView } from '../../shared/ipc-contract';
import { send } from '../ipc/send';
import type { PromptWindow } from './prompt-window';
import { AppWindow, type WindowFiles } from '../windows/app-window';

export interface MfaPromptWindowDeps {
  files: WindowFiles;
  failed(error: unknown): void;
}

export class MfaPromptWindow implements PromptWindow {
  readonly #window: AppWindow;
  #view: MfaPromptView | undefined;
  #cancel: (requestId: string) => void = () => {};

  constructor(private readonly deps: MfaPromptWindowDeps) {
    this.#window = new AppWindow(
      deps.files,
      {
        title: 'MFA code · Latchkey',
        width: 340,
        height: 200,
        alwaysOnTop: true,
        resizable: false,
        minimizable: false,
        maximizable: false,
        fullscreenable: false,
      },
      () => this.#cancelShowing(),
    );
  }

  show(view: MfaPromptView): void {
    this.#view = view;
    this.#window.open().then(
      (window) => {
        // Only the latest view is sent: one shown while the page loaded replaces this one.
        if (this.#view === view) send(window.webContents, ipcContract.mfaPrompt.show, view);
      },
      (error: unknown) => {
        this.deps.failed(error);
        if (this.#view === view) this.#cancelShowing();
      },
    );
  }

  onCancel(cancel: (requestId: string) => void): void {
    this.#cancel = cancel;
  }

  close(): void {
    this.#view = undefined;
    this.#window.close();
  }

  /** On quit: every waiting request is cancelled (each cancel shows the next, until none is left). */
  dismissAll(): void {
    while (this.#view) this.#cancelShowing();
  }

  #cancelShowing(): void {
    const view = this.#view;
    this.#view = undefined;
    if (view) this.#cancel(view.requestId);
  }
}
