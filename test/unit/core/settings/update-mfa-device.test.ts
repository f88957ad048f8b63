/** Editing an MFA device over fakes: what is left out stays, the seed goes with the settings, and a new serial supersedes sessions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import { updateMfaDevice } from '../../../../electron/core/settings/update-mfa-device';
import { MemoryKeychain } from '../../../fakes/memory-keychain';
import { tempFolders } from '../../../helpers/temp-folders';

const temp = tempFolders();

const ARN = 'arn:aws:iam::123456789012';
const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** alice's phone (no seed) used by admin, deploy chained from admin, and bob's key (a device of its own). */
async function world() {
  const settings = new SettingsStore(join(temp('update-mfa'), 'settings.json'));
  await settings.update((s) => {
    s.identities.push({ name: 'alice', accessKeyId: 'AKIAALICEXXXXXXXXXXX' }, { name: 'bob', accessKeyId: 'AKIABOBXXXXXXXXXXXXX' });
    s.mfaDevices.push(
      { name: 'phone', serial: `${ARN}:mfa/alice`, identity: 'alice', hasSeed: false, autoMfa: false },
      { name: 'bob-key', serial: `${ARN}:mfa/bob`, identity: 'bob', hasSeed: false, autoMfa: false },
    );
    s.roles.push(
      { name: 'admin', roleArn: `${ARN}:role/admin`, source: 'alice', mfaDevice: 'phone', directMfa: false },
      { name: 'deploy', roleArn: `${ARN}:role/deploy`, source: 'admin', directMfa: false },
      { name: 'plain', roleArn: `${ARN}:role/plain`, source: 'alice', directMfa: false },
    );
  });
  const keychain = new MemoryKeychain();
  const stores = { settings, keychain };
  const snapshot = () => ({ file: readFileSync(settings.path, 'utf8'), keychain: new Map(keychain.entries) });
  return { stores, keychain, snapshot };
}

describe('updateMfaDevice', () => {
  it('stores a seed and turns auto-MFA on, keeping the serial; no session is superseded', async () => {
    const { stores, keychain } = await world();
    const { settings, superseded } = await updateMfaDevice(stores, { name: 'phone', autoMfa: true, seed: { seed: SEED } });
    expect(settings.mfaDevices[0]).toEqual({ name: 'phone', serial: `${ARN}:mfa/alice`, identity: 'alice', hasSeed: true, autoMfa: true });
    expect(await keychain.get('mfa-seed', 'phone')).toBe(SEED);
    expect(superseded).toEqual([]);
  });

  it('removes the seed from the keychain once the settings say so', async () => {
    const { stores, keychain } = await world();
    await updateMfaDevice(stores, { name: 'phone', seed: { seed: SEED } });
    const { settings } = await updateMfaDevice(stores, { name: 'phone', autoMfa: false, seed: 'remove' });
    expect(settings.mfaDevices[0]?.hasSeed).toBe(false);
    expect(await keychain.get('mfa-seed', 'phone')).toBeUndefined();
  });

  it('refuses auto-MFA without a seed, and changes nothing', async () => {
    const { stores, snapshot } = await world();
    const before = snapshot();
    await expect(updateMfaDevice(stores, { name: 'phone', autoMfa: true })).rejects.toThrow('auto-MFA for "phone" needs the device\'s TOTP seed');
    await expect(updateMfaDevice(stores, { name: 'nothing' })).rejects.toThrow('no MFA device is named "nothing"');
    expect(snapshot()).toEqual(before);
  });

  it('a new serial supersedes the sessions of its identity and of the roles using the device, down their chains', async () => {
    const { stores } = await world();
    const { settings, superseded } = await updateMfaDevice(stores, { name: 'phone', serial: `${ARN}:mfa/alice-2` });
    expect(settings.mfaDevices[0]?.serial).toBe(`${ARN}:mfa/alice-2`);
    expect(superseded).toEqual(['alice', 'admin', 'deploy']);
  });

  it("refuses a serial another device has, naming it; a seed given with it is not kept", async () => {
    const { stores, snapshot } = await world();
    const before = snapshot();
    await expect(updateMfaDevice(stores, { name: 'phone', serial: `${ARN}:mfa/bob`, seed: { seed: SEED } })).rejects.toThrow(
      `MFA devices "phone" and "bob-key" have the same serial ${ARN}:mfa/bob`,
    );
    expect(snapshot()).toEqual(before);
  });
});
