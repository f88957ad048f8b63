/**
 * A mistyped command, option or value gets a did-you-mean and exit 2, in Latchkey's words; `help` of
 * something that does not exist is a mistake too.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/commands';
import { command as exec } from '../../../electron/cli/commands/exec';
import { command as roleAdd } from '../../../electron/cli/commands/role-add';
import { nearest } from '../../../electron/cli/did-you-mean';
import { parseInput } from '../../../electron/cli/parse-input';
import { latchkey } from './cli-output';

describe('nearest', () => {
  it.each([
    ['lst', ['list', 'use', 'env'], ['list']],
    ['idnetity', ['identity', 'mfa', 'role'], ['identity']],
    ['credential_process', ['credential-process', 'configure-process'], ['credential-process']],
    ['role-ar', ['role-arn', 'source', 'region'], ['role-arn']],
    ['zsh', ['sh', 'fish', 'powershell', 'json'], ['sh']],
    ['STATUS', ['status', 'totp'], ['status']],
    ['access-key', ['access-key-id', 'region'], ['access-key-id']],
    ['no', ['no-mfa', 'no-verify'], []],
    ['ls', ['list', 'use'], ['list']],
    ['jsno', ['json', 'all'], ['json']],
    ['env', ['exec', 'use'], []],
    ['frobnicate', ['list', 'use', 'import', 'identity'], []],
    ['auto', ['auto', 'no-auto'], ['auto']],
  ])('%s among %j → %j', (typed, candidates, expected) => {
    expect(nearest(typed, candidates)).toEqual(expected);
  });

  it('gives every candidate as near as the nearest, or those it begins, nearest first; at most three', () => {
    expect(nearest('ab', ['ax', 'ay', 'az', 'aw'])).toEqual(['ax', 'ay', 'az']);
    expect(nearest('remove-sed', ['remove-seed', 'remove-send', 'remove-seen'])).toEqual(['remove-seed', 'remove-send']);
    expect(nearest('seed', ['seed-stdin', 'seed-file', 'seed-uri', 'seed-qr'])).toEqual(['seed-qr', 'seed-uri', 'seed-file']);
  });
});

describe('the command line', () => {
  it.each([
    ['lst', 'latchkey: unknown command "lst"; did you mean "list"? See `latchkey help`'],
    ['credential_process dev', 'latchkey: unknown command "credential_process"; did you mean "credential-process"? See `latchkey help`'],
    ['identiy add alice', 'latchkey: unknown command "identiy"; did you mean "identity add"? See `latchkey help`'],
    ['idnetity', 'latchkey: unknown command "idnetity"; did you mean "identity"? See `latchkey help`'],
    ['identity ad alice', 'latchkey: unknown command "identity ad"; did you mean "identity add"? See `latchkey help identity`'],
    ['role remove dev', 'latchkey: unknown command "role remove"; see `latchkey help role`'],
    ['frobnicate', 'latchkey: unknown command "frobnicate"; see `latchkey help`'],
    ['--verison', 'latchkey: unknown option --verison; did you mean --version? See `latchkey help`'],
    ['help bogus', 'latchkey: unknown command "bogus"; see `latchkey help`'],
    ['help stauts', 'latchkey: unknown command "stauts"; did you mean "status"? See `latchkey help`'],
    ['help mfa ad', 'latchkey: unknown command "mfa ad"; did you mean "mfa add"? See `latchkey help mfa`'],
  ])('latchkey %s', async (line, said) => {
    expect(await latchkey(line)).toEqual({ code: 2, stdout: '', stderr: `${said}\n` });
  });

  it.each([
    ['role add dev --role-ar arn:aws:iam::123456789012:role/dev', 'unknown option --role-ar; did you mean --role-arn?'],
    ['identity add alice --access-key AKIAIOSFODNN7EXAMPLE', 'unknown option --access-key; did you mean --access-key-id?'],
    ['list --jsno', 'unknown option --jsno; did you mean --json?'],
    ['list -j', 'unknown option -j'],
    ['credential-process dev --profile dev', 'unknown option --profile: this command takes none'],
    ['mfa update alice --remove-sed', 'unknown option --remove-sed; did you mean --remove-seed?'],
    ['publish dev --as', '--as needs a value (PROFILE), e.g. --as dev-keys'],
    ['publish dev --as --replace', '--as needs a value (PROFILE), not --replace; a value that starts with "-" is written --as=--replace'],
    ['list --json=yes', '--json takes no value'],
    ['identity add alice --access-key-id AKIAIOSFODNN7EXAMPLE --secret-access-key=x', '--secret-access-key is refused: a secret on the command line is visible to other programs and kept in shell history; pipe it on stdin or type it at the prompt'],
    ['remove identiy alice', 'what to remove must be one of identity, mfa, role; did you mean "identity"?'],
    ['env dev --format zsh', '--format must be one of sh, fish, powershell, json; did you mean "sh"?'],
    ['status extra', 'unexpected argument "extra"'],
    ['totp', 'missing argument'],
  ])('latchkey %s', async (line, said) => {
    const name = Object.keys(COMMANDS).find((command) => line === command || line.startsWith(`${command} `)) ?? '';
    expect(await latchkey(line)).toEqual({
      code: 2,
      stdout: '',
      stderr: `latchkey ${name}: ${said}\nusage: ${COMMANDS[name]?.usage}\nsee \`latchkey help ${name}\` for every option, with examples\n`,
    });
  });

  it('a value may start with a dash when written with =', () => {
    expect(parseInput(roleAdd, ['r', '--external-id=-x1', '--role-arn', 'arn:aws:iam::123456789012:role/dev']).values).toMatchObject({ 'external-id': '-x1' });
  });

  it('after `exec NAME --`, everything belongs to the command, --help included', () => {
    expect(parseInput(exec, ['dev', '--', 'aws', '--help', '--bogus'])).toEqual({ positionals: ['dev'], values: { server: false }, rest: ['aws', '--help', '--bogus'] });
  });
});
