/**
 * `latchkey mfa enroll` against moto with request authentication on and the real keychain: the device is
 * created and assigned to the user, recorded under its serial; its seed is in the keychain only with
 * --store-seed, and then `latchkey totp` prints the codes of that seed; the otpauth:// URI is shown
 * only on a terminal, and a refusal creates nothing in IAM.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IAMClient, ListMFADevicesCommand, ListVirtualMFADevicesCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Keychain } from '../../../electron/core/keychain/keychain';
import { systemKeychain } from '../../../electron/core/keychain/system-keychain';
import { parseAwsOtpauthUri } from '../../../electron/core/totp/aws-otpauth-uri';
import { totpCode } from '../../../electron/core/totp/totp-code';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { SELF_SERVICE } from '../../helpers/iam-self-service';
import { CLI, cliWorld, collect, type CliWorld } from '../../helpers/latchkey-cli';
import { startMoto, type Moto } from '../../helpers/moto';
import { ACCOUNT, createUser, iamClient } from '../../helpers/moto-iam';
import { describeWith } from '../../helpers/needs';

describeWith([keyring, motoComponent], 'enrolling a virtual MFA device', () => {
  let moto: Moto;
  let world: CliWorld;
  let keychain: Keychain;
  let admin: IAMClient;

  const serial = (name: string) => `arn:aws:iam::${ACCOUNT}:mfa/${name}`;
  const assigned = async (user: string) => ((await admin.send(new ListMFADevicesCommand({ UserName: user }))).MFADevices ?? []).map((device) => device.SerialNumber);
  const virtualDevices = async () => (await admin.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices ?? [];
  const devices = async () => JSON.parse((await world.run(['list', '--json'])).stdout).mfaDevices;

  beforeAll(async () => {
    moto = await startMoto();
    const iam = iamClient(moto.url);
    const carol = await createUser(iam, 'carol', SELF_SERVICE);
    // dave gets a device of his own: carol's first one makes her IAM calls need an MFA session, which moto cannot give.
    const dave = await createUser(iam, 'dave', SELF_SERVICE);
    const root = await createUser(iam, 'admin', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    admin = new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: root });
    await moto.enableAuth();
    world = cliWorld(moto.url);
    world.env.AWS_ENDPOINT_URL_IAM = moto.url;
    await world.setUp([
      [['identity', 'add', 'carol', '--access-key-id', carol.accessKeyId], carol.secretAccessKey],
      [['identity', 'add', 'dave', '--access-key-id', dave.accessKeyId], dave.secretAccessKey],
    ]);
    keychain = systemKeychain({ service: world.env.LATCHKEY_KEYCHAIN_SERVICE });
  }, 60_000);
  afterAll(async () => moto?.stop());

  it('with --store-seed: the device is the user\'s, its seed in the keychain, and `latchkey totp` prints its codes', async () => {
    const result = await world.run(['mfa', 'enroll', 'phone', '--identity', 'carol', '--store-seed']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`enrolled MFA device "phone" (${serial('phone')}) for IAM user "carol" of identity "carol", its seed in the keychain\n`);
    expect(result.stderr).toMatch(/^latchkey: the TOTP seed is stored in the keychain next to the key it protects: anyone who can unlock this keychain now has both factors\n$/);
    expect(await assigned('carol')).toEqual([serial('phone')]);
    expect(await devices()).toEqual([{ name: 'phone', serial: serial('phone'), identity: 'carol', hasSeed: true, autoMfa: false }]);

    const seed = await keychain.get('mfa-seed', 'phone');
    const issued = (await virtualDevices()).find((device) => device.SerialNumber === serial('phone'))?.Base32StringSeed;
    expect(seed).toBe(Buffer.from(issued ?? []).toString('ascii'));
    const before = Date.now();
    const totp = await world.run(['totp', 'phone']);
    expect(totp.code).toBe(0);
    const codes = [totpCode(seed ?? '', before).code, totpCode(seed ?? '', Date.now()).code];
    expect(codes).toContain(totp.stdout.trim());
  });

  it('without --store-seed keeps the seed nowhere, and shows the URI only on a terminal', async () => {
    const refused = await world.run(['mfa', 'enroll', 'tablet', '--identity', 'dave', '--show-uri']);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: 'latchkey mfa enroll: --show-uri prints the seed, and stdout is not a terminal: run it in a terminal, or store the seed with --store-seed and get codes with `latchkey totp`\n',
    });
    expect((await virtualDevices()).map((device) => device.SerialNumber)).not.toContain(serial('tablet'));

    // At a terminal of its own (`script`): the QR code and the URI, then what was done.
    const command = `"${process.execPath}" "${CLI}" mfa enroll tablet --identity dave --show-uri < /dev/null`;
    const atTerminal = await collect(spawn('script', ['-qec', command, '/dev/null'], { env: world.env, stdio: ['pipe', 'pipe', 'pipe'] }));
    expect(atTerminal.code).toBe(0);
    const uri = atTerminal.stdout.match(/otpauth:\/\/totp\/\S+/)?.[0] ?? '';
    expect(parseAwsOtpauthUri(uri)).toMatchObject({ issuer: 'Amazon Web Services', account: `dave@${ACCOUNT}` });
    expect(atTerminal.stdout).toContain(`enrolled MFA device "tablet" (${serial('tablet')}) for IAM user "dave" of identity "dave"\r\n`);
    expect(await assigned('dave')).toEqual([serial('tablet')]);
    expect(await keychain.get('mfa-seed', 'tablet')).toBeUndefined();
    expect(await devices()).toContainEqual({ name: 'tablet', serial: serial('tablet'), identity: 'dave', hasSeed: false, autoMfa: false });
    expect(readFileSync(join(world.env.LATCHKEY_HOME ?? '', 'settings.json'), 'utf8')).not.toContain(parseAwsOtpauthUri(uri).secret);
  });
});
