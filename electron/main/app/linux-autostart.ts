/**
 * Launch at login on Linux, where Electron's login items do nothing: a desktop entry in the XDG
 * autostart folder, which GNOME, KDE and the other freedesktop sessions start at login.
 */
import { rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomically } from '../../core/fs/atomic-write';

export function autostartPath(env: NodeJS.ProcessEnv, home = homedir()): string {
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'autostart', 'latchkey.desktop');
}

/** `executable` is what starts the app: the AppImage itself when run from one, else the app binary. */
export async function setLinuxAutostart(enabled: boolean, executable: string, env: NodeJS.ProcessEnv): Promise<void> {
  const path = autostartPath(env);
  if (!enabled) return rm(path, { force: true });
  // Exec quoting per the Desktop Entry spec: the path in double quotes, with " ` $ \ escaped.
  const exec = `"${executable.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
  await writeFileAtomically(path, ['[Desktop Entry]', 'Type=Application', 'Name=Latchkey', `Exec=${exec}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n'));
}
