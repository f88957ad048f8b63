/**
 * Native notifications: errors, notices and expiry reminders. Each says what happened in its title and
 * what to do in its body, and never holds a secret. A notification is kept referenced until it is done
 * with, because Electron drops the handlers of one that was garbage-collected.
 */
import { Notification } from 'electron';
import { describeError } from '../../shared/errors';

export interface NotifierAction {
  label: string;
  run(): void;
}

export class Notifier {
  readonly #shown = new Set<Notification>();

  constructor(private readonly platform: NodeJS.Platform) {}

  /**
   * `action` is a button on macOS; elsewhere notification servers rarely show buttons, so a click on the
   * notification runs it, and the body says so.
   */
  show(title: string, body: string, action?: NotifierAction): void {
    const buttons = action !== undefined && this.platform === 'darwin';
    const notification = new Notification({
      title,
      // "Rotate…" reads "Click to rotate.": the ellipsis marks a button that opens a window, not a sentence's end.
      body: action && !buttons ? `${body} Click to ${action.label.replace(/…$/, '').toLowerCase()}.` : body,
      ...(buttons && { actions: [{ type: 'button', text: action.label }] }),
    });
    const done = () => this.#shown.delete(notification);
    if (buttons) notification.on('action', () => action.run());
    else if (action) notification.on('click', () => action.run());
    notification.once('close', done).once('click', done).once('action', done).once('failed', done);
    this.#shown.add(notification);
    notification.show();
  }

  /** A failure: what could not be done, and the error's own message saying why and what to do. */
  failed(what: string, error: unknown): void {
    this.show(what, describeError(error));
  }
}
