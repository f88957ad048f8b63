/**
 * The OS login item follows the "launch at login" preference, whoever changed it: the tray, the settings
 * window or another Latchkey process. It is touched only when the two differ.
 */
import { app } from 'electron';

export class LoginItem {
  #applied: boolean | undefined;

  follow(enabled: boolean): void {
    this.#applied ??= app.getLoginItemSettings().openAtLogin;
    if (enabled === this.#applied) return;
    app.setLoginItemSettings({ openAtLogin: enabled });
    this.#applied = enabled;
  }
}
