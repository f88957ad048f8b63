/**
 * The MFA popup behind MfaPopups (its PromptWindow): a small always-on-top window showing the request
 * at the head of the queue. Closing the window by hand cancels that request, and so does a page that
 * fails to load, so no caller waits out the two minutes for a popup nobody can see. Its width is fixed
 * and its height is the page's: the page measures its content and main fits the window to it (fit).
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
        // The content's size; the height is only until the page has measured itself.
        useContentSize: true,
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
    // Only a code to type takes the keyboard; a countdown or a check in progress leaves it where it is.
    this.#window.open({ focus: (view.phase ?? 'code') === 'code' }).then(
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

  fit(height: number): void {
    this.#window.fitContentHeight(height);
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
