/**
 * Where the settings file lives: `LATCHKEY_HOME` when set (tests, portable setups), else the per-user
 * config folder of the platform.
 */
import { homedir } from 'node:os';
import { isAbsolute, posix, win32 } from 'node:path';

const FILE = 'settings.json';

export function settingsPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const path = platform === 'win32' ? win32 : posix;
  if (env.LATCHKEY_HOME) return path.join(env.LATCHKEY_HOME, FILE);
  if (platform === 'win32') return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), 'Latchkey', FILE);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Latchkey', FILE);
  // The XDG spec says to ignore a relative value.
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : posix.join(home, '.config');
  return posix.join(config, 'latchkey', FILE);
}
