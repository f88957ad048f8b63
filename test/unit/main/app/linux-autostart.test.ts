import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartPath, setLinuxAutostart } from '../../../../electron/main/app/linux-autostart';

describe('Linux autostart entry', () => {
  it('is written under XDG_CONFIG_HOME with the executable quoted, and removed again', async () => {
    const env = { XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'latchkey-autostart-')) };
    const path = autostartPath(env);
    expect(path).toBe(join(env.XDG_CONFIG_HOME, 'autostart', 'latchkey.desktop'));

    await setLinuxAutostart(true, '/home/a b/Latchkey-1.0.AppImage', env);
    expect(readFileSync(path, 'utf8')).toBe(
      '[Desktop Entry]\nType=Application\nName=Latchkey\nExec="/home/a b/Latchkey-1.0.AppImage"\nX-GNOME-Autostart-enabled=true\n',
    );
    expect(statSync(path).mode & 0o777).toBe(0o600);

    await setLinuxAutostart(false, '/opt/Latchkey/latchkey-app', env);
    expect(existsSync(path)).toBe(false);
    await setLinuxAutostart(false, '/opt/Latchkey/latchkey-app', env); // already gone: no error
  });

  it('escapes what the Exec key would otherwise expand', async () => {
    const env = { XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'latchkey-autostart-')) };
    await setLinuxAutostart(true, '/opt/we"ird/$HOME/app', env);
    expect(readFileSync(autostartPath(env), 'utf8')).toContain('Exec="/opt/we\\"ird/\\$HOME/app"\n');
  });

  it('uses ~/.config when XDG_CONFIG_HOME is unset or relative', () => {
    expect(autostartPath({}, '/home/alice')).toBe('/home/alice/.config/autostart/latchkey.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: 'relative' }, '/home/alice')).toBe('/home/alice/.config/autostart/latchkey.desktop');
  });
});
