/**
 * What `latchkey help` prints: every command (the registry's usage and summary), the commands of a
 * group (`latchkey identity`), or one command with each argument and option and examples (from the
 * command's own file, where its options are declared). The text is a contract: test/unit/cli snapshots it.
 */
import { version } from '../../package.json';
import type { Command, Option } from './command';
import type { CommandEntry } from './commands';

const HELP_OPTION = '-h, --help';

/** `latchkey help`: every command. */
export function fullHelp(commands: Record<string, CommandEntry>): string {
  return [
    `latchkey ${version}: AWS sessions from keys kept in your keychain`,
    '',
    'usage:',
    ...listed(Object.values(commands)),
    '  latchkey --version | help [COMMAND]',
    '',
    '`latchkey help COMMAND` (or `latchkey COMMAND --help`) describes a command: its arguments and options, with examples.',
  ].join('\n');
}

/** `latchkey identity`: what the group manages and its commands. */
export function groupHelp(group: string, summary: string, commands: Record<string, CommandEntry>): string {
  const members = Object.entries(commands).filter(([name]) => name.startsWith(`${group} `));
  return [
    `latchkey ${group}: ${summary}`,
    '',
    'usage:',
    ...listed(members.map(([, entry]) => entry)),
    '',
    `\`latchkey help ${members[0]?.[0] ?? group}\` (or \`latchkey ${members[0]?.[0] ?? group} --help\`) describes one, with its options and examples.`,
  ].join('\n');
}

/** `latchkey help COMMAND`: the usage line, the summary, every argument and option, examples. */
export function commandHelp(entry: CommandEntry, command: Command): string {
  const rows = (entries: [string, string][]) => entries.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
  const argumentRows = Object.entries(command.help.arguments ?? {});
  const optionRows: [string, string][] = [...Object.entries(command.options).map(([name, option]) => optionRow(name, option)), [HELP_OPTION, 'print this help']];
  const width = Math.max(...[...argumentRows, ...optionRows].map(([left]) => left.length));
  return [
    `usage: ${entry.usage}`,
    entry.summary,
    ...(argumentRows.length > 0 ? ['', 'arguments:', ...rows(argumentRows)] : []),
    '',
    'options:',
    ...rows(optionRows),
    '',
    command.help.examples.length === 1 ? 'example:' : 'examples:',
    ...command.help.examples.map((example) => `  ${example}`),
  ].join('\n');
}

function listed(entries: CommandEntry[]): string[] {
  return entries.flatMap((entry) => [`  ${entry.usage}`, `      ${entry.summary}`]);
}

function optionRow(name: string, option: Option): [string, string] {
  if ('refused' in option) return [`--${name}`, `refused: ${option.refused}`];
  if (option.type === 'boolean') return [`--${name}`, option.help];
  const byDefault = option.default === undefined ? '' : ` (default: ${option.default})`;
  return [`--${name} ${option.value}`, `${option.help}${byDefault}, e.g. ${option.example}`];
}
