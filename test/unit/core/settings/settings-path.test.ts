import { describe, expect, it } from 'vitest';
import { settingsPath } from '../../../../electron/core/settings/settings-path';

describe('settingsPath', () => {
  it('prefers LATCHKEY_HOME on every platform', () => {
    expect(settingsPath({ LATCHKEY_HOME: '/tmp/lk', XDG_CONFIG_HOME: '/x' }, 'linux', '/home/alice')).toBe('/tmp/lk/settings.json');
    expect(settingsPath({ LATCHKEY_HOME: '/tmp/lk' }, 'darwin', '/Users/alice')).toBe('/tmp/lk/settings.json');
    expect(settingsPath({ LATCHKEY_HOME: 'D:\\lk', APPDATA: 'C:\\x' }, 'win32', 'C:\\Users\\alice')).toBe('D:\\lk\\settings.json');
  });

  it('uses $XDG_CONFIG_HOME/latchkey on Linux, else ~/.config/latchkey', () => {
    expect(settingsPath({ XDG_CONFIG_HOME: '/home/alice/cfg' }, 'linux', '/home/alice')).toBe('/home/alice/cfg/latchkey/settings.json');
    expect(settingsPath({}, 'linux', '/home/alice')).toBe('/home/alice/.config/latchkey/settings.json');
    expect(settingsPath({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/alice')).toBe('/home/alice/.config/latchkey/settings.json');
  });

  it('uses Application Support on macOS', () => {
    expect(settingsPath({ XDG_CONFIG_HOME: '/x' }, 'darwin', '/Users/alice')).toBe('/Users/alice/Library/Application Support/Latchkey/settings.json');
  });

  it('uses %APPDATA%\\Latchkey on Windows', () => {
    expect(settingsPath({ APPDATA: 'C:\\Users\\alice\\AppData\\Roaming' }, 'win32', 'C:\\Users\\alice')).toBe(
      'C:\\Users\\alice\\AppData\\Roaming\\Latchkey\\settings.json',
    );
    expect(settingsPath({}, 'win32', 'C:\\Users\\alice')).toBe('C:\\Users\\alice\\AppData\\Roaming\\Latchkey\\settings.json');
  });
});
