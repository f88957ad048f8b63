/**
 * `latchkey import --scrub` on files shaped like a real user's: the plaintext key goes to the keychain,
 * its two lines leave the credentials file, every other byte stays, and the imported role works.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { awsCliV1, keyring, moto as motoComponent } from '../../helpers/components';
import { execFile } from 'node:child_process';
import process_ from 'node:process';
import { promisify } from 'node:util';
import { CLI, cliWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { ACCOUNT, ALLOW_ASSUME_ROLE, createRole, createUser, iamClient } from '../../helpers/moto-iam';
import { startMoto, type Moto } from '../../helpers/moto';
import { describeWith } from '../../helpers/needs';

const runAws = (world: CliWorld, args: string[]) => promisify(execFile)('aws', args, { env: world.env });

describeWith([keyring, motoComponent, awsCliV1], 'import from ~/.aws', () => {
  let moto: Moto;
  let world: CliWorld;
  let bob: { accessKeyId: string; secretAccessKey: string };
  let before: string;
  let after: string;

  beforeAll(async () => {
    moto = await startMoto();
    const iam = iamClient(moto.url);
    bob = await createUser(iam, 'bob', ALLOW_ASSUME_ROLE);
    await createRole(iam, 'deploy', ['bob']);
    await moto.enableAuth();
    world = cliWorld(moto.url);
    before = [
      '# work account',
      '[bob]',
      `aws_access_key_id = ${bob.accessKeyId}`,
      `aws_secret_access_key = ${bob.secretAccessKey}`,
      'output = json',
      '',
      '; a session someone pasted',
      '[temp]',
      'aws_access_key_id = ASIAEXAMPLEEXAMPLE01',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws_session_token = FwoGZXIvYXdzEXAMPLE',
      '',
    ].join('\r\n');
    after = before.replace(`aws_access_key_id = ${bob.accessKeyId}\r\naws_secret_access_key = ${bob.secretAccessKey}\r\n`, '');
    writeFileSync(world.credentialsFile, before);
    writeFileSync(
      world.configFile,
      [
        '[profile bob]',
        'region = eu-west-1',
        `mfa_serial = arn:aws:iam::${ACCOUNT}:mfa/bob`,
        '',
        '[profile deploy]',
        `role_arn = arn:aws:iam::${ACCOUNT}:role/deploy`,
        'source_profile = bob',
        'duration_seconds = 1800',
        'role_session_name = bob-deploys',
        '',
        '[profile web]',
        `role_arn = arn:aws:iam::${ACCOUNT}:role/web`,
        'web_identity_token_file = /var/run/token',
        '',
      ].join('\n'),
    );
  }, 60_000);
  afterAll(async () => moto?.stop());

  it('--scrub alone refuses to break the profiles that use the key, and writes nothing', async () => {
    const configBefore = readFileSync(world.configFile, 'utf8');
    const result = await world.run(['import', '--scrub']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      'latchkey import: --scrub would leave profiles "bob", "deploy" without credentials (they use the keys it removes): add --adopt so they get their sessions from Latchkey under the same names, or leave out --scrub\n',
    );
    expect(readFileSync(world.credentialsFile, 'utf8')).toBe(before);
    expect(readFileSync(world.configFile, 'utf8')).toBe(configBefore);
    expect(JSON.parse((await world.run(['list', '--json'])).stdout).identities).toEqual([]);
  });

  it('--dry-run lists every profile with its outcome or the reason it is left alone, and writes nothing', async () => {
    const configBefore = readFileSync(world.configFile, 'utf8');
    const result = await world.run(['import', '--dry-run', '--scrub', '--adopt']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'bob: identity "bob" with MFA device "bob": its key moves to the keychain',
        `deploy: role "deploy" (arn:aws:iam::${ACCOUNT}:role/deploy) from "bob"`,
        'bob: note: its mfa_serial became MFA device "bob": served by Latchkey (--adopt), the profile asks for a code, which AWS tools did not for the key alone',
        'temp: left alone: it holds a session (aws_session_token), not a long-term key',
        'web: left alone: it assumes a role with a web identity token (web_identity_token_file)',
        `bob: with --scrub, its key pair leaves ${world.credentialsFile}`,
        `bob: with --adopt, gets credential_process for "bob" in ${world.configFile}`,
        `deploy: with --adopt, gets credential_process for "deploy" in ${world.configFile}`,
        'dry run: nothing was changed',
        '',
      ].join('\n'),
    );
    expect(readFileSync(world.credentialsFile, 'utf8')).toBe(before);
    expect(readFileSync(world.configFile, 'utf8')).toBe(configBefore);
  });

  it('--scrub --adopt imports the key, its MFA device and the role, scrubs only the imported key lines, and keeps both profiles working', async () => {
    const configBefore = readFileSync(world.configFile, 'utf8');
    const result = await world.run(['import', '--scrub', '--adopt']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `imported identity "bob" (${bob.accessKeyId.slice(0, 4)}…${bob.accessKeyId.slice(-4)}), its key removed from the credentials file`,
        `imported MFA device "bob" (arn:aws:iam::${ACCOUNT}:mfa/bob)`,
        `imported role "deploy" (arn:aws:iam::${ACCOUNT}:role/deploy) from "bob"`,
        'profile "bob" now gets its credentials from Latchkey (credential_process)',
        'profile "deploy" now gets its credentials from Latchkey (credential_process)',
        `  replaced, kept as a comment: role_arn = arn:aws:iam::${ACCOUNT}:role/deploy; source_profile = bob`,
        '',
      ].join('\n'),
    );
    expect(result.stderr).toMatch(/skipped profile "web": it assumes a role with a web identity token/);
    expect(readFileSync(world.credentialsFile, 'utf8')).toBe(after);
    const process = (name: string) => `credential_process = ${process_.execPath} ${CLI} credential-process ${name}`;
    expect(readFileSync(world.configFile, 'utf8')).toBe(
      configBefore
        .replace(`mfa_serial = arn:aws:iam::${ACCOUNT}:mfa/bob\n`, `mfa_serial = arn:aws:iam::${ACCOUNT}:mfa/bob\n${process('bob')}\n`)
        .replace(
          `role_arn = arn:aws:iam::${ACCOUNT}:role/deploy\nsource_profile = bob\nduration_seconds = 1800\nrole_session_name = bob-deploys\n`,
          `# Replaced by Latchkey; \`latchkey unpublish deploy\` puts these lines back:\n# role_arn = arn:aws:iam::${ACCOUNT}:role/deploy\n# source_profile = bob\n${process('deploy')}\nduration_seconds = 1800\nrole_session_name = bob-deploys\n`,
        ),
    );
    expect(readFileSync(world.credentialsFile, 'utf8')).not.toContain(bob.secretAccessKey);

    const listed = JSON.parse((await world.run(['list', '--json'])).stdout);
    expect(listed.identities).toEqual([expect.objectContaining({ name: 'bob', region: 'eu-west-1', secretStored: true })]);
    expect(listed.mfaDevices).toEqual([expect.objectContaining({ name: 'bob', identity: 'bob' })]);
    expect(listed.roles).toEqual([expect.objectContaining({ name: 'deploy', source: 'bob', durationSeconds: 1800, sessionName: 'bob-deploys' })]);
  });

  it('the imported role works, signed with the key now in the keychain', async () => {
    const { code, stdout } = await world.run(['credential-process', 'deploy']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).AccessKeyId).toMatch(/^ASIA/);
  });

  it('the adopted profile works for the AWS CLI, through Latchkey', async () => {
    const result = await runAws(world, ['sts', 'get-caller-identity', '--profile', 'deploy', '--endpoint-url', moto.url, '--query', 'Arn', '--output', 'text']);
    expect(result.stdout.trim()).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/deploy/bob-deploys`);
  });

  it('importing again adds nothing and changes no file', async () => {
    const config = readFileSync(world.configFile, 'utf8');
    const result = await world.run(['import', '--scrub', '--adopt']);
    expect(result).toMatchObject({ code: 0, stdout: 'nothing to import\n' });
    expect(readFileSync(world.credentialsFile, 'utf8')).toBe(after);
    expect(readFileSync(world.configFile, 'utf8')).toBe(config);
  });
});
