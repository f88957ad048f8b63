/**
 * A command's arguments, read against its options. Node's parseArgs splits them into tokens; every
 * mistake is then said here, in Latchkey's words and with a did-you-mean, rather than in parseArgs'
 * ("Unknown option '--role-ar'. To specify a positional argument starting with a '-', place it at the
 * end of the command after '--'…").
 */
import { parseArgs } from 'node:util';
import { usageError, type Command, type CommandInput, type Options } from './command';
import { didYouMean } from './did-you-mean';

export function parseInput(command: Command, args: string[]): CommandInput {
  const split = command.takesRest ? args.indexOf('--') : -1;
  const own = split === -1 ? args : args.slice(0, split);
  const rest = split === -1 ? [] : args.slice(split + 1);
  const { positionals, values } = parseOwn(command.options, own);
  if (command.takesRest && rest.length === 0) throw usageError('give the command to run after --');
  if (positionals.length < command.positionals.min) throw usageError('missing argument');
  if (positionals.length > command.positionals.max) throw usageError(`unexpected argument "${positionals[command.positionals.max]}"`);
  return { positionals, values, rest };
}

function parseOwn(options: Options, args: string[]): Pick<CommandInput, 'positionals' | 'values'> {
  // Plain words and no defaults to fill in: parseArgs would return them as they are, and loading it costs
  // the warm path of `credential-process NAME` half a millisecond.
  if (args.every((arg) => !arg.startsWith('-')) && Object.values(options).every((option) => !('default' in option) || option.default === undefined))
    return { positionals: args, values: {} };
  // Not strict: its errors are parseArgs' words. The tokens say what each argument was, and are checked below.
  const { positionals, values, tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (option === undefined) {
      const known = Object.keys(options);
      throw usageError(
        known.length === 0
          ? `unknown option ${token.rawName}: this command takes none`
          : `unknown option ${token.rawName}${didYouMean(token.name, known, (name) => `--${name}`)}`,
      );
    }
    if ('refused' in option) throw usageError(`${token.rawName} is refused: ${option.refused}`);
    if (option.type === 'boolean' && token.value !== undefined) throw usageError(`${token.rawName} takes no value`);
    if (option.type === 'string') {
      if (token.value === undefined) throw usageError(`${token.rawName} needs a value (${option.value}), e.g. ${token.rawName} ${option.example}`);
      // What parseArgs' strict mode calls ambiguous: `--as --replace` is a forgotten value more often than a profile named "--replace".
      if (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-'))
        throw usageError(`${token.rawName} needs a value (${option.value}), not ${token.value}; a value that starts with "-" is written ${token.rawName}=${token.value}`);
    }
  }
  return { positionals, values: values as CommandInput['values'] };
}

