/**
 * The built CLI guides as its source does (issue 13, item 9): each command's help, loaded from the
 * command's own file, is what test/unit/cli snapshots; a group's word lists its commands; a mistake
 * gets a did-you-mean and exit 2. And what goes wrong around it is said in a person's words: a wrong
 * AWS_ENDPOINT_URL_STS is named, and a keychain that cannot be reached shows neither its internal
 * account names nor D-Bus text.
 */
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { COMMANDS, GROUPS } from '../../../electron/cli/commands';
import { keyring } from '../../helpers/components';
import { CLI, cliWorld, collect, type CliWorld } from '../../helpers/latchkey-cli';
import { describeWith } from '../../helpers/needs';
import { latchkey } from '../../unit/cli/cli-output';

/** The built CLI with nothing set up, as someone who just installed it. */
async function built(args: string[]) {
  const result = await collect(spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH }, stdio: ['pipe', 'pipe', 'pipe'] }));
  return { ...result, stdout: result.stdout.replaceAll(version, 'VERSION') };
}

describe('the built CLI guides', () => {
  it.each(Object.keys(COMMANDS))('help %s is the same as from the source', async (name) => {
    const { code, stdout, stderr } = await latchkey(`help ${name}`);
    expect(await built(['help', ...name.split(' ')])).toEqual({ code, stdout, stderr });
  });

  it.each(Object.keys(GROUPS))('%s alone lists its commands', async (group) => {
    const { code, stdout, stderr } = await latchkey(group);
    expect(await built([group])).toEqual({ code, stdout, stderr });
    expect(code).toBe(2);
  });

  it('help bogus, a typo and an unknown option exit 2 with a did-you-mean', async () => {
    expect(await built(['help', 'bogus'])).toEqual({ code: 2, stdout: '', stderr: 'latchkey: unknown command "bogus"; see `latchkey help`\n' });
    expect(await built(['idnetity', 'add'])).toMatchObject({ code: 2, stderr: 'latchkey: unknown command "idnetity"; did you mean "identity add"? See `latchkey help`\n' });
    expect((await built(['role', 'add', 'dev', '--role-ar', 'x'])).stderr).toMatch(/^latchkey role add: unknown option --role-ar; did you mean --role-arn\?\nusage: /);
  });
});

describeWith([keyring], 'what goes wrong is said in a person’s words', () => {
  let world: CliWorld;
  const INTERNALS = /identity:alice|session:dev|chunk:|DBus error|zbus|org\.freedesktop|Platform failure|TypeError|Invalid URL/;

  beforeAll(async () => {
    // STS is never reached: the endpoint is refused first.
    world = cliWorld('not a url');
    await world.setUp([
      [['identity', 'add', 'alice', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      [['role', 'add', 'dev', '--role-arn', 'arn:aws:iam::123456789012:role/dev', '--source', 'alice']],
    ]);
  }, 30_000);

  it('a wrong AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL is named, in one line', async () => {
    expect(await world.run(['credential-process', 'dev'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'latchkey credential-process: AWS_ENDPOINT_URL_STS: endpoint "not a url" must be an http(s) URL; correct or unset it\n',
    });
    const all = await world.run(['credential-process', 'dev'], { env: { AWS_ENDPOINT_URL_STS: '', AWS_ENDPOINT_URL: 'ftp://sts.example' } });
    expect(all.stderr).toBe('latchkey credential-process: AWS_ENDPOINT_URL: endpoint "ftp://sts.example" must be an http(s) URL; correct or unset it\n');
  });

  it('a keychain that cannot be reached is said without internal account names or D-Bus text', async () => {
    for (const args of [['credential-process', 'dev'], ['exec', 'dev', '--', 'true'], ['list'], ['forget', 'dev']]) {
      const result = await world.run(args, { env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' } });
      expect(result.stderr, args.join(' ')).toMatch(/keychain/);
      expect(result.stderr, args.join(' ')).not.toMatch(INTERNALS);
    }
  });
});
