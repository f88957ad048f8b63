/**
 * What Latchkey writes, it owns, and only that: replacing another tool's line only when asked, undoing
 * exactly what it wrote (`unpublish`, `remove`), and leaving no cached session behind in the real keyring
 * after edits, removals and `forget` — also through a running agent's memory.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemKeychain } from '../../../electron/core/keychain/system-keychain';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { updateRole } from '../../../electron/core/settings/update-role';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { roleArn } from '../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';

const CONFIG = [
  '# my config',
  '[profile vault]',
  'region = eu-west-1',
  'credential_process = /usr/bin/another-tool get vault',
  'output = json',
  '',
  '[profile corp]',
  'sso_session = corp',
  'sso_account_id = 123456789012',
  'sso_role_name = Admin',
  '',
].join('\r\n');

describeWith([keyring, motoComponent], 'ownership of what Latchkey writes', () => {
  let moto: MotoWorld;
  beforeAll(async () => {
    moto = await startMotoWorld({ roles: ['dev', 'ops'] });
  }, 60_000);
  afterAll(async () => moto?.stop());

  const sessions = (world: CliWorld) => systemKeychain({ service: world.env.LATCHKEY_KEYCHAIN_SERVICE }).list('session');
  const ok = async (world: CliWorld, args: string[]) => {
    const result = await world.run(args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result.stdout;
  };

  describe('configure-process --replace, then unpublish', () => {
    let world: CliWorld;
    beforeAll(async () => {
      world = await aliceWorld(moto);
      writeFileSync(world.configFile, CONFIG);
    }, 60_000);

    it('keeps the replaced line as a comment, prints it, and unpublish puts the file back byte for byte', async () => {
      const replaced = await ok(world, ['configure-process', 'dev', '--as', 'vault', '--replace']);
      expect(replaced).toBe(
        [
          `profile "vault" in ${world.configFile} now gets "dev" sessions through credential_process`,
          'replaced (kept there as a comment; `latchkey unpublish vault` puts it back):',
          '  credential_process = /usr/bin/another-tool get vault',
          '',
        ].join('\n'),
      );
      const config = readFileSync(world.configFile, 'utf8');
      expect(config).toContain(
        'region = eu-west-1\r\n# Replaced by Latchkey; `latchkey unpublish vault` puts these lines back:\r\n# credential_process = /usr/bin/another-tool get vault\r\ncredential_process = ',
      );
      const status = JSON.parse(await ok(world, ['status', '--json']));
      expect(status.processProfiles).toEqual([{ profile: 'vault', source: 'dev' }]);

      expect(await ok(world, ['unpublish', 'vault'])).toBe(
        [
          `removed the credential_process line of profile "vault" from ${world.configFile}`,
          'put back the lines it had replaced there: credential_process = /usr/bin/another-tool get vault',
          '',
        ].join('\n'),
      );
      expect(readFileSync(world.configFile, 'utf8')).toBe(CONFIG);
    });

    it('a new profile and its session keys go again with unpublish, leaving the files as they were', async () => {
      const credentials = '# keep me\n[other]\nregion = us-west-2\n';
      writeFileSync(world.credentialsFile, credentials);
      await ok(world, ['configure-process', 'dev', '--as', 'dev-cp']);
      await ok(world, ['publish', 'dev', '--as', 'dev-keys']);
      await ok(world, ['publish', 'dev', '--as', 'dev-keys']); // its own profile: written again without --replace
      expect(readFileSync(world.credentialsFile, 'utf8')).toMatch(/\[dev-keys\]\naws_access_key_id = ASIA/);
      await ok(world, ['unpublish', 'dev-cp']);
      await ok(world, ['unpublish', 'dev-keys']);
      expect(readFileSync(world.configFile, 'utf8')).toBe(CONFIG);
      expect(readFileSync(world.credentialsFile, 'utf8')).toBe(credentials);
    });
  });

  describe('publish --replace over what another tool wrote, then unpublish', () => {
    it('keeps the replaced session as a comment, and unpublish puts the file back byte for byte', async () => {
      const world = await aliceWorld(moto);
      const credentials = '[pasted]\r\naws_access_key_id = ASIAIOSFODNN7PASTED\r\naws_secret_access_key = pasted-secret\r\naws_session_token = pasted-token\r\n';
      writeFileSync(world.credentialsFile, credentials);
      await ok(world, ['publish', 'dev', '--as', 'pasted', '--replace']);
      expect(readFileSync(world.credentialsFile, 'utf8')).toMatch(
        /^\[pasted\]\r\n# Replaced by Latchkey; `latchkey unpublish pasted` puts these lines back:\r\n# aws_access_key_id = ASIAIOSFODNN7PASTED\r\n# aws_secret_access_key = pasted-secret\r\n# aws_session_token = pasted-token\r\naws_access_key_id = ASIA/,
      );
      await ok(world, ['unpublish', 'pasted']);
      expect(readFileSync(world.credentialsFile, 'utf8')).toBe(credentials);
    });

    it('a section rewritten since Latchkey wrote it is left as it is, a long-term key above all', async () => {
      const world = await aliceWorld(moto);
      await ok(world, ['publish', 'dev', '--as', 'mine']);
      const theirs = `[mine]\naws_access_key_id = ${moto.alice.accessKeyId}\naws_secret_access_key = ${moto.alice.secretAccessKey}\n`;
      writeFileSync(world.credentialsFile, theirs);
      expect(await ok(world, ['unpublish', 'mine'])).toBe(`profile "mine" in ${world.credentialsFile} was changed since Latchkey wrote it: left as it is\n`);
      expect(readFileSync(world.credentialsFile, 'utf8')).toBe(theirs);
      const refused = await world.run(['publish', 'dev', '--as', 'mine']);
      expect(refused).toMatchObject({ code: 1, stdout: '' });
      expect(refused.stderr).toMatch(/profile "mine" .* holds a long-term access key/);
    });
  });

  describe('remove unpublishes what the entry published', () => {
    it('lists each profile it cleans up, and leaves the files as they were before publishing', async () => {
      const world = await aliceWorld(moto);
      writeFileSync(world.configFile, CONFIG);
      await ok(world, ['configure-process', 'dev']);
      await ok(world, ['publish', 'dev']);
      expect(await sessions(world)).toEqual(['dev']);
      expect(await ok(world, ['remove', 'role', 'dev'])).toBe(
        [
          `removed the session keys of profile "dev" from ${world.credentialsFile}`,
          `removed the credential_process line of profile "dev" from ${world.configFile}`,
          'removed role "dev"',
          '',
        ].join('\n'),
      );
      expect(readFileSync(world.configFile, 'utf8')).toBe(CONFIG);
      expect(readFileSync(world.credentialsFile, 'utf8')).toBe('');
      expect(await sessions(world)).toEqual([]);
    });
  });

  describe('keychain hygiene, read from the real keyring', () => {
    let world: CliWorld;
    beforeAll(async () => {
      world = await aliceWorld(moto);
      await world.setUp([[['role', 'add', 'ops', '--role-arn', roleArn('ops'), '--source', 'alice']]]);
    }, 60_000);

    it('one entry per session, named for it, replaced (not added to) when its role is edited', async () => {
      await ok(world, ['credential-process', 'dev']);
      expect(await sessions(world)).toEqual(['dev']);
      const store = new SettingsStore(join(world.env.LATCHKEY_HOME ?? '', 'settings.json'));
      for (const durationSeconds of [1800, 2700, 3600]) {
        const dev = (await store.load()).roles.find((role) => role.name === 'dev');
        if (!dev) throw new Error('no role dev');
        await updateRole(store, { ...dev, durationSeconds });
        await ok(world, ['credential-process', 'dev']);
        expect(await sessions(world)).toEqual(['dev']);
      }
    });

    it('an edit with no new session leaves none behind once another session is written', async () => {
      const store = new SettingsStore(join(world.env.LATCHKEY_HOME ?? '', 'settings.json'));
      const dev = (await store.load()).roles.find((role) => role.name === 'dev');
      if (!dev) throw new Error('no role dev');
      await updateRole(store, { ...dev, durationSeconds: 900 });
      await ok(world, ['credential-process', 'ops']); // a write prunes the superseded dev session
      expect(await sessions(world)).toEqual(['ops']);
    });

    it('removing a role deletes its session; forget --all deletes the rest', async () => {
      await ok(world, ['credential-process', 'dev']);
      expect((await sessions(world)).sort()).toEqual(['dev', 'ops']);
      await ok(world, ['remove', 'role', 'ops']);
      expect(await sessions(world)).toEqual(['dev']);
      expect(await ok(world, ['forget', '--all'])).toBe('forgot 1 cached session\n');
      expect(await sessions(world)).toEqual([]);
    });

    it('forget goes through a running agent, so its memory forgets too', async () => {
      const agent = await world.startAgent();
      try {
        await ok(world, ['credential-process', 'dev']);
        const held = JSON.parse(await ok(world, ['status', '--json']));
        expect(held).toMatchObject({ heldBy: 'broker', sessions: [{ name: 'dev' }] });
        expect(await ok(world, ['forget', 'dev'])).toBe('forgot the cached session of "dev"\n');
        expect(JSON.parse(await ok(world, ['status', '--json'])).sessions).toEqual([]);
        expect(await sessions(world)).toEqual([]);
      } finally {
        agent.kill('SIGTERM');
      }
    });
  });
});
