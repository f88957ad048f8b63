/**
 * Virtual MFA enrolment over fakes: the device is created and enabled with two consecutive codes of its
 * seed, recorded under its serial, the seed kept only when asked and shown only when asked; a device IAM
 * will not enable is deleted again; what can be refused is refused before IAM is asked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrollMfaDevice, type EnrollMfaRequest } from '../../../../electron/core/iam/enroll-mfa-device';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import { parseAwsOtpauthUri } from '../../../../electron/core/totp/aws-otpauth-uri';
import type { UsedCode } from '../../../../electron/core/totp/replay-guard';
import { FakeClock } from '../../../fakes/fake-clock';
import { FakeSts } from '../../../fakes/fake-sts';
import { MemoryKeychain } from '../../../fakes/memory-keychain';
import { MemoryStepStore } from '../../../fakes/memory-step-store';
import { tempFolders } from '../../../helpers/temp-folders';
import { awsError, DEVICE_SEED, FakeIam } from './fake-iam';

const temp = tempFolders();
const SERIAL = 'arn:aws:iam::123456789012:mfa/alice-phone';

async function world() {
  // Half-way through a time step, so the codes sent are the current step's and the next one's.
  const clock = new FakeClock(Date.UTC(2026, 0, 1, 0, 0, 15));
  const sts = new FakeSts(clock);
  const alice = sts.addUser('alice');
  const iam = new FakeIam(sts, clock);
  iam.addUser(alice);
  const settings = new SettingsStore(join(temp('enroll'), 'settings.json'));
  await settings.update((s) => void s.identities.push({ name: 'alice', accessKeyId: alice.accessKeyId, arn: 'arn:aws:iam::123456789012:user/alice' }));
  const keychain = new MemoryKeychain();
  await keychain.set('identity', 'alice', alice.secretAccessKey);
  const steps = new MemoryStepStore();
  const deps = { settings, keychain, sts: iam.sts, iam, clock, steps, identitySession: async () => Promise.reject(new Error('no MFA session without a device')) };
  const snapshot = async () => ({ file: readFileSync(settings.path, 'utf8'), seeds: await keychain.list('mfa-seed'), devices: [...iam.devices.keys()] });
  return { clock, iam, alice, settings, keychain, steps, deps, snapshot };
}

const request = (change: Partial<EnrollMfaRequest> = {}): EnrollMfaRequest => ({ name: 'alice-phone', identity: 'alice', storeSeed: true, autoMfa: false, ...change });

describe('enrollMfaDevice', () => {
  it('creates the device, enables it for the user with two consecutive codes and records it with its serial and seed', async () => {
    const w = await world();
    const enrolled = await enrollMfaDevice(w.deps, request({ autoMfa: true }));
    expect(enrolled).toMatchObject({ userName: 'alice', device: { name: 'alice-phone', serial: SERIAL, identity: 'alice', hasSeed: true, autoMfa: true } });
    expect(w.iam.devices.get(SERIAL)?.user).toBe('alice');
    expect((await w.settings.load()).mfaDevices).toEqual([{ name: 'alice-phone', serial: SERIAL, identity: 'alice', hasSeed: true, autoMfa: true }]);
    expect(await w.keychain.get('mfa-seed', 'alice-phone')).toBe(DEVICE_SEED);
    expect(w.iam.calls.map((call) => call.action)).toEqual(['CreateVirtualMFADevice', 'EnableMFADevice']);
    // The two codes sent are spent: auto-MFA waits for the step after them.
    let last: UsedCode | undefined;
    await w.steps.update(SERIAL, (used) => void (last = used));
    expect(last).toEqual({ step: Math.floor(w.clock.now() / 30_000) + 1 });
  });

  it('keeps the seed nowhere without storeSeed, and shows it only to showSeed, as an AWS otpauth URI', async () => {
    const w = await world();
    const shown: string[] = [];
    const enrolled = await enrollMfaDevice(w.deps, request({ storeSeed: false, showSeed: (uri) => void shown.push(uri) }));
    expect(enrolled.device.hasSeed).toBe(false);
    expect(await w.keychain.list('mfa-seed')).toEqual([]);
    expect(readFileSync(w.settings.path, 'utf8')).not.toContain(DEVICE_SEED);
    expect(shown).toHaveLength(1);
    expect(parseAwsOtpauthUri(shown[0] as string)).toMatchObject({ secret: DEVICE_SEED, issuer: 'Amazon Web Services', account: 'alice@123456789012' });
  });

  it('takes the device back from the user when its seed reached no app and is not stored, and says so', async () => {
    const w = await world();
    const before = await w.snapshot();
    await expect(enrollMfaDevice(w.deps, request({ storeSeed: false, showSeed: () => Promise.reject(new Error('no display')) }))).rejects.toThrow(
      /QR code could not be shown \(no display\), and its seed is kept nowhere, so Latchkey removed the device from IAM user "alice" again: nothing changed; try again/,
    );
    expect(w.iam.calls.map((call) => call.action)).toEqual(['CreateVirtualMFADevice', 'EnableMFADevice', 'DeactivateMFADevice', 'DeleteVirtualMFADevice']);
    expect(await w.snapshot()).toEqual({ ...before, devices: [] });
  });

  it('keeps the device when showing its seed fails but the seed is stored', async () => {
    const w = await world();
    const enrolled = await enrollMfaDevice(w.deps, request({ storeSeed: true, showSeed: () => Promise.reject(new Error('no display')) }));
    expect(enrolled.device.hasSeed).toBe(true);
    expect(w.iam.devices.get(SERIAL)?.user).toBe('alice');
  });

  it('names the commands that remove the device when taking it back fails too', async () => {
    const w = await world();
    w.iam.deactivateMfaDevice = () => Promise.reject(new Error('network down'));
    await expect(enrollMfaDevice(w.deps, request({ storeSeed: false, showSeed: () => Promise.reject(new Error('no display')) }))).rejects.toThrow(
      /could not remove the device again: remove it with `aws iam deactivate-mfa-device --user-name alice --serial-number arn:aws:iam::\d+:mfa\/alice-phone` and `aws iam delete-virtual-mfa-device/,
    );
  });

  it.each([
    [request({ storeSeed: false }), /the new device's seed would be kept nowhere/],
    [request({ storeSeed: false, autoMfa: true, showSeed: () => undefined }), /auto-MFA for "alice-phone" needs the device's TOTP seed/],
    [request({ name: 'phone:2' }), /MFA device name "phone:2" cannot be an IAM device name/],
    [request({ identity: 'nobody' }), /no identity is named "nobody"/],
  ])('refuses before IAM is asked: %#', async (refused, message) => {
    const w = await world();
    const before = await w.snapshot();
    await expect(enrollMfaDevice(w.deps, refused)).rejects.toThrow(message);
    expect(w.iam.calls).toEqual([]);
    expect(await w.snapshot()).toEqual(before);
  });

  it('a device IAM will not enable is deleted again, and nothing is recorded', async () => {
    const w = await world();
    const before = await w.snapshot();
    w.iam.failNext('EnableMFADevice', awsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.', 403));
    await expect(enrollMfaDevice(w.deps, request())).rejects.toThrow(/^identity "alice": AWS refused the two codes made from the new device's seed .*check that this computer's clock is right/);
    expect(w.iam.calls.map((call) => call.action)).toEqual(['CreateVirtualMFADevice', 'EnableMFADevice', 'DeleteVirtualMFADevice']);
    expect(await w.snapshot()).toEqual(before);
  });

  it('an identity that already has a device signs with its MFA session', async () => {
    const w = await world();
    await enrollMfaDevice(w.deps, request());
    const sessions: string[] = [];
    const session = await w.iam.sts.getSessionToken({ credentials: { accessKeyId: w.alice.accessKeyId, secretAccessKey: w.alice.secretAccessKey }, region: 'us-east-1', durationSeconds: 3_600 });
    await enrollMfaDevice({ ...w.deps, identitySession: async (name) => (sessions.push(name), session) }, request({ name: 'alice-laptop' }));
    expect(sessions).toEqual(['alice']);
    expect(w.iam.calls.slice(-2).map((call) => call.signedWith)).toEqual([session.accessKeyId, session.accessKeyId]);
    expect((await w.settings.load()).mfaDevices.map((device) => device.name)).toEqual(['alice-phone', 'alice-laptop']);
  });
});
