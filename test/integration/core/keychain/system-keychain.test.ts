import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { NapiSecretStore } from '../../../../electron/core/keychain/napi-secret-store';
import { systemKeychain } from '../../../../electron/core/keychain/system-keychain';
import { keyring } from '../../../helpers/components';
import { describeWith } from '../../../helpers/needs';

const WINDOWS_LIMIT = 1280;
const service = `latchkey-test-${randomUUID()}`;
const raw = new NapiSecretStore({ service });
const big = (length: number, seed = 'k') => Array.from({ length }, (_, i) => String.fromCharCode(33 + ((i * 7 + seed.charCodeAt(0)) % 90))).join('');

describeWith([keyring], 'systemKeychain on a real Secret Service', () => {
  afterAll(async () => {
    for (const account of await raw.accounts()) await raw.remove(account);
  });

  it('stores, reads, lists and deletes a secret of each kind', async () => {
    const keychain = systemKeychain({ service });
    for (const kind of ['identity', 'mfa-seed', 'session'] as const) {
      await keychain.set(kind, 'alice', `${kind} secret`);
      expect(await keychain.get(kind, 'alice')).toBe(`${kind} secret`);
      expect(await keychain.list(kind)).toEqual(['alice']);
    }
    expect((await raw.accounts()).sort()).toEqual(['identity:alice', 'mfa-seed:alice', 'session:alice']);
    for (const kind of ['identity', 'mfa-seed', 'session'] as const) {
      expect(await keychain.delete(kind, 'alice')).toBe(true);
      expect(await keychain.get(kind, 'alice')).toBeUndefined();
      expect(await keychain.delete(kind, 'alice')).toBe(false);
    }
  });

  it('keeps the same name under different kinds apart', async () => {
    const keychain = systemKeychain({ service });
    await keychain.set('identity', 'work', 'AKIA-secret');
    await keychain.set('mfa-seed', 'work', 'JBSWY3DPEHPK3PXP');
    await keychain.delete('identity', 'work');
    expect(await keychain.get('mfa-seed', 'work')).toBe('JBSWY3DPEHPK3PXP');
    expect(await keychain.list('identity')).toEqual([]);
    expect(await keychain.list('mfa-seed')).toEqual(['work']);
    await keychain.delete('mfa-seed', 'work');
  });

  it('sees what another instance stored: connections are cached, secrets never', async () => {
    await systemKeychain({ service }).set('identity', 'shared', 'one');
    await systemKeychain({ service }).set('identity', 'shared', 'two');
    expect(await systemKeychain({ service }).get('identity', 'shared')).toBe('two');
    await systemKeychain({ service }).delete('identity', 'shared');
  });

  it('round-trips unicode secrets, plain and chunked', async () => {
    const secret = 'clé ✓ 漢字 🔑 Ω\u0301 — ' + '🔑'.repeat(700);
    await systemKeychain({ service }).set('session', 'plain', secret);
    expect(await systemKeychain({ service }).get('session', 'plain')).toBe(secret);
    // Odd, so pieces end on either half of a surrogate pair; large enough for 16 chunks (MAX_CHUNKS) to hold it.
    const limited = systemKeychain({ service, maxSecretLength: 97 });
    await limited.set('session', 'chunked', secret);
    expect(await limited.get('session', 'chunked')).toBe(secret);
    await limited.delete('session', 'plain');
    await limited.delete('session', 'chunked');
    expect(await raw.accounts()).toEqual([]);
  });

  it('stores a 4 KB secret over chunks within a Windows-sized limit imposed on the real backend', async () => {
    const keychain = systemKeychain({ service, maxSecretLength: WINDOWS_LIMIT });
    const secret = big(4096);
    await keychain.set('session', 'role', secret);
    const accounts = await raw.accounts();
    expect(accounts.filter((a) => a.startsWith('chunk:'))).toHaveLength(4);
    for (const account of accounts) expect((await raw.read(account))?.length).toBeLessThanOrEqual(WINDOWS_LIMIT);
    expect(await keychain.get('session', 'role')).toBe(secret);
    expect(await keychain.list('session')).toEqual(['role']);

    await keychain.set('session', 'role', 'short again');
    expect(await raw.accounts()).toEqual(['session:role']);
    expect(await keychain.get('session', 'role')).toBe('short again');

    await keychain.set('session', 'role', secret);
    expect(await keychain.delete('session', 'role')).toBe(true);
    expect(await raw.accounts()).toEqual([]);
  });

  it('stores the exact boundary length in one entry and one more code unit in two chunks', async () => {
    const keychain = systemKeychain({ service, maxSecretLength: WINDOWS_LIMIT });
    await keychain.set('session', 'at', big(WINDOWS_LIMIT));
    expect(await raw.accounts()).toEqual(['session:at']);
    await keychain.set('session', 'over', big(WINDOWS_LIMIT + 1));
    expect((await raw.accounts()).filter((a) => a.startsWith('chunk:'))).toHaveLength(2);
    expect(await keychain.get('session', 'at')).toBe(big(WINDOWS_LIMIT));
    expect(await keychain.get('session', 'over')).toBe(big(WINDOWS_LIMIT + 1));
    await keychain.delete('session', 'at');
    await keychain.delete('session', 'over');
    expect(await raw.accounts()).toEqual([]);
  });
});
