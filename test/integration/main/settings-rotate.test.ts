/**
 * "Rotate key…" in the settings window against moto with request authentication on: main's real
 * settings handlers, called through the contract's verbs as the window calls them, with the real STS and
 * IAM clients pointed at moto. The key's age comes from IAM when the identity is added; rotation leaves
 * the user with one active key, the new one, which signs as the same user while the old one is refused
 * (or is inactive, when kept); with two keys already it changes nothing. The window hears each step and
 * never receives a full key id or a secret.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient, ListAccessKeysCommand, ListMFADevicesCommand, ListVirtualMFADevicesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../../electron/core/clock';
import { lazyIamApi } from '../../../electron/core/iam/lazy-iam-api';
import { KeychainSessionCache } from '../../../electron/core/sessions/keychain-session-cache';
import { SessionEngine } from '../../../electron/core/sessions/session-engine';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { lazyStsApi } from '../../../electron/core/sts/lazy-sts-api';
import { FileStepStore } from '../../../electron/core/totp/file-step-store';
import { trustedSender } from '../../../electron/main/ipc/trusted-sender';
import { registerSettingsHandlers } from '../../../electron/main/settings/register-settings-handlers';
import { ipcContract } from '../../../electron/shared/ipc-contract';
import { maskAccessKeyId } from '../../../electron/shared/mask';
import { invokeVerbs } from '../../../electron/shared/window-api';
import { FakeQrWindow, SETTINGS_PAGE } from '../../e2e/settings-test-api';
import { FakeMfaPrompt } from '../../fakes/fake-mfa-prompt';
import { MemoryKeychain } from '../../fakes/memory-keychain';
import { moto as motoComponent } from '../../helpers/components';
import { SELF_SERVICE } from '../../helpers/iam-self-service';
import { startMoto, type Moto } from '../../helpers/moto';
import { ACCOUNT, createUser, iamClient, type AccessKey } from '../../helpers/moto-iam';
import { describeWith } from '../../helpers/needs';
import { fakeEvent, fakeIpcMain } from '../../unit/main/ipc/ipc-fakes';

describeWith([motoComponent], "the settings window's key rotation against moto", () => {
  let moto: Moto;
  let admin: IAMClient;
  let carol: AccessKey;
  const keychain = new MemoryKeychain();
  /** Everything main sent the window: answers and progress lines. */
  const received: unknown[] = [];
  /** Every secret access key carol had. */
  const secrets = new Set<string>();
  let api: ReturnType<typeof settingsApi>;
  const qr = new FakeQrWindow();

  const keysOfCarol = async () =>
    ((await admin.send(new ListAccessKeysCommand({ UserName: 'carol' }))).AccessKeyMetadata ?? []).map(({ AccessKeyId, Status }) => ({ id: AccessKeyId ?? '', status: Status }));
  const callerOf = (key: AccessKey) =>
    new STSClient({ region: 'us-east-1', endpoint: moto.url, credentials: key, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));
  const progress = () => received.filter((payload): payload is { task: string; message: string } => typeof payload === 'object' && payload !== null && 'task' in payload);

  /** Main's handlers, wired as compose-app wires them but for the keychain and the prompt, reached as the preload reaches them. */
  function settingsApi(env: NodeJS.ProcessEnv) {
    const home = mkdtempSync(join(tmpdir(), 'latchkey-settings-moto-'));
    const runtimeFolder = mkdtempSync(join(tmpdir(), 'latchkey-settings-moto-run-'));
    const settings = new SettingsStore(join(home, 'settings.json'));
    const sts = lazyStsApi(env);
    const prompt = new FakeMfaPrompt(() => Promise.reject(new Error('carol has no MFA device')));
    const engine = new SessionEngine({ settings, keychain, sts, prompt, clock: systemClock, cache: new KeychainSessionCache(keychain), runtimeFolder, env, notice: () => undefined });
    const ipcMain = fakeIpcMain();
    registerSettingsHandlers({
      ipcMain,
      isTrustedSender: trustedSender(SETTINGS_PAGE),
      engine,
      settings,
      keychain,
      sts,
      clock: systemClock,
      iam: lazyIamApi(env),
      steps: new FileStepStore(runtimeFolder),
      enrolmentQr: qr,
      dialog: { showOpenDialog: () => Promise.reject(new Error('no dialog here')) },
      env,
      processCommand: { unavailable: 'not in this test' },
    });
    const sender = { isDestroyed: () => false, send: (_channel: string, payload: unknown) => void received.push(payload) };
    return invokeVerbs(ipcContract.settings, async (channel, request) => {
      const answer = await ipcMain.call(channel.name, { ...fakeEvent(SETTINGS_PAGE.href), sender } as unknown as IpcMainInvokeEvent, request);
      received.push(answer);
      return answer as never;
    });
  }

  beforeAll(async () => {
    moto = await startMoto();
    const iam = iamClient(moto.url);
    carol = await createUser(iam, 'carol', SELF_SERVICE);
    admin = new IAMClient({
      region: 'us-east-1',
      endpoint: moto.url,
      credentials: await createUser(iam, 'admin', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
    });
    await moto.enableAuth();
    api = settingsApi({ AWS_ENDPOINT_URL: moto.url, HOME: mkdtempSync(join(tmpdir(), 'latchkey-settings-moto-home-')) });
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
    const text = JSON.stringify(received);
    expect(secrets.size).toBe(3);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('shows the age IAM gives the key, then rotates it: one active key, the new one, the old one refused', async () => {
    secrets.add(carol.secretAccessKey);
    const added = await api.addIdentity({ identity: { name: 'carol', accessKeyId: carol.accessKeyId }, secretAccessKey: carol.secretAccessKey, verify: true });
    expect(added.identities[0]).toMatchObject({ arn: `arn:aws:iam::${ACCOUNT}:user/carol`, keyAge: { days: 0, overLimit: false } });

    const rotated = await api.rotateKey({ name: 'carol', keepOld: false });
    const keys = await keysOfCarol();
    expect(keys).toEqual([{ id: expect.not.stringMatching(carol.accessKeyId), status: 'Active' }]);
    const fresh = keys[0]?.id ?? '';
    expect(rotated).toMatchObject({ userName: 'carol', newKey: maskAccessKeyId(fresh), oldKey: maskAccessKeyId(carol.accessKeyId), oldKeyState: 'deleted' });
    expect(rotated.settings.identities[0]).toMatchObject({ maskedAccessKeyId: maskAccessKeyId(fresh), keyAge: { days: 0 } });

    const secret = (await keychain.get('identity', 'carol')) ?? '';
    secrets.add(secret);
    await expect(callerOf({ accessKeyId: fresh, secretAccessKey: secret })).resolves.toMatchObject({ Arn: `arn:aws:iam::${ACCOUNT}:user/carol` });
    await expect(callerOf(carol)).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
    expect(progress().map(({ message }) => message)).toEqual([
      'Checking the access keys of IAM user carol…',
      'Creating a new access key for IAM user carol…',
      `Created ${maskAccessKeyId(fresh)}: storing it in the keychain and checking that AWS accepts it…`,
      `Deactivating access key ${maskAccessKeyId(carol.accessKeyId)}…`,
      `Deleting access key ${maskAccessKeyId(carol.accessKeyId)}…`,
    ]);
    expect(JSON.stringify(received)).not.toContain(fresh);
  }, 60_000);

  it('keeps the old key inactive when asked, and then, with two keys, changes nothing and says why', async () => {
    const [old] = await keysOfCarol();
    const rotated = await api.rotateKey({ name: 'carol', keepOld: true });
    expect(rotated.oldKeyState).toBe('inactive');
    const keys = await keysOfCarol();
    expect(keys.find((key) => key.id === old?.id)?.status).toBe('Inactive');
    expect(keys.filter((key) => key.status === 'Active')).toHaveLength(1);

    const secret = (await keychain.get('identity', 'carol')) ?? '';
    secrets.add(secret);
    await expect(api.rotateKey({ name: 'carol', keepOld: false })).rejects.toThrow(/IAM user "carol" already has two access keys, the most AWS allows: .* Nothing was changed\./);
    expect(await keysOfCarol()).toEqual(keys);
    expect(await keychain.get('identity', 'carol')).toBe(secret);
  }, 60_000);

  it('enrols a device for carol, and takes one back when its QR code cannot be shown and its seed is kept nowhere', async () => {
    const devicesOfCarol = async () => ((await admin.send(new ListMFADevicesCommand({ UserName: 'carol' }))).MFADevices ?? []).map((device) => device.SerialNumber);
    const virtualDevices = async () => ((await admin.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices ?? []).map((device) => device.SerialNumber);

    qr.fail = new Error('no display');
    await expect(api.enrollMfaDevice({ name: 'carol-lost', identity: 'carol', storeSeed: false, autoMfa: false })).rejects.toThrow(
      /QR code could not be shown \(no display\), and its seed is kept nowhere, so Latchkey removed the device from IAM user "carol" again: nothing changed/,
    );
    expect(await devicesOfCarol()).toEqual([]);
    expect(await virtualDevices()).not.toContain(`arn:aws:iam::${ACCOUNT}:mfa/carol-lost`);

    const enrolled = await api.enrollMfaDevice({ name: 'carol-phone', identity: 'carol', storeSeed: false, autoMfa: false });
    expect(enrolled).toMatchObject({ device: { serial: `arn:aws:iam::${ACCOUNT}:mfa/carol-phone`, hasSeed: false }, qr: { shown: true } });
    expect(await devicesOfCarol()).toEqual([`arn:aws:iam::${ACCOUNT}:mfa/carol-phone`]);
    expect(qr.pages.at(-1)).toContain('otpauth://');
    expect(JSON.stringify(received)).not.toContain('otpauth://');
  }, 60_000);
});
