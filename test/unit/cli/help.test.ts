/**
 * The help and usage text of every command, as snapshots: what `latchkey help`, `latchkey help COMMAND`
 * (the same as `latchkey COMMAND --help`), a group's first word and a usage mistake print is a contract.
 * And the rules that keep the help true: every option is in the usage line and described, every
 * argument is described, every command has an example of itself.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS, GROUPS } from '../../../electron/cli/commands';
import { latchkey } from './cli-output';

const NAMES = Object.keys(COMMANDS);

describe('latchkey help', () => {
  it('lists every command', async () => {
    const help = await latchkey('help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatchSnapshot();
    for (const entry of Object.values(COMMANDS)) expect(help.stdout).toContain(`  ${entry.usage}\n      ${entry.summary}\n`);
    expect(await latchkey('--help')).toEqual(help);
    expect(await latchkey('-h')).toEqual(help);
  });

  it('with no command at all, prints the same on stdout and exits 2', async () => {
    expect(await latchkey([])).toEqual({ ...(await latchkey('help')), code: 2 });
  });

  it.each(NAMES)('help %s: usage, every argument and option, examples', async (name) => {
    const help = await latchkey(`help ${name}`);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatchSnapshot();
    expect(await latchkey(`${name} --help`)).toEqual(help);
    expect(await latchkey(`${name} -h`)).toEqual(help);
  });

  it.each(Object.keys(GROUPS))('%s alone lists its commands; with --help or after help it exits 0', async (group) => {
    const alone = await latchkey(group);
    expect(alone).toMatchObject({ code: 2, stderr: '' });
    expect(alone.stdout).toMatchSnapshot();
    for (const [name, entry] of Object.entries(COMMANDS)) {
      if (name.startsWith(`${group} `)) expect(alone.stdout).toContain(`  ${entry.usage}\n      ${entry.summary}\n`);
      else expect(alone.stdout).not.toContain(entry.usage);
    }
    expect(await latchkey(`help ${group}`)).toEqual({ ...alone, code: 0 });
    expect(await latchkey(`${group} --help`)).toEqual({ ...alone, code: 0 });
  });
});

describe('usage mistakes', () => {
  it.each(NAMES)('%s with an unknown option: the reason, the usage line and where the help is, exit 2', async (name) => {
    const wrong = await latchkey(`${name} --bogus`);
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr).toMatchSnapshot();
    expect(wrong.stderr).toBe(`latchkey ${name}: unknown option --bogus${Object.keys((await COMMANDS[name]!.load()).options).length === 0 ? ': this command takes none' : ''}\nusage: ${COMMANDS[name]!.usage}\nsee \`latchkey help ${name}\` for every option, with examples\n`);
  });
});

describe('the help says everything', () => {
  it('the groups are the first words of the two-word commands', () => {
    expect(Object.keys(GROUPS).sort()).toEqual([...new Set(NAMES.filter((name) => name.includes(' ')).map((name) => name.split(' ')[0]))].sort());
  });

  it.each(NAMES)('%s: each option is in the usage line, each argument described, each example runs it', async (name) => {
    const entry = COMMANDS[name]!;
    const command = await entry.load();
    for (const [option, spec] of Object.entries(command.options)) {
      if ('refused' in spec) continue;
      expect(entry.usage).toContain(spec.type === 'string' ? `--${option} ${spec.value}` : `--${option}`);
      expect(spec.help).not.toBe('');
    }
    const words = entry.usage.replace(/\[[^\]]*\]/g, '').split(/\s+/);
    const placeholders = words.filter((word) => /^[A-Z][A-Z|…]*$/.test(word) && !words[words.indexOf(word) - 1]?.startsWith('--'));
    for (const placeholder of placeholders) expect(Object.keys(command.help.arguments ?? {}).join(' ')).toContain(placeholder);
    expect(command.help.examples.length).toBeGreaterThan(0);
    for (const example of command.help.examples) expect(example).toContain(`latchkey ${name}`);
  });
});
