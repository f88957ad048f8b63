/**
 * Latchkey on a realistic existing ~/.aws (test/helpers/existing-aws: long-term keys in [default] and
 * [work], role profiles on them — a self-referencing one and a 3-deep chain —, an SSO profile, another
 * tool's credential_process, keys in the config file, comments and CRLF). Every writing command runs
 * against it. After each: no long-term key is lost (it is in its file or in the keychain), every refusal
 * leaves both files and the keychain as they were, and every profile that worked before still works
 * with the AWS CLI v1 and v2, boto3 and the JS SDK against moto with authentication on.
 * (The tray's activate action is proven on the same rules in test/integration/main/tray-ownership.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Keychain } from '../../../electron/core/keychain/keychain';
import { systemKeychain } from '../../../electron/core/keychain/system-keychain';
import { awsCliV1, awsCliV2, boto3, keyring, moto as motoComponent } from '../../helpers/components';
import { AWS_CLIENTS, assertStillWork, existingAwsSetup, profilesThatWork, snapshot, type ExistingAws, type WhatWorks } from '../../helpers/existing-aws';
import { cliWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { startMoto, type Moto } from '../../helpers/moto';
import { describeWith } from '../../helpers/needs';


/** The key id of every session moto's GetSessionToken hands out. */
const MOTO_SESSION_TOKEN_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

describeWith([keyring, motoComponent, awsCliV1, awsCliV2, boto3], 'coexistence with an existing ~/.aws', () => {
  let moto: Moto;
  let world: CliWorld;
  let setup: ExistingAws;
  let keychain: Keychain;
  let before: WhatWorks;

  beforeAll(async () => {
    moto = await startMoto();
    world = cliWorld(moto.url);
    setup = await existingAwsSetup(world, moto.url);
    await moto.enableAuth();
    keychain = systemKeychain({ service: world.env.LATCHKEY_KEYCHAIN_SERVICE });
    before = await profilesThatWork(world, moto.url, setup.profiles);
  }, 180_000);
  afterAll(async () => moto?.stop());

  const keychainState = async () => Promise.all((['identity', 'mfa-seed', 'session'] as const).map((kind) => keychain.list(kind)));

  /** Each long-term key is still somewhere: in one of the files, or in the keychain under an identity. */
  async function noKeyLost(): Promise<void> {
    const files = snapshot(world);
    const onDisk = `${files.credentials?.toString('utf8') ?? ''}\n${files.config?.toString('utf8') ?? ''}`;
    const held = await Promise.all((await keychain.list('identity')).map((name) => keychain.get('identity', name)));
    for (const { secretAccessKey } of [setup.me, setup.work]) expect(onDisk.includes(secretAccessKey) || held.includes(secretAccessKey)).toBe(true);
  }

  /** A command Latchkey must refuse: exit 1, one line naming why, and files and keychain exactly as they were. */
  async function refused(args: string[], says: RegExp): Promise<void> {
    const files = snapshot(world);
    const secrets = await keychainState();
    const result = await world.run(args);
    expect(result.stderr).toMatch(says);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.code).toBe(1);
    expect(snapshot(world)).toEqual(files);
    expect(await keychainState()).toEqual(secrets);
    await noKeyLost();
  }

  async function succeeds(args: string[]): Promise<string> {
    const result = await world.run(args);
    expect(result.stderr, result.stderr).not.toMatch(/error|failed/i);
    expect(result.code, result.stderr).toBe(0);
    await noKeyLost();
    return result.stdout;
  }

  it('import --dry-run lists every profile with its outcome or the reason it is left alone, and writes nothing', async () => {
    const files = snapshot(world);
    const out = await succeeds(['import', '--dry-run']);
    for (const profile of setup.profiles) expect(out).toMatch(new RegExp(`^${profile}: `, 'm'));
    expect(out).toMatch(/^default: identity "default": its key moves to the keychain$/m);
    expect(out).toMatch(/^work: identity "work-key": its key moves to the keychain$/m);
    expect(out).toMatch(/^work: role "work" .* from "work-key"$/m);
    expect(out).toMatch(/^admin: role "admin" .* from "work-key"$/m);
    expect(out).toMatch(/^deep: role "deep" .* from "ops"$/m);
    expect(out).toMatch(/^pasted: left alone: it holds a session \(aws_session_token\), not a long-term key$/m);
    expect(out).toMatch(/^corp-sso: left alone: it signs in through IAM Identity Center/m);
    expect(out).toMatch(/^vault: left alone: it gets its credentials from another tool \(credential_process\)$/m);
    expect(out).toMatch(/^keys-in-config: left alone: its keys are in the config file/m);
    expect(out).toMatch(/dry run: nothing was changed\n$/);
    expect(snapshot(world)).toEqual(files);
    expect(await keychainState()).toEqual([[], [], []]);
  });

  it('import --scrub alone refuses: it would break the profiles that use the keys', async () => {
    await refused(['import', '--scrub'], /--scrub would leave profiles "default", "work", .*"dev".* without credentials .*: add --adopt/);
  });

  it('import takes the keys into the keychain and leaves both files as they were', async () => {
    const files = snapshot(world);
    await succeeds(['import']);
    expect(snapshot(world)).toEqual(files);
    expect(await keychain.list('identity')).toEqual(['default', 'work-key']);
  });

  it('nothing Latchkey did not write is overwritten or hijacked, even when it is asked to replace a long-term key', async () => {
    await refused(['use', 'dev'], /profile "default" in .* holds a long-term access key \(AKIA…\w{4}\), which Latchkey never overwrites/);
    await refused(['use', 'dev', '--replace'], /profile "default" .* holds a long-term access key/);
    await refused(['publish', 'dev', '--as', 'work', '--replace'], /profile "work" .* holds a long-term access key/);
    await refused(['publish', 'dev', '--as', 'pasted'], /profile "pasted" .* holds credentials Latchkey did not write/);
    await refused(['publish', 'dev', '--as', 'vault'], /profile "vault" gets its credentials from credential_process/);
    await refused(['publish', 'dev', '--as', 'corp-sso'], /profile "corp-sso" gets its credentials from sso_/);
    await refused(['publish', 'dev', '--as', 'ops'], /profile "ops" gets its credentials from role_arn, source_profile/);
    await refused(['configure-process', 'dev', '--as', 'vault'], /profile "vault" .* already gets its credentials from credential_process/);
    await refused(['configure-process', 'dev', '--as', 'corp-sso'], /already gets its credentials from sso_/);
    await refused(['configure-process', 'dev', '--as', 'keys-in-config', '--replace'], /profile "keys-in-config" .* holds a long-term access key/);
    await refused(['unpublish', 'default'], /Latchkey wrote nothing in profile "default"/);
  });

  it('new profiles of its own leave every profile that worked working', async () => {
    await succeeds(['publish', 'dev', '--as', 'dev-keys']);
    await succeeds(['configure-process', 'ops', '--as', 'ops-cp']);
    const now = await profilesThatWork(world, moto.url, [...setup.profiles, 'dev-keys', 'ops-cp']);
    assertStillWork(before, now);
    for (const profile of ['dev-keys', 'ops-cp']) expect(now[profile]?.['cli-v1']).toEqual({ arn: expect.stringMatching(/assumed-role\/(dev|ops)\//) });
  }, 120_000);

  it('import --scrub --adopt moves the keys out of the files and every profile keeps working, now through Latchkey', async () => {
    await succeeds(['import', '--scrub', '--adopt']);
    const files = snapshot(world);
    const credentials = files.credentials?.toString('utf8') ?? '';
    expect(credentials).not.toContain(setup.me.secretAccessKey);
    expect(credentials).not.toContain(setup.work.secretAccessKey);
    expect(files.config?.toString('utf8')).toMatch(/\[profile dev\]\n(.*\n)*# Replaced by Latchkey; `latchkey unpublish dev` puts these lines back:\n# role_arn = .*\n# source_profile = default\n/);
    const now = await profilesThatWork(world, moto.url, setup.profiles);
    // [default] is now the identity's own GetSessionToken session. moto answers GetSessionToken with fixed
    // example credentials that it refuses itself once its auth is on (RECIPES), so each client is seen
    // signing with exactly those — Latchkey's session — and being refused for them, for that profile alone.
    assertStillWork(before, now, ['default']);
    for (const client of AWS_CLIENTS) expect(now.default?.[client]).toEqual({ error: expect.stringMatching(/InvalidClientTokenId/) });
    const session = JSON.parse(await succeeds(['credential-process', 'default']));
    expect(session).toMatchObject({ Version: 1, AccessKeyId: MOTO_SESSION_TOKEN_KEY_ID, SessionToken: expect.stringMatching(/^AQo/) });
  }, 180_000);

  it('use, unpublish and remove then keep every other profile working, and put back what adopt replaced', async () => {
    // [default] is now served by Latchkey for identity "default"; session keys of dev there would change
    // what it and every profile sourcing it get: asked once, then Latchkey publishes there.
    await refused(['use', 'dev'], /profile "default" gets its credentials from credential_process in .*: choose another profile name, or pass --replace/);
    await succeeds(['use', 'dev', '--replace']);
    await succeeds(['use', 'dev']);
    await succeeds(['unpublish', 'dev-keys']);
    await succeeds(['unpublish', 'ops-cp']);
    const removed = await succeeds(['remove', 'role', 'deep']);
    expect(removed).toMatch(/put back the lines it had replaced there: role_arn = .*role\/deep; source_profile = ops/);
    expect(snapshot(world).config?.toString('utf8')).toMatch(/\[profile deep\]\n(.*\n)*role_arn = .*role\/deep\nsource_profile = ops\n/);
    const now = await profilesThatWork(world, moto.url, setup.profiles);
    // `use` made [default] run as dev: asked for. deep runs as itself again, from ops served by Latchkey.
    assertStillWork(before, now, ['default']);
    expect(now.default?.['boto3']).toEqual({ arn: expect.stringMatching(/assumed-role\/dev\//) });
  }, 180_000);
});
