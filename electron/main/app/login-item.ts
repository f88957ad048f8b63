/**
 * The OS login item follows the "launch at login" preference, whoever changed it: the tray, the settings
 * window or another Latchkey process. It is touched only when the two differ. Linux has no login items
 * in Electron: there it is an XDG autostart entry.
 */
import { existsSync } from 'node:fs';
import { app } from 'electron';
import { autostartPath, setLinuxAutostart } from './linux-autostart';

export interface LoginItemHost {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** What starts the app: the AppImage itself when run from one, else the app's executable. */
  executable: string;
}

export class LoginItem {
  #applied: boolean | undefined;

  constructor(private readonly host: LoginItemHost) {}

  async follow(enabled: boolean): Promise<void> {
    const { platform, env, executable } = this.host;
    const linux = platform === 'linux';
    this.#applied ??= linux ? existsSync(autostartPath(env)) : app.getLoginItemSettings().openAtLogin;
    if (enabled === this.#applied) return;
    if (linux) await setLinuxAutostart(enabled, executable, env);
    else app.setLoginItemSettings({ openAtLogin: enabled });
    this.#applied = enabled;
  }
}
