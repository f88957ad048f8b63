/**
 * The `latchkey` command line: finds the command, parses its arguments, runs it, and turns
 * any failure into a one-line reason on stderr. Exit codes: 0 ok, 1 failure, 2 usage.
 */
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { describeError, isLatchkeyError } from '../shared/errors';
import { usageError, type Command, type CommandInput } from './command';
import { COMMANDS, type CommandEntry } from './commands';
import { print, type Io } from './io';

const commandHelp = (entry: CommandEntry): string => `usage: ${entry.usage}\n${entry.summary}`;

function helpText(): string {
  const lines = Object.values(COMMANDS).flatMap((entry) => [`  ${entry.usage}`, `      ${entry.summary}`]);
  return [`latchkey ${version}: AWS sessions from keys kept in your keychain`, '', 'usage:', ...lines, '  latchkey --version | help [COMMAND]'].join('\n');
}

interface Found {
  name: string;
  entry: CommandEntry;
  args: string[];
}

/** Commands are one word or two ("identity add"). */
function findCommand(argv: string[]): Found | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const entry = COMMANDS[name];
    if (entry) return { name, entry, args: argv.slice(words) };
  }
  return undefined;
}

function parseInput(command: Command, args: string[]): CommandInput {
  const split = command.takesRest ? args.indexOf('--') : -1;
  const own = split === -1 ? args : args.slice(0, split);
  const rest = split === -1 ? [] : args.slice(split + 1);
  if (command.takesRest && rest.length === 0) throw usageError('give the command to run after --');
  const { positionals, values } = parseOwn(command, own);
  if (positionals.length < command.positionals.min) throw usageError('missing argument');
  if (positionals.length > command.positionals.max) throw usageError(`unexpected argument "${positionals[command.positionals.max]}"`);
  return { positionals, values, rest };
}

function parseOwn(command: Command, args: string[]): Pick<CommandInput, 'positionals' | 'values'> {
  // Plain words and no defaults to fill in: parseArgs would return them as they are, and loading it costs
  // the warm path of `credential-process NAME` half a millisecond.
  if (args.every((arg) => !arg.startsWith('-')) && Object.values(command.options).every((option) => option.default === undefined))
    return { positionals: args, values: {} };
  try {
    const { positionals, values } = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
    return { positionals, values: values as CommandInput['values'] };
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [first] = argv;
  if (first === '--version' || first === '-v') {
    print(io.stdout, version);
    return 0;
  }
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    const found = argv[1] ? findCommand(argv.slice(1)) : undefined;
    print(io.stdout, found ? commandHelp(found.entry) : helpText());
    return first === undefined ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    print(io.stderr, `latchkey: unknown command "${argv.slice(0, 2).join(' ')}"; see \`latchkey help\``);
    return 2;
  }
  const { name, entry, args } = found;
  if (args.includes('--help') || args.includes('-h')) {
    print(io.stdout, commandHelp(entry));
    return 0;
  }
  try {
    const command = await entry.load();
    return await command.run(parseInput(command, args), io);
  } catch (error) {
    if (isLatchkeyError(error) && error.code === 'usage') {
      print(io.stderr, `latchkey ${name}: ${error.message}\nusage: ${entry.usage}`);
      return 2;
    }
    print(io.stderr, `latchkey ${name}: ${describeError(error)}`);
    return 1;
  }
}
