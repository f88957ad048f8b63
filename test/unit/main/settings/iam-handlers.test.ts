/**
 * The settings window's key rotation, key age and virtual-MFA enrolment, through main's real handlers
 * over fakes (the fake STS and IAM, a memory keychain, a stand-in QR window): what each changes, what
 * the page is told meanwhile, what is refused before IAM is asked, and that nothing the page receives —
 * answers and progress alike — holds a secret key, a full key id, a seed, an otpauth:// URI or a code.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { taskProgress } from '../../../../electron/main/settings/task-progress';
import { totpCode } from '../../../../electron/core/totp/totp-code';
import { ipcContract } from '../../../../electron/shared/ipc-contract';
import { maskAccessKeyId } from '../../../../electron/shared/mask';
import type { MfaPrompt } from '../../../../electron/core/sts/mfa-prompt';
import { FakeMfaPrompt } from '../../../fakes/fake-mfa-prompt';
import type { FakeUser } from '../../../fakes/fake-sts';
import { SETTINGS_PAGE, settingsWorld, WORLD_TIME, type Answer, type SettingsWorld } from '../../../e2e/settings-test-api';
import { DEVICE_SEED } from '../../core/iam/fake-iam';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const DAY_MS = 24 * 60 * 60_000;
const DEVICE_SERIAL = 'arn:aws:iam::123456789012:mfa/alice-phone';

/** The answers and progress lines of each world in this file, and every secret those worlds knew, for the check at the end. */
const worlds: Answer[][] = [];
const secrets = new Set<string>([SEED, DEVICE_SEED, SEED.toLowerCase(), DEVICE_SEED.toLowerCase()]);
/** MFA codes: six digits that may only appear as part of a longer number (an account id). */
const codes = new Set<string>();

type World = SettingsWorld & { alice: FakeUser };

/** alice in STS (with a virtual MFA device) and IAM (her key created `keyAgeDays` ago); added as an identity unless told not to. */
async function world(options: { prompt?: MfaPrompt; keyAgeDays?: number; requireMfa?: boolean; add?: boolean } = {}): Promise<World> {
  const answers: Answer[] = [];
  worlds.push(answers);
  const w = settingsWorld({ prompt: options.prompt, answers });
  const alice = w.sts.addUser('alice', { mfaSeed: SEED });
  secrets.add(alice.accessKeyId).add(alice.secretAccessKey);
  w.iam.addUser(alice, { requireMfa: options.requireMfa, created: new Date(WORLD_TIME - (options.keyAgeDays ?? 10) * DAY_MS) });
  if (options.add !== false)
    await w.api.addIdentity({ identity: { name: 'alice', accessKeyId: alice.accessKeyId }, secretAccessKey: alice.secretAccessKey, verify: true });
  return Object.assign(w, { alice });
}

/** Remembers a new key of alice's as a secret, and answers its id. */
async function newKeyOf(w: World): Promise<string> {
  const fresh = w.iam.keys.get('alice')?.find((key) => key.accessKeyId !== w.alice.accessKeyId);
  if (!fresh) throw new Error('alice has no new key');
  secrets.add(fresh.accessKeyId).add((await w.keychain.get('identity', 'alice')) ?? '');
  return fresh.accessKeyId;
}

/** What main told the page about one task, in order. */
const told = (w: World, task: string): string[] =>
  w.answers.filter((answer) => answer.verb === 'progress' && (answer.result as { task: string }).task === task).map((answer) => (answer.result as { message: string }).message);

afterAll(() => {
  const answers = worlds.flat();
  const text = JSON.stringify(answers);
  expect(answers.some((answer) => answer.verb === 'progress')).toBe(true);
  for (const secret of secrets) expect(text).not.toContain(secret);
  for (const code of codes) expect(text).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
  expect(text).not.toMatch(/otpauth|secret=/i);
  expect(text).not.toMatch(/session-(token|secret)-\d+/);
});

describe('settings handlers: key age', () => {
  it('shows how old a verified key is, past the limit once the key-age reminder would fire', async () => {
    const w = await world({ keyAgeDays: 97 });
    const [alice] = (await w.api.load({})).identities;
    expect(alice?.keyAge).toEqual({ created: new Date(WORLD_TIME - 97 * DAY_MS).toISOString(), days: 97, overLimit: true });

    // The limit is the preference; 0 turns the reminder, and the warning, off.
    expect((await w.api.savePreferences({ preferences: { keyAgeDays: 120 } })).identities[0]?.keyAge).toMatchObject({ days: 97, overLimit: false });
    expect((await w.api.savePreferences({ preferences: { keyAgeDays: 97 } })).identities[0]?.keyAge).toMatchObject({ days: 97, overLimit: true });
    expect((await w.api.savePreferences({ preferences: { keyAgeDays: 0 } })).identities[0]?.keyAge).toMatchObject({ days: 97, overLimit: false });
  });

  it('says nothing of a key whose creation IAM never told', async () => {
    const w = await world({ add: false });
    const view = await w.api.addIdentity({ identity: { name: 'alice', accessKeyId: w.alice.accessKeyId }, secretAccessKey: w.alice.secretAccessKey, verify: false });
    expect(view.identities[0]).not.toHaveProperty('keyAge');
  });

  it('refuses a key age limit the settings would not keep', async () => {
    const w = await world();
    await expect(w.api.savePreferences({ preferences: { keyAgeDays: 3651 } })).rejects.toThrow('preferences.keyAgeDays: key age limit (days) must be at most 3650');
    await expect(w.api.savePreferences({ preferences: { keyAgeDays: -1 } })).rejects.toThrow('key age limit (days) must be at least 0');
  });
});

describe('settings handlers: key rotation', () => {
  it('rotates the key: the new one in the keychain and verified, the old one deleted; the page gets masked ids and each step', async () => {
    const w = await world({ keyAgeDays: 97 });
    const old = w.alice.accessKeyId;
    const rotated = await w.api.rotateKey({ name: 'alice', keepOld: false });
    const fresh = await newKeyOf(w);

    expect(rotated).toEqual({ settings: await w.api.load({}), userName: 'alice', newKey: maskAccessKeyId(fresh), oldKey: maskAccessKeyId(old), oldKeyState: 'deleted' });
    expect(rotated.settings.identities[0]).toMatchObject({ maskedAccessKeyId: maskAccessKeyId(fresh), secretStored: true, keyAge: { days: 0, overLimit: false } });
    expect(w.iam.keys.get('alice')).toEqual([{ accessKeyId: fresh, status: 'Active', created: new Date(WORLD_TIME) }]);
    expect(await w.keychain.get('identity', 'alice')).not.toBe(w.alice.secretAccessKey);
    expect(told(w, 'rotate-key')).toEqual([
      'Checking the access keys of IAM user alice…',
      'Creating a new access key for IAM user alice…',
      `Created ${maskAccessKeyId(fresh)}: storing it in the keychain and checking that AWS accepts it…`,
      `Deactivating access key ${maskAccessKeyId(old)}…`,
      `Deleting access key ${maskAccessKeyId(old)}…`,
    ]);
    for (const answer of w.answers.filter(({ verb }) => verb === 'progress')) expect(answer.result).toMatchObject({ task: 'rotate-key', name: 'alice' });
  });

  it('keeps the old key inactive when asked', async () => {
    const w = await world();
    const rotated = await w.api.rotateKey({ name: 'alice', keepOld: true });
    const fresh = await newKeyOf(w);
    expect(rotated).toMatchObject({ newKey: maskAccessKeyId(fresh), oldKeyState: 'inactive' });
    expect(w.iam.keys.get('alice')?.map(({ accessKeyId, status }) => ({ accessKeyId, status }))).toEqual([
      { accessKeyId: w.alice.accessKeyId, status: 'Inactive' },
      { accessKeyId: fresh, status: 'Active' },
    ]);
  });

  it('signs with the MFA session where policies want MFA, asking for the code with the app\'s prompt', async () => {
    const prompt = new FakeMfaPrompt(() => {
      const { code } = totpCode(SEED, WORLD_TIME);
      codes.add(code);
      return code;
    });
    const w = await world({ prompt, requireMfa: true });
    await w.api.addMfaDevice({ device: { name: 'alice-mfa', serial: 'arn:aws:iam::123456789012:mfa/alice', identity: 'alice', autoMfa: false } });
    const calls = w.iam.calls.length;
    await w.api.rotateKey({ name: 'alice', keepOld: false });
    await newKeyOf(w);
    expect(prompt.asked.map(({ requester, device }) => ({ requester, device: device.name }))).toEqual([{ requester: 'settings: key rotation of alice', device: 'alice-mfa' }]);
    expect(told(w, 'rotate-key')[0]).toBe('Getting the MFA session of alice: enter its code in the MFA prompt if Latchkey asks…');
    // Every IAM call of the rotation was signed by the MFA session, none by a long-term key.
    const rotation = w.iam.calls.slice(calls);
    expect(rotation.map((call) => call.action)).toEqual(['ListAccessKeys', 'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey']);
    expect(rotation.every((call) => call.signedWith.startsWith('ASIA'))).toBe(true);
  });

  it('answers with core\'s one line and changes nothing when IAM has no room for another key', async () => {
    const w = await world();
    w.iam.keys.get('alice')?.push({ accessKeyId: 'AKIAOTHEROTHEROTHER1', status: 'Active' });
    const before = w.snapshot();
    await expect(w.api.rotateKey({ name: 'alice', keepOld: false })).rejects.toThrow(
      /^IAM user "alice" already has two access keys, the most AWS allows: .* Nothing was changed\./,
    );
    expect(w.snapshot()).toEqual(before);
  });
});

describe('settings handlers: virtual MFA enrolment', () => {
  /** The two codes IAM was given, so the check at the end can look for them. */
  const codesSent = (w: World) => {
    for (const call of w.iam.calls.filter(({ action }) => action === 'EnableMFADevice')) for (const code of call.input.codes as string[]) codes.add(code);
  };

  it('enrols a device whose seed is kept nowhere: the QR window alone shows it, the page gets status', async () => {
    const w = await world();
    const enrolled = await w.api.enrollMfaDevice({ name: 'alice-phone', identity: 'alice', storeSeed: false, autoMfa: false });
    codesSent(w);
    expect(enrolled).toEqual({
      settings: await w.api.load({}),
      device: { name: 'alice-phone', serial: DEVICE_SERIAL, identity: 'alice', hasSeed: false, autoMfa: false },
      userName: 'alice',
      qr: { shown: true },
    });
    expect(w.iam.devices.get(DEVICE_SERIAL)?.user).toBe('alice');
    expect(await w.keychain.list('mfa-seed')).toEqual([]);
    // Main's page, in main's window: the seed, as an otpauth:// URI, and the last-chance warning.
    expect(w.qr.pages).toHaveLength(1);
    expect(w.qr.pages[0]).toContain(`secret=${DEVICE_SEED}`);
    expect(w.qr.pages[0]).toContain('it will not be shown again');
    expect(w.qr.pages[0]).toContain(DEVICE_SERIAL);
    expect(w.qr.open).toBe(true);
    expect(told(w, 'enroll-mfa')).toEqual([
      'Creating the virtual MFA device alice-phone…',
      `Assigning ${DEVICE_SERIAL} to IAM user alice with two codes from its seed…`,
      'Showing the QR code…',
    ]);

    await w.api.closeEnrolmentQr({});
    expect(w.qr.open).toBe(false);
  });

  it('keeps the seed in the keychain when asked, with auto-MFA', async () => {
    const w = await world();
    const enrolled = await w.api.enrollMfaDevice({ name: 'alice-phone', identity: 'alice', storeSeed: true, autoMfa: true });
    codesSent(w);
    expect(enrolled.device).toEqual({ name: 'alice-phone', serial: DEVICE_SERIAL, identity: 'alice', hasSeed: true, autoMfa: true });
    expect(enrolled.settings.mfaDevices).toEqual([enrolled.device]);
    expect(await w.keychain.get('mfa-seed', 'alice-phone')).toBe(DEVICE_SEED);
    expect(w.qr.pages[0]).toContain('The seed is also in the system keychain');
  });

  it('records the device even when the QR window cannot open, and says why', async () => {
    const w = await world();
    w.qr.fail = new Error('no display');
    const enrolled = await w.api.enrollMfaDevice({ name: 'alice-phone', identity: 'alice', storeSeed: true, autoMfa: false });
    codesSent(w);
    expect(enrolled.qr).toEqual({ shown: false, problem: 'unexpected error: no display' });
    expect((await w.store.load()).mfaDevices.map((device) => device.serial)).toEqual([DEVICE_SERIAL]);
  });

  it('takes the device back when the QR window cannot open and the seed is kept nowhere: nothing changed', async () => {
    const w = await world();
    w.qr.fail = new Error('no display');
    await expect(w.api.enrollMfaDevice({ name: 'alice-phone', identity: 'alice', storeSeed: false, autoMfa: false })).rejects.toThrow(
      /QR code could not be shown \(no display\), and its seed is kept nowhere, so Latchkey removed the device from IAM user "alice" again: nothing changed/,
    );
    expect((await w.store.load()).mfaDevices).toEqual([]);
    expect(await w.keychain.list('mfa-seed')).toEqual([]);
  });

  type Refusal = [title: string, verb: 'rotateKey' | 'enrollMfaDevice' | 'closeEnrolmentQr', request: unknown, says: RegExp];
  const refusals: Refusal[] = [
    ['a seed sent with the enrolment: the contract has no place for one', 'enrollMfaDevice', { name: 'p', identity: 'alice', storeSeed: true, autoMfa: false, seed: DEVICE_SEED }, /malformed argument: seed: Invalid key/],
    ['a device name IAM would refuse', 'enrollMfaDevice', { name: 'phone:2', identity: 'alice', storeSeed: false, autoMfa: false }, /MFA device name "phone:2" cannot be an IAM device name/],
    ['a device name Latchkey would refuse', 'enrollMfaDevice', { name: 'my phone', identity: 'alice', storeSeed: false, autoMfa: false }, /name "my phone" is not allowed/],
    ['auto-MFA without a stored seed', 'enrollMfaDevice', { name: 'p', identity: 'alice', storeSeed: false, autoMfa: true }, /auto-MFA for "p" needs the device's TOTP seed/],
    ['a device of no identity', 'enrollMfaDevice', { name: 'p', identity: 'nobody', storeSeed: false, autoMfa: false }, /no identity is named "nobody"/],
    ['a device name already taken', 'enrollMfaDevice', { name: 'taken', identity: 'alice', storeSeed: false, autoMfa: false }, /an MFA device is already named "taken"/],
    ['an enrolment without saying whether to store the seed', 'enrollMfaDevice', { name: 'p', identity: 'alice', autoMfa: false }, /storeSeed: Invalid key|storeSeed: Invalid type/],
    ['a rotation without saying whether to keep the old key', 'rotateKey', { name: 'alice' }, /keepOld: Invalid (key|type)/],
    ['a rotation of a key given by the page', 'rotateKey', { name: 'alice', keepOld: false, secretAccessKey: 'x' }, /secretAccessKey: Invalid key/],
    ['a rotation of no identity', 'rotateKey', { name: 'ghost', keepOld: false }, /no identity is named "ghost"/],
    ['a close with arguments', 'closeEnrolmentQr', { now: true }, /malformed argument/],
  ];

  it.each(refusals)('refuses %s before IAM is asked, changing nothing', async (_title, verb, request, says) => {
    const w = await world();
    await w.api.addMfaDevice({ device: { name: 'taken', serial: 'arn:aws:iam::123456789012:mfa/taken', identity: 'alice', autoMfa: false } });
    const before = w.snapshot();
    const calls = w.iam.calls.length;
    const error = (await w.invokeAs(SETTINGS_PAGE.href, ipcContract.settings[verb], request).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(says);
    expect(error.message).not.toContain(DEVICE_SEED);
    expect(w.iam.calls.slice(calls)).toEqual([]);
    expect(w.snapshot()).toEqual(before);
    expect(w.qr.pages).toEqual([]);
  });
});

describe('taskProgress', () => {
  const page = (destroyed = false, send: WebContents['send'] = vi.fn()) => ({ isDestroyed: () => destroyed, send });

  it('sends the asking page each line, checked by the contract', () => {
    const contents = page();
    taskProgress(contents, 'rotate-key', 'alice')('Creating a new access key…');
    expect(contents.send).toHaveBeenCalledWith('latchkey:settings:progress', { task: 'rotate-key', name: 'alice', message: 'Creating a new access key…' });
  });

  it('tells nobody, and never fails the change, once the page is gone or the line does not fit the contract', () => {
    const gone = page(true);
    taskProgress(gone, 'enroll-mfa', 'phone')('Showing the QR code…');
    expect(gone.send).not.toHaveBeenCalled();
    const closing = page(false, () => {
      throw new Error('Object has been destroyed');
    });
    expect(() => taskProgress(closing, 'enroll-mfa', 'phone')('Showing the QR code…')).not.toThrow();
    const contents = page();
    expect(() => taskProgress(contents, 'enroll-mfa', 'phone')('x'.repeat(3000))).not.toThrow();
    expect(contents.send).not.toHaveBeenCalled();
  });
});
