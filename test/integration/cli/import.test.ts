/**
 * `latchkey import --scrub` on files shaped like a real user's: the plaintext key goes to the keychain,
 * its two lines leave the credentials file, every other byte stays, and the imported role works.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { cliWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { ACCOUNT, ALLOW_ASSUME_ROLE, createRole, createUser, iamClient } from '../../helpers/moto-iam';
import { startMoto, type Moto } from '../../helpers/moto';
import { describeWith } from '../../helpers/needs';

describeWith([keyring, motoComponent], 'import from ~/.aws', () => {
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

  it('imports the key, its MFA device and the role, and scrubs only the imported key lines', async () => {
    const configBefore = readFileSync(world.configFile, 'utf8');
    const result = await world.run(['import', '--scrub']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `imported identity "bob" (${bob.accessKeyId.slice(0, 4)}…${bob.accessKeyId.slice(-4)}), its key removed from the credentials file`,
        `imported MFA device "bob" (arn:aws:iam::${ACCOUNT}:mfa/bob)`,
        `imported role "deploy" (arn:aws:iam::${ACCOUNT}:role/deploy) from "bob"`,
        '',
      ].join('\n'),
    );
    expect(result.stderr).toMatch(/skipped profile "web": it has no source_profile/);
    expect(readFileSync(world.credentialsFile, 'utf8')).toBe(after);
    expect(readFileSync(world.configFile, 'utf8')).toBe(configBefore);
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

  it('importing again adds nothing and changes no file', async () => {
    const result = await world.run(['import', '--scrub']);
    expect(result).toMatchObject({ code: 0, stdout: 'nothing to import\n' });
    expect(readFileSync(world.credentialsFile, 'utf8')).toBe(after);
  });
});
