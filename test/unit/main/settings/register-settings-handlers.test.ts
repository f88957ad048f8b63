/**
 * The settings window's handlers over fakes: what each verb changes, what it refuses (saving nothing),
 * and that no answer ever carries a secret.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import type { MfaPrompt } from '../../../../electron/core/sts/mfa-prompt';
import { totpCode } from '../../../../electron/core/totp/totp-code';
import { ipcContract } from '../../../../electron/shared/ipc-contract';
import type { Role } from '../../../../electron/shared/model';
import type { FakeUser } from '../../../fakes/fake-sts';
import { SETTINGS_PAGE, settingsWorld, type Answer, type SettingsWorld } from '../../../e2e/settings-test-api';
import { FakeMfaPrompt } from '../../../fakes/fake-mfa-prompt';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${SEED}&issuer=Amazon%20Web%20Services`;
const SERIAL = 'arn:aws:iam::123456789012:mfa/alice';

/** Every answer of every world in this file, and every secret those worlds knew, for the check at the end. */
const answers: Answer[] = [];
const secrets = new Set<string>([SEED, SEED.toLowerCase(), 'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP']);

function world(options: { prompt?: MfaPrompt } = {}): SettingsWorld & { alice: FakeUser } {
  const w = settingsWorld({ ...options, answers });
  const alice = w.sts.addUser('alice', { mfaSeed: SEED });
  secrets.add(alice.accessKeyId).add(alice.secretAccessKey);
  return Object.assign(w, { alice });
}

async function withAlice(w: ReturnType<typeof world>) {
  await w.api.addIdentity({ identity: { name: 'alice', accessKeyId: w.alice.accessKeyId }, secretAccessKey: w.alice.secretAccessKey, verify: false });
}

const role = (overrides: Partial<Role> = {}): Role => ({
  name: 'deploy',
  roleArn: 'arn:aws:iam::123456789012:role/deploy',
  source: 'alice',
  directMfa: false,
  ...overrides,
});

afterAll(() => {
  // Sessions the fake STS issued are secrets too.
  const text = JSON.stringify(answers);
  expect(answers.length).toBeGreaterThan(40);
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/session-(token|secret)-\d+/);
});

describe('settings handlers: identities', () => {
  it('starts empty, with the default preferences', async () => {
    const w = world();
    expect(await w.api.load({})).toEqual({
      identities: [],
      mfaDevices: [],
      roles: [],
      preferences: {
        activeTargetProfile: 'default',
        reminderLeadMinutes: 10,
        renewalWindowMinutes: 15,
        mfaSessionSeconds: 43_200,
        roleSessionSeconds: 3_600,
        stripExpiredKeys: false,
        publishRolesUnderOwnName: false,
        launchAtLogin: false,
        keyAgeDays: 90,
        consoleBrowserProfiles: false,
        consoleFirefoxContainers: false,
      },
    });
  });

  it('adds a verified identity: the key in the keychain, its account and ARN in the view, the key id masked', async () => {
    const w = world();
    const view = await w.api.addIdentity({
      identity: { name: 'alice', accessKeyId: w.alice.accessKeyId, region: 'eu-west-1' },
      secretAccessKey: w.alice.secretAccessKey,
      verify: true,
    });
    expect(view.identities).toEqual([
      {
        name: 'alice',
        maskedAccessKeyId: `AKIA…${w.alice.accessKeyId.slice(-4)}`,
        region: 'eu-west-1',
        accountId: '123456789012',
        arn: 'arn:aws:iam::123456789012:user/alice',
        secretStored: true,
      },
    ]);
    expect(await w.keychain.get('identity', 'alice')).toBe(w.alice.secretAccessKey);
    expect(Object.values(w.snapshot().files).join('\n')).not.toContain(w.alice.secretAccessKey);
  });

  it('shows what STS said about a key it refuses, and stores nothing', async () => {
    const w = world();
    const before = w.snapshot();
    await expect(
      w.api.addIdentity({ identity: { name: 'alice', accessKeyId: w.alice.accessKeyId }, secretAccessKey: 'wrongwrongwrongwrongwrong', verify: true }),
    ).rejects.toThrow(`identity "alice": the secret access key entered for identity "alice" does not match access key AKIA…${w.alice.accessKeyId.slice(-4)}: check it and enter it again`);
    expect(w.snapshot()).toEqual(before);
  });

  it('edits the region, replaces the key only with its secret, and verifies the stored key', async () => {
    const w = world();
    await withAlice(w);
    let view = await w.api.updateIdentity({ name: 'alice', region: 'us-west-2', verify: false });
    expect(view.identities[0]).toMatchObject({ region: 'us-west-2', secretStored: true });

    await expect(w.api.updateIdentity({ name: 'alice', accessKeyId: 'AKIANEWKEYXXXXXXXXXX', verify: false })).rejects.toThrow(
      'a new access key id for identity "alice" needs its secret access key',
    );

    view = await w.api.verifyIdentity({ name: 'alice' });
    expect(view.identities[0]).toMatchObject({ region: 'us-west-2', accountId: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice' });

    // Another user's key is refused: it would turn every role of alice into that user's.
    const other = w.sts.addUser('alice2');
    secrets.add(other.accessKeyId).add(other.secretAccessKey);
    await expect(w.api.updateIdentity({ name: 'alice', accessKeyId: other.accessKeyId, secretAccessKey: other.secretAccessKey, verify: true })).rejects.toThrow(
      'the new key of identity "alice" belongs to arn:aws:iam::123456789012:user/alice2, not to arn:aws:iam::123456789012:user/alice',
    );
    const rotated = w.sts.addAccessKey(w.alice);
    secrets.add(rotated.accessKeyId).add(rotated.secretAccessKey);
    view = await w.api.updateIdentity({ name: 'alice', accessKeyId: rotated.accessKeyId, secretAccessKey: rotated.secretAccessKey, verify: true });
    expect(view.identities[0]).toMatchObject({ maskedAccessKeyId: `AKIA…${rotated.accessKeyId.slice(-4)}`, arn: 'arn:aws:iam::123456789012:user/alice' });
    expect(view.identities[0]?.region).toBeUndefined();
    expect(await w.keychain.get('identity', 'alice')).toBe(rotated.secretAccessKey);
  });

  it('keeps the recorded account and ARN when verifying a revoked key fails', async () => {
    const w = world();
    await w.api.addIdentity({ identity: { name: 'alice', accessKeyId: w.alice.accessKeyId }, secretAccessKey: w.alice.secretAccessKey, verify: true });
    w.sts.revokeKey(w.alice.accessKeyId);
    const before = w.snapshot();
    await expect(w.api.verifyIdentity({ name: 'alice' })).rejects.toThrow(/AWS does not accept access key AKIA\w+ of identity "alice" \(InvalidClientTokenId\)/);
    expect(w.snapshot()).toEqual(before);
  });

  it('removes an identity with its key and cached sessions; refuses while a role uses it', async () => {
    const w = world();
    await withAlice(w);
    w.sts.addRole('deploy');
    await w.api.addRole({ role: role() });
    await w.api.testRole({ name: 'deploy' });
    expect(await w.keychain.list('session')).toHaveLength(1);

    await expect(w.api.remove({ kind: 'identity', name: 'alice' })).rejects.toThrow('identity "alice" is still used by role "deploy": remove those first');
    await w.api.remove({ kind: 'role', name: 'deploy' });
    expect(await w.keychain.list('session')).toEqual([]);
    const view = await w.api.remove({ kind: 'identity', name: 'alice' });
    expect(view.identities).toEqual([]);
    expect(await w.keychain.get('identity', 'alice')).toBeUndefined();
  });
});

describe('settings handlers: MFA devices', () => {
  it('stages a pasted URI, shows its code, and stores the seed with the device', async () => {
    const w = world();
    await withAlice(w);
    const now = totpCode(SEED, w.clock.now());
    const preview = await w.api.stageSeed({ text: `  ${URI}\n` });
    expect(preview).toEqual({
      token: expect.stringMatching(/^[0-9a-f-]{36}$/),
      issuer: 'Amazon Web Services',
      account: 'alice@123456789012',
      code: now.code,
      secondsLeft: now.secondsLeft,
    });
    expect(await w.api.seedCode({ token: preview.token })).toEqual({ code: now.code, secondsLeft: now.secondsLeft });

    const view = await w.api.addMfaDevice({ device: { name: 'phone', serial: SERIAL, identity: 'alice', autoMfa: true }, seedToken: preview.token });
    expect(view.mfaDevices).toEqual([{ name: 'phone', serial: SERIAL, identity: 'alice', hasSeed: true, autoMfa: true }]);
    expect(await w.keychain.get('mfa-seed', 'phone')).toBe(SEED);
    expect(await w.api.deviceCode({ name: 'phone' })).toEqual({ code: now.code, secondsLeft: now.secondsLeft });
    // Once saved, the seed lives in the keychain only.
    await expect(w.api.seedCode({ token: preview.token })).rejects.toThrow('Latchkey no longer holds that seed');
  });

  it('takes a Base32 secret as people paste it, and reads a QR code image in main', async () => {
    const w = world();
    const pasted = await w.api.stageSeed({ text: 'jbsw y3dp ehpk 3pxp-jbsw y3dp ehpk 3pxp' });
    const png = join(w.home, 'qr.png');
    await QRCode.toFile(png, URI, { type: 'png' });
    w.chooseFile(png);
    const scanned = await w.api.chooseQrImage({});
    expect(scanned).toMatchObject({ issuer: 'Amazon Web Services', code: pasted.code });
    expect(scanned?.token).not.toBe(pasted.token);
    // Only the latest seed is held.
    await expect(w.api.seedCode({ token: pasted.token })).rejects.toThrow('no longer holds that seed');

    w.chooseFile(undefined);
    expect(await w.api.chooseQrImage({})).toBeNull();
    writeFileSync(png, 'not a png');
    w.chooseFile(png);
    await expect(w.api.chooseQrImage({})).rejects.toThrow('the file is not a PNG image');
    await QRCode.toFile(png, 'https://example.com/', { type: 'png' });
    await expect(w.api.chooseQrImage({})).rejects.toThrow('that QR code does not hold an otpauth:// URI');
  });

  it('edits a device: keeps, replaces or removes its seed', async () => {
    const w = world();
    await withAlice(w);
    const first = await w.api.stageSeed({ text: SEED });
    await w.api.addMfaDevice({ device: { name: 'phone', serial: SERIAL, identity: 'alice', autoMfa: false }, seedToken: first.token });

    let view = await w.api.updateMfaDevice({ name: 'phone', serial: 'arn:aws:iam::123456789012:mfa/alice-2', autoMfa: true, seed: 'keep' });
    expect(view.mfaDevices[0]).toMatchObject({ serial: 'arn:aws:iam::123456789012:mfa/alice-2', hasSeed: true, autoMfa: true });

    const other = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    secrets.add(other);
    const replacement = await w.api.stageSeed({ text: other });
    await w.api.updateMfaDevice({ name: 'phone', serial: SERIAL, autoMfa: true, seed: { token: replacement.token } });
    expect(await w.keychain.get('mfa-seed', 'phone')).toBe(other);

    await expect(w.api.updateMfaDevice({ name: 'phone', serial: SERIAL, autoMfa: true, seed: 'remove' })).rejects.toThrow(
      `auto-MFA for "phone" needs the device's TOTP seed`,
    );
    view = await w.api.updateMfaDevice({ name: 'phone', serial: SERIAL, autoMfa: false, seed: 'remove' });
    expect(view.mfaDevices[0]).toMatchObject({ hasSeed: false, autoMfa: false });
    expect(await w.keychain.get('mfa-seed', 'phone')).toBeUndefined();
    await expect(w.api.deviceCode({ name: 'phone' })).rejects.toThrow('MFA device "phone" has no stored seed');
  });
});

describe('settings handlers: roles', () => {
  it('adds, edits and tests a role, showing the assumed-role ARN', async () => {
    const w = world();
    await withAlice(w);
    w.sts.addRole('deploy', { externalId: 'ext-123' });
    await w.api.addRole({ role: role({ externalId: 'wrong-id' }) });
    await expect(w.api.testRole({ name: 'deploy' })).rejects.toThrow(
      /role "deploy": AWS denied sts:AssumeRole on arn:aws:iam::123456789012:role\/deploy .*check that its trust policy allows identity "alice", that the external id matches/,
    );

    const view = await w.api.updateRole({ role: role({ externalId: 'ext-123', sessionName: 'alice-deploys', durationSeconds: 1800 }) });
    expect(view.roles).toEqual([role({ externalId: 'ext-123', sessionName: 'alice-deploys', durationSeconds: 1800 })]);
    expect(await w.api.testRole({ name: 'deploy' })).toEqual({
      arn: 'arn:aws:sts::123456789012:assumed-role/deploy/alice-deploys',
      account: '123456789012',
      expiration: new Date(w.clock.now() + 1800_000).toISOString(),
    });
  });

  it('tests a role that needs MFA through the app prompt', async () => {
    const asked: string[] = [];
    const w = world({ prompt: new FakeMfaPrompt((request) => (asked.push(request.requester), totpCode(SEED, w.clock.now()).code)) });
    await withAlice(w);
    await w.api.addMfaDevice({ device: { name: 'phone', serial: SERIAL, identity: 'alice', autoMfa: false } });
    w.sts.addRole('admin', { requireMfa: true });
    await w.api.addRole({ role: role({ name: 'admin', roleArn: 'arn:aws:iam::123456789012:role/admin', mfaDevice: 'phone' }) });
    expect((await w.api.testRole({ name: 'admin' })).arn).toBe('arn:aws:sts::123456789012:assumed-role/admin/alice');
    expect(asked).toEqual(['settings: test of role admin']);
  });
});

describe('settings handlers: import and preferences', () => {
  function awsFiles(w: ReturnType<typeof world>): void {
    writeFileSync(
      w.credentialsFile,
      `# mine\n[alice]\naws_access_key_id = ${w.alice.accessKeyId}\naws_secret_access_key = ${w.alice.secretAccessKey}\nregion = eu-west-1\n\n[old]\naws_access_key_id = AKIAOLDOLDOLDOLDOLDX\naws_secret_access_key = oldsecretoldsecretoldsecret\n`,
    );
    secrets.add('AKIAOLDOLDOLDOLDOLDX').add('oldsecretoldsecretoldsecret');
    writeFileSync(
      w.configFile,
      `[profile alice]\nmfa_serial = ${SERIAL}\n\n[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = alice\nduration_seconds = 1800\n\n[profile web]\nrole_arn = arn:aws:iam::123456789012:role/web\nweb_identity_token_file = /t\n`,
    );
  }

  it('previews every profile with its outcome or the reason it is left alone, without changing anything', async () => {
    const w = world();
    awsFiles(w);
    const before = w.snapshot();
    const preview = await w.api.previewImport({});
    expect(w.snapshot()).toEqual(before);
    expect(preview).toEqual({
      credentialsPath: w.credentialsFile,
      configPath: w.configFile,
      identities: [
        { name: 'alice', profile: 'alice', maskedAccessKeyId: `AKIA…${w.alice.accessKeyId.slice(-4)}`, region: undefined },
        { name: 'old', profile: 'old', maskedAccessKeyId: 'AKIA…OLDX', region: undefined },
      ],
      mfaDevices: [{ name: 'alice', serial: SERIAL, identity: 'alice', hasSeed: false, autoMfa: false }],
      roles: [{ name: 'deploy', roleArn: 'arn:aws:iam::123456789012:role/deploy', source: 'alice', directMfa: false, durationSeconds: 1800 }],
      alreadyImported: [],
      outcomes: [
        { profile: 'alice', outcome: 'identity "alice" with MFA device "alice": its key moves to the keychain', imported: true },
        { profile: 'old', outcome: 'identity "old": its key moves to the keychain', imported: true },
        { profile: 'deploy', outcome: 'role "deploy" (arn:aws:iam::123456789012:role/deploy) from "alice"', imported: true },
        {
          profile: 'alice',
          outcome: 'note: its mfa_serial became MFA device "alice": served by Latchkey (--adopt), the profile asks for a code, which AWS tools did not for the key alone',
          imported: true,
        },
        { profile: 'web', outcome: 'left alone: it assumes a role with a web identity token (web_identity_token_file)', imported: false },
      ],
      adoptable: [
        { profile: 'alice', name: 'alice' },
        { profile: 'old', name: 'old' },
        { profile: 'deploy', name: 'deploy' },
      ],
    });
  });

  it('refuses to remove keys a ticked role still uses unless adopting, and then writes nothing', async () => {
    const w = world();
    awsFiles(w);
    const before = w.snapshot();
    await expect(w.api.applyImport({ identities: ['alice'], mfaDevices: ['alice'], roles: ['deploy'], scrub: true, adopt: false })).rejects.toThrow(
      '--scrub would leave profiles "alice", "deploy" without credentials (they use the keys it removes): add --adopt so they get their sessions from Latchkey under the same names, or leave out --scrub',
    );
    expect(w.snapshot()).toEqual(before);
  });

  it('adopts the ticked entries\' profiles with the app\'s command, keeping the replaced lines, then removes their keys', async () => {
    const w = world();
    awsFiles(w);
    const { settings, scrubbed, adopted } = await w.api.applyImport({ identities: ['alice'], mfaDevices: ['alice'], roles: ['deploy'], scrub: true, adopt: true });
    expect(scrubbed).toEqual(['alice']);
    // "old" was not ticked: its profile keeps its key and gets no credential_process.
    expect(adopted).toEqual(['alice', 'deploy']);
    expect(settings.identities.map((i) => i.name)).toEqual(['alice']);
    expect(settings.roles.map((r) => r.name)).toEqual(['deploy']);
    expect(await w.keychain.get('identity', 'alice')).toBe(w.alice.secretAccessKey);
    const { files } = w.snapshot();
    expect(files[w.credentialsFile]).toBe(
      '# mine\n[alice]\nregion = eu-west-1\n\n[old]\naws_access_key_id = AKIAOLDOLDOLDOLDOLDX\naws_secret_access_key = oldsecretoldsecretoldsecret\n',
    );
    expect(files[w.configFile]).toBe(
      [
        '[profile alice]',
        `mfa_serial = ${SERIAL}`,
        'credential_process = /opt/Latchkey/resources/bin/latchkey credential-process alice',
        '',
        '[profile deploy]',
        '# Replaced by Latchkey; `latchkey unpublish deploy` puts these lines back:',
        '# role_arn = arn:aws:iam::123456789012:role/deploy',
        '# source_profile = alice',
        'credential_process = /opt/Latchkey/resources/bin/latchkey credential-process deploy',
        'duration_seconds = 1800',
        '',
        '[profile web]',
        'role_arn = arn:aws:iam::123456789012:role/web',
        'web_identity_token_file = /t',
        '',
      ].join('\n'),
    );
    expect((await w.store.load()).processProfiles.map((entry) => entry.profile)).toEqual(['alice', 'deploy']);
  });

  it('refuses to adopt without removing the keys, or where the app has no launcher, saying why in the preview', async () => {
    const w = world();
    awsFiles(w);
    const before = w.snapshot();
    await expect(w.api.applyImport({ identities: ['alice'], mfaDevices: [], roles: [], scrub: false, adopt: true })).rejects.toThrow(
      'adopt goes with scrub: the keys left in the credentials file would still be what AWS tools use',
    );
    const why = 'this development build has no `latchkey` command';
    const dev = Object.assign(settingsWorld({ answers, processCommand: { unavailable: why } }), { alice: w.alice });
    awsFiles(dev);
    const devBefore = dev.snapshot();
    expect((await dev.api.previewImport({})).cannotAdopt).toBe(why);
    await expect(dev.api.applyImport({ identities: ['alice'], mfaDevices: [], roles: [], scrub: true, adopt: true })).rejects.toThrow(
      `Latchkey cannot adopt profiles here: ${why}`,
    );
    expect(w.snapshot()).toEqual(before);
    expect(dev.snapshot()).toEqual(devBefore);
  });

  it('saves the preferences', async () => {
    const w = world();
    const { preferences } = await w.api.load({});
    const changes = {
      activeTargetProfile: 'work',
      reminderLeadMinutes: 5,
      renewalWindowMinutes: 20,
      mfaSessionSeconds: 3_600,
      roleSessionSeconds: 7_200,
      stripExpiredKeys: true,
      launchAtLogin: true,
      publishRolesUnderOwnName: true,
    };
    const view = await w.api.savePreferences({ preferences: changes });
    expect(view.preferences).toEqual({ ...preferences, ...changes });
    expect((await w.store.load()).preferences).toEqual({ ...preferences, ...changes });
  });

  it('saves only the fields it is given: a change made elsewhere since the window read them stays', async () => {
    const w = world();
    const opened = (await w.api.load({})).preferences;
    // The tray's "Launch at login" and a CLI edit, while the window shows what it read before.
    await w.store.update((settings) => {
      settings.preferences.launchAtLogin = true;
      settings.preferences.roleSessionSeconds = 7_200;
    });
    const view = await w.api.savePreferences({ preferences: { reminderLeadMinutes: 5 } });
    expect(view.preferences).toEqual({ ...opened, reminderLeadMinutes: 5, launchAtLogin: true, roleSessionSeconds: 7_200 });
    expect((await w.store.load()).preferences).toEqual(view.preferences);
    // An empty patch changes nothing, and answers the view as it is.
    expect(await w.api.savePreferences({ preferences: {} })).toEqual(view);
  });
});

describe('settings handlers: refusals save nothing', () => {
  // The invoke channels: `changed` and `progress` are main's to send.
  const { changed: _changed, progress: _progress, show: _show, ...verbs } = ipcContract.settings;
  type Case = [title: string, verb: keyof typeof verbs, request: (w: ReturnType<typeof world>, token: string) => unknown, says: RegExp];
  const cases: Case[] = [
    ['an access key id that is not AKIA…', 'addIdentity', (w) => ({ identity: { name: 'bob', accessKeyId: 'ASIAIOSFODNN7EXAMPLE' }, secretAccessKey: w.alice.secretAccessKey, verify: false }), /identity.accessKeyId: access key id must be a long-term key id/],
    ['a short secret (never echoed)', 'addIdentity', (w) => ({ identity: { name: 'bob', accessKeyId: w.alice.accessKeyId }, secretAccessKey: 'tooshortsecret', verify: false }), /secretAccessKey: secret access key must be 16-128 characters/],
    ['a secret that is not text', 'addIdentity', (w) => ({ identity: { name: 'bob', accessKeyId: w.alice.accessKeyId }, secretAccessKey: 12345678901234, verify: false }), /secretAccessKey: secret access key must be text/],
    ['a bad region', 'addIdentity', (w) => ({ identity: { name: 'bob', accessKeyId: w.alice.accessKeyId, region: 'Mars-1' }, secretAccessKey: w.alice.secretAccessKey, verify: false }), /region "Mars-1" must look like us-east-1/],
    ['a field the contract does not name', 'addIdentity', (w) => ({ identity: { name: 'bob', accessKeyId: w.alice.accessKeyId, secret: 'x' }, secretAccessKey: w.alice.secretAccessKey, verify: false }), /malformed argument/],
    ['a name that is taken', 'addIdentity', (w) => ({ identity: { name: 'alice', accessKeyId: w.alice.accessKeyId }, secretAccessKey: w.alice.secretAccessKey, verify: false }), /an identity is already named "alice"/],
    ['a name with a space', 'addIdentity', (w) => ({ identity: { name: 'bo b', accessKeyId: w.alice.accessKeyId }, secretAccessKey: w.alice.secretAccessKey, verify: false }), /name "bo b" is not allowed/],
    ['a bad MFA serial', 'addMfaDevice', () => ({ device: { name: 'p', serial: 'arn:aws:iam::1:mfa/x', identity: 'alice', autoMfa: false } }), /MFA serial "arn:aws:iam::1:mfa\/x" must look like/],
    ['a device of no identity', 'addMfaDevice', () => ({ device: { name: 'p', serial: SERIAL, identity: 'nobody', autoMfa: false } }), /no identity is named "nobody"/],
    ['auto-MFA without a seed', 'addMfaDevice', () => ({ device: { name: 'p', serial: SERIAL, identity: 'alice', autoMfa: true } }), /auto-MFA for "p" needs the device's TOTP seed/],
    ['a seed token Latchkey did not give', 'addMfaDevice', () => ({ device: { name: 'p', serial: SERIAL, identity: 'alice', autoMfa: false }, seedToken: '00000000-0000-4000-8000-000000000000' }), /no longer holds that seed/],
    ['a seed that is not Base32', 'stageSeed', () => ({ text: 'not base32!' }), /TOTP seed must be Base32/],
    ['a seed too short', 'stageSeed', () => ({ text: 'JBSWY3DP' }), /TOTP seed is too short/],
    ['an HOTP URI', 'stageSeed', () => ({ text: `otpauth://hotp/x?secret=${SEED}` }), /counter-based \(HOTP\)/],
    ['a role ARN that is not one', 'addRole', () => ({ role: role({ roleArn: 'arn:aws:iam::12:role/x' }) }), /role ARN "arn:aws:iam::12:role\/x" must look like/],
    ['a duration too short', 'addRole', () => ({ role: role({ durationSeconds: 100 }) }), /role duration must be a whole number of seconds from 900 to 43200 \(got 100\)/],
    ['a session name with a space', 'addRole', () => ({ role: role({ sessionName: 'a b' }) }), /session name "a b" must be 2-64 characters/],
    ['an external id too short', 'addRole', () => ({ role: role({ externalId: 'x' }) }), /external id must be 2-1224 characters/],
    ['a role of no source', 'addRole', () => ({ role: role({ source: 'nobody' }) }), /role "deploy" has source "nobody", which is neither an identity nor a role/],
    ['a role with a device of no such name', 'addRole', () => ({ role: role({ mfaDevice: 'nodevice' }) }), /MFA device "nodevice", which does not exist/],
    ['an edit of no such role', 'updateRole', () => ({ role: role({ name: 'ghost' }) }), /no role is named "ghost"/],
    ['a reminder lead time of 0', 'savePreferences', () => ({ preferences: { reminderLeadMinutes: 0 } }), /preferences.reminderLeadMinutes: reminder lead time \(minutes\) must be at least 1/],
    ['a renewal window under botocore\'s 15 minutes', 'savePreferences', () => ({ preferences: { renewalWindowMinutes: 10 } }), /renewal window \(minutes\) must be at least 15/],
    ['an MFA session longer than STS allows', 'savePreferences', () => ({ preferences: { mfaSessionSeconds: 200_000 } }), /preferences.mfaSessionSeconds: .*from 900 to 129600/],
    ['a role session of a fraction of a second', 'savePreferences', () => ({ preferences: { roleSessionSeconds: 3600.5 } }), /preferences.roleSessionSeconds: role duration must be a whole number of seconds from 900 to 43200/],
    ['a profile name that could inject a section', 'savePreferences', () => ({ preferences: { activeTargetProfile: 'a]b' } }), /profile name "a\]b" is not allowed/],
    ['a preference the settings do not have', 'savePreferences', () => ({ preferences: { theme: 'dark' } }), /preferences.theme: Invalid key/],
    ['a preference sent as undefined, which would reset it', 'savePreferences', () => ({ preferences: { launchAtLogin: undefined } }), /preferences.launchAtLogin: Invalid type/],
    ['an import of something not in the plan', 'applyImport', () => ({ identities: ['ghost'], mfaDevices: [], roles: [], scrub: true, adopt: true }), /"ghost" can no longer be imported/],
    ['an import without saying whether to adopt', 'applyImport', () => ({ identities: [], mfaDevices: [], roles: [], scrub: false }), /adopt: Invalid key/],
    ['removing what is in use', 'remove', () => ({ kind: 'identity', name: 'alice' }), /identity "alice" is still used by MFA device "phone"/],
  ];

  it.each(cases)('refuses %s', async (_title, verb, request, says) => {
    const w = world();
    await withAlice(w);
    await w.api.addMfaDevice({ device: { name: 'phone', serial: SERIAL, identity: 'alice', autoMfa: false } });
    const { token } = await w.api.stageSeed({ text: SEED });
    const before = w.snapshot();
    const error = (await w.invokeAs(SETTINGS_PAGE.href, verbs[verb], request(w, token)).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(says);
    for (const secret of [w.alice.secretAccessKey, SEED, 'tooshortsecret', '12345678901234']) expect(error.message).not.toContain(secret);
    expect(w.snapshot()).toEqual(before);
  });

  it('refuses every verb from a page that is not the settings window', async () => {
    const w = world();
    const before = w.snapshot();
    for (const channel of Object.values(verbs))
      await expect(w.invokeAs('https://evil.example/settings.html', channel, {})).rejects.toThrow(`${channel.name} refused: the call did not come from a Latchkey window`);
    expect(w.snapshot()).toEqual(before);
  });
});
