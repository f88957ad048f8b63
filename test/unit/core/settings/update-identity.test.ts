/**
 * Editing an identity over fakes: a new key is verified before it replaces the old one and a refused
 * one changes nothing; its own MFA device is set, added or removed in the same save; and the edit names
 * the sessions it superseded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import { updateIdentity } from '../../../../electron/core/settings/update-identity';
import type { Role } from '../../../../electron/shared/model';
import { FakeClock } from '../../../fakes/fake-clock';
import { FakeSts } from '../../../fakes/fake-sts';
import { MemoryKeychain } from '../../../fakes/memory-keychain';
import { tempFolders } from '../../../helpers/temp-folders';

const temp = tempFolders();

const ARN = 'arn:aws:iam::123456789012';
const role = (name: string, source: string, mfaDevice?: string): Role => ({
  name,
  roleArn: `${ARN}:role/${name}`,
  source,
  directMfa: false,
  ...(mfaDevice ? { mfaDevice } : {}),
});

/** alice (region eu-west-1, device "alice") with a chain admin → deploy, and bob with a role of his own. */
async function world() {
  const clock = new FakeClock();
  const sts = new FakeSts(clock);
  const alice = sts.addUser('alice');
  const bob = sts.addUser('bob');
  const settings = new SettingsStore(join(temp('update-identity'), 'settings.json'));
  await settings.update((s) => {
    s.identities.push({ name: 'alice', accessKeyId: alice.accessKeyId, region: 'eu-west-1' }, { name: 'bob', accessKeyId: bob.accessKeyId });
    s.mfaDevices.push({ name: 'alice', serial: `${ARN}:mfa/alice`, identity: 'alice', hasSeed: true, autoMfa: false });
    s.roles.push(role('admin', 'alice'), role('deploy', 'admin'), role('readonly', 'bob'));
  });
  const keychain = new MemoryKeychain();
  await keychain.set('identity', 'alice', alice.secretAccessKey);
  await keychain.set('identity', 'bob', bob.secretAccessKey);
  await keychain.set('mfa-seed', 'alice', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  const deps = { settings, keychain, sts, clock };
  const snapshot = () => ({ file: readFileSync(settings.path, 'utf8'), keychain: new Map(keychain.entries) });
  return { deps, sts, settings, keychain, snapshot };
}

describe('updateIdentity', () => {
  it('replaces a verified new key, records who it is, and supersedes the identity and every role chained from it', async () => {
    const { deps, sts, keychain } = await world();
    const rotated = sts.addUser('alicenew');
    const { settings, superseded } = await updateIdentity(deps, {
      name: 'alice',
      region: 'eu-west-1',
      accessKeyId: rotated.accessKeyId,
      secretAccessKey: rotated.secretAccessKey,
      verify: true,
    });
    expect(settings.identities[0]).toEqual({
      name: 'alice',
      accessKeyId: rotated.accessKeyId,
      region: 'eu-west-1',
      accountId: '123456789012',
      arn: rotated.arn,
    });
    expect(await keychain.get('identity', 'alice')).toBe(rotated.secretAccessKey);
    expect(superseded).toEqual(['alice', 'admin', 'deploy']);
  });

  it('changes nothing when STS refuses the new key', async () => {
    const { deps, sts, snapshot } = await world();
    const rotated = sts.addUser('alicenew');
    const before = snapshot();
    await expect(
      updateIdentity(deps, { name: 'alice', accessKeyId: rotated.accessKeyId, secretAccessKey: 'wrongwrongwrongwrongwrong', verify: true }),
    ).rejects.toThrow(/identity "alice"/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a new key id without its secret, and a malformed secret, before asking STS', async () => {
    const { deps, sts, snapshot } = await world();
    const before = snapshot();
    await expect(updateIdentity(deps, { name: 'alice', accessKeyId: 'AKIANEWKEYXXXXXXXXXX', verify: true })).rejects.toThrow(
      'a new access key id for identity "alice" needs its secret access key',
    );
    await expect(updateIdentity(deps, { name: 'alice', accessKeyId: 'AKIANEWKEYXXXXXXXXXX', secretAccessKey: 'short', verify: true })).rejects.toThrow(
      /secret access key must be 16-128 characters/,
    );
    await expect(updateIdentity(deps, { name: 'carol', verify: false })).rejects.toThrow('no identity is named "carol"');
    expect(sts.calls.GetCallerIdentity).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  it('supersedes nothing when only the region changes', async () => {
    const { deps } = await world();
    const { settings, superseded } = await updateIdentity(deps, { name: 'alice', region: 'us-west-2', verify: false });
    expect(settings.identities[0]?.region).toBe('us-west-2');
    expect(superseded).toEqual([]);
  });

  it("changes its own device's serial, and supersedes the identity and the roles using that device", async () => {
    const { deps, settings: store } = await world();
    await store.update((s) => {
      s.roles = s.roles.map((r) => (r.name === 'admin' ? { ...r, mfaDevice: 'alice' } : r));
    });
    const { settings, superseded } = await updateIdentity(deps, { name: 'alice', region: 'eu-west-1', mfa: { serial: `${ARN}:mfa/alice-new` }, verify: false });
    expect(settings.mfaDevices).toEqual([{ name: 'alice', serial: `${ARN}:mfa/alice-new`, identity: 'alice', hasSeed: true, autoMfa: false }]);
    expect(superseded).toEqual(['alice', 'admin', 'deploy']);
  });

  it('adds a device named after the identity when it has none, as adding it with a serial does', async () => {
    const { deps } = await world();
    const { settings, superseded } = await updateIdentity(deps, { name: 'bob', mfa: { serial: `${ARN}:mfa/bob` }, verify: false });
    expect(settings.mfaDevices.at(-1)).toEqual({ name: 'bob', serial: `${ARN}:mfa/bob`, identity: 'bob', hasSeed: false, autoMfa: false });
    expect(superseded).toEqual(['bob']);
  });

  it("refuses another device's serial, naming that device, and changes nothing", async () => {
    const { deps, snapshot } = await world();
    const before = snapshot();
    await expect(updateIdentity(deps, { name: 'bob', mfa: { serial: `${ARN}:mfa/alice` }, verify: false })).rejects.toThrow(
      `MFA devices "alice" and "bob" have the same serial ${ARN}:mfa/alice`,
    );
    expect(snapshot()).toEqual(before);
  });

  it('removes its device with the seed, but not while a role uses it', async () => {
    const { deps, settings: store, keychain, snapshot } = await world();
    await store.update((s) => {
      s.roles = s.roles.map((r) => (r.name === 'admin' || r.name === 'deploy' ? { ...r, mfaDevice: 'alice' } : r));
    });
    const before = snapshot();
    await expect(updateIdentity(deps, { name: 'alice', region: 'eu-west-1', mfa: 'none', verify: false })).rejects.toThrow(
      'MFA device "alice" of identity "alice" is still used by role "admin", role "deploy": remove those first',
    );
    expect(snapshot()).toEqual(before);

    await store.update((s) => {
      s.roles = s.roles.map(({ mfaDevice: _device, ...r }) => r);
    });
    const { settings, superseded } = await updateIdentity(deps, { name: 'alice', region: 'eu-west-1', mfa: 'none', verify: false });
    expect(settings.mfaDevices).toEqual([]);
    expect(await keychain.get('mfa-seed', 'alice')).toBeUndefined();
    expect(superseded).toEqual(['alice']);
  });
});
