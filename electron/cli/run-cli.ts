/**
 * The `latchkey` command line: finds the command, parses its arguments, runs it, and turns any failure
 * into a one-line reason on stderr. Exit codes: 0 ok, 1 failure, 2 usage. A word that names no command
 * gets a did-you-mean; a group's first word alone (`latchkey identity`) lists the group's commands.
 */
import { version } from '../../package.json';
import { describeError, isLatchkeyError } from '../shared/errors';
import { didYouMean } from './did-you-mean';
import { COMMANDS, GROUPS, type CommandEntry } from './commands';
import { commandHelp, fullHelp, groupHelp } from './help';
import { parseInput } from './parse-input';
import { print, type Io } from './io';

const HELP = ['--help', '-h'];
const VERSION = ['--version', '-v'];

type Found =
  | { kind: 'command'; name: string; entry: CommandEntry; args: string[] }
  | { kind: 'group'; group: string; summary: string; args: string[] }
  | { kind: 'unknown'; message: string };

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [first, ...after] = argv;
  if (first !== undefined && VERSION.includes(first)) {
    print(io.stdout, version);
    return 0;
  }
  if (first === undefined) {
    print(io.stdout, fullHelp(COMMANDS));
    return 2;
  }
  if (first === 'help' || HELP.includes(first)) return help(after, io);
  const found = findCommand(argv);
  if (found.kind === 'unknown') return unknown(found, io);
  // Options before a `--` are latchkey's; after it they belong to the command `exec` runs.
  const own = found.args.includes('--') ? found.args.slice(0, found.args.indexOf('--')) : found.args;
  const helpAsked = own.some((arg) => HELP.includes(arg));
  if (found.kind === 'group') {
    print(io.stdout, groupHelp(found.group, found.summary, COMMANDS));
    return helpAsked ? 0 : 2;
  }
  const { name, entry, args } = found;
  try {
    const command = await entry.load();
    if (helpAsked) {
      print(io.stdout, commandHelp(entry, command));
      return 0;
    }
    return await command.run(parseInput(command, args), io);
  } catch (error) {
    if (isLatchkeyError(error) && error.code === 'usage') {
      print(io.stderr, `latchkey ${name}: ${error.message}\nusage: ${entry.usage}\nsee \`latchkey help ${name}\` for every option, with examples`);
      return 2;
    }
    print(io.stderr, `latchkey ${name}: ${describeError(error)}`);
    return 1;
  }
}

/** `latchkey help [COMMAND]`: the help asked for, or exit 2 with a did-you-mean for a command that does not exist. */
async function help(words: string[], io: Io): Promise<number> {
  // `latchkey help -h`, `latchkey --help role add --json`: the options are not the topic.
  const topic = words.filter((word) => !word.startsWith('-'));
  if (topic.length === 0 || (topic.length === 1 && topic[0] === 'help')) {
    print(io.stdout, fullHelp(COMMANDS));
    return 0;
  }
  const found = findCommand(topic);
  if (found.kind === 'unknown') return unknown(found, io);
  if (found.kind === 'group') print(io.stdout, groupHelp(found.group, found.summary, COMMANDS));
  else print(io.stdout, commandHelp(found.entry, await found.entry.load()));
  return 0;
}

function unknown({ message }: { message: string }, io: Io): number {
  print(io.stderr, `latchkey: ${message}`);
  return 2;
}

/** Commands are one word or two ("identity add"); a group's word alone, or with options only, is the group. */
function findCommand(argv: string[]): Found {
  const [first = '', second] = argv;
  const summary = GROUPS[first];
  if (summary !== undefined) {
    if (second === undefined || second.startsWith('-')) return { kind: 'group', group: first, summary, args: argv.slice(1) };
    const name = `${first} ${second}`;
    const entry = COMMANDS[name];
    if (entry) return { kind: 'command', name, entry, args: argv.slice(2) };
    const members = Object.keys(COMMANDS).filter((command) => command.startsWith(`${first} `));
    return { kind: 'unknown', message: unknownMessage(`unknown command "${name}"`, didYouMean(name, members), ` ${first}`) };
  }
  const entry = COMMANDS[first];
  if (entry) return { kind: 'command', name: first, entry, args: argv.slice(1) };
  if (first.startsWith('-')) return { kind: 'unknown', message: unknownMessage(`unknown option ${first}`, didYouMean(first, ['--version', '--help'], (o) => o)) };
  return { kind: 'unknown', message: unknownMessage(`unknown command "${first}"`, suggestCommand(first, second)) };
}

/** `unknown command "lst"; did you mean "list"? See `latchkey help``, or without a suggestion `…; see `latchkey help``. */
function unknownMessage(what: string, suggestion: string, topic = ''): string {
  return `${what}${suggestion}${suggestion ? ' See' : '; see'} \`latchkey help${topic}\``;
}

/**
 * What a mistyped first word was probably meant to be: a one-word command, or a group, with the second
 * word when that makes a command (`identiy add` → "identity add").
 */
function suggestCommand(first: string, second: string | undefined): string {
  const words = [...Object.keys(GROUPS), ...Object.keys(COMMANDS).filter((name) => !name.includes(' ')), 'help'];
  return didYouMean(first, words, (word) => `"${GROUPS[word] !== undefined && COMMANDS[`${word} ${second}`] ? `${word} ${second}` : word}"`);
}
