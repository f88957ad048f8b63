import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokerAddress, fnv1a } from '../../../../electron/core/broker/broker-address';

const base = { XDG_RUNTIME_DIR: '/run/user/1000', HOME: '/home/alice', LATCHKEY_HOME: '/home/alice/.latchkey' };

describe('brokerAddress', () => {
  it('is a socket in the runtime folder named for the setup it serves', () => {
    expect(brokerAddress(base, 'linux')).toMatch(/^\/run\/user\/1000\/latchkey\/broker-[0-9a-f]{8}\.sock$/);
    expect(brokerAddress(base, 'linux')).toBe(brokerAddress({ ...base }, 'linux'));
  });

  it('differs for another settings folder or keychain service, and only for those', () => {
    const address = brokerAddress(base, 'linux');
    expect(brokerAddress({ ...base, LATCHKEY_HOME: '/home/alice/other' }, 'linux')).not.toBe(address);
    expect(brokerAddress({ ...base, LATCHKEY_KEYCHAIN_SERVICE: 'latchkey-test' }, 'linux')).not.toBe(address);
    // The keychain's default service, named or not, is one setup; so is one folder however it is written.
    expect(brokerAddress({ ...base, LATCHKEY_KEYCHAIN_SERVICE: 'latchkey' }, 'linux')).toBe(address);
    expect(brokerAddress({ ...base, LATCHKEY_KEYCHAIN_SERVICE: '' }, 'linux')).toBe(address);
    expect(brokerAddress({ ...base, LATCHKEY_HOME: '/home/alice/x/../.latchkey/' }, 'linux')).toBe(address);
    expect(brokerAddress({ ...base, LATCHKEY_HOME: '.latchkey' }, 'linux')).toBe(brokerAddress({ ...base, LATCHKEY_HOME: join(process.cwd(), '.latchkey') }, 'linux'));
    // Unrelated variables do not matter.
    expect(brokerAddress({ ...base, AWS_PROFILE: 'dev', XDG_CONFIG_HOME: '/elsewhere' }, 'linux')).toBe(address);
  });

  it('follows the settings file where LATCHKEY_HOME is unset (XDG_CONFIG_HOME on Linux)', () => {
    const { LATCHKEY_HOME: _home, ...unset } = base;
    expect(brokerAddress({ ...unset, XDG_CONFIG_HOME: '/home/alice/.config' }, 'linux')).not.toBe(brokerAddress({ ...unset, XDG_CONFIG_HOME: '/cfg' }, 'linux'));
  });

  it('is a record file in the per-user runtime folder on Windows, the same for a settings path in another case', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\alice\\AppData\\Local', APPDATA: 'C:\\Users\\alice\\AppData\\Roaming' };
    const record = brokerAddress(env, 'win32');
    expect(record).toMatch(/^C:\\Users\\alice\\AppData\\Local\\Latchkey\\run\\broker-[0-9a-f]{8}\.pipe$/);
    expect(brokerAddress({ ...env, APPDATA: 'c:\\users\\ALICE\\AppData\\Roaming' }, 'win32')).toBe(record);
    expect(brokerAddress({ ...env, LATCHKEY_KEYCHAIN_SERVICE: 'other' }, 'win32')).not.toBe(record);
    // A pipe named outright is used as it is (pipe-trust-win32.ts).
    expect(brokerAddress({ ...env, LATCHKEY_BROKER: '\\\\.\\pipe\\relay' }, 'win32')).toBe('\\\\.\\pipe\\relay');
  });
});

describe('fnv1a', () => {
  it('gives the published FNV-1a 32-bit values for ASCII', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
    expect(fnv1a('é')).not.toBe(fnv1a('e'));
  });
});
