/**
 * The window that shows a new virtual MFA device's QR code (enrolment-qr-page.ts): the one place the
 * seed is ever on screen, so it is stricter than the app's other windows. It runs no script at all
 * (`javascript: false`), has no preload and so no IPC, and lives in an in-memory session of its own
 * (no `persist:` prefix: nothing it shows is cached on disk) that grants no permission and sends the
 * page's CSP. Navigation and new windows are refused as for every web contents (guard-web-contents.ts,
 * installed for the whole app). The page comes as a data: URL, so it is never written to a file. One
 * at a time: showing another closes the first. The right-click menu can copy the selected URI.
 */
import { BrowserWindow, session } from 'electron';
import { editContextMenu } from '../windows/edit-context-menu';
import { hardenSession } from '../windows/harden-session';
import { QR_PAGE_POLICY } from './enrolment-qr-page';

/** Without `persist:`, Electron keeps this session in memory only. */
export const QR_PARTITION = 'latchkey-enrolment-qr';

/** What the settings handlers need of the window: main's real one, or a test's stand-in. */
export interface EnrolmentQrPort {
  /** Shows `page` (HTML), replacing what was shown; resolves once it is on screen. */
  show(page: string): Promise<void>;
  close(): void;
}

export class EnrolmentQrWindow implements EnrolmentQrPort {
  #window: BrowserWindow | undefined;

  async show(page: string): Promise<void> {
    this.close();
    hardenSession(session.fromPartition(QR_PARTITION), QR_PAGE_POLICY);
    const window = new BrowserWindow({
      title: 'Scan your new MFA device',
      width: 420,
      height: 680,
      minWidth: 360,
      minHeight: 420,
      show: false,
      autoHideMenuBar: true,
      webPreferences: {
        partition: QR_PARTITION,
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
        devTools: false,
      },
    });
    this.#window = window;
    window.once('closed', () => {
      if (this.#window === window) this.#window = undefined;
    });
    editContextMenu(window);
    try {
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page)}`);
    } catch (error) {
      if (this.#window === window) this.close();
      throw error;
    }
    if (!window.isDestroyed()) window.show();
  }

  close(): void {
    const window = this.#window;
    this.#window = undefined;
    if (window && !window.isDestroyed()) window.destroy();
  }
}
