/**
 * One file per command, each exporting a Command: its options, how many names it takes, and `run`.
 * The registry (commands.ts) lists every command's usage and summary and loads the file only when the
 * command runs, so the warm path of `credential-process` loads nothing it does not use.
 */
import type { ParseArgsConfig } from 'node:util';
import { LatchkeyError } from '../shared/errors';
import { check, validateName, validateProfileName } from '../shared/validation';
import type { Io } from './io';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandInput {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  /** Everything after a lone `--` (the command `exec` runs). */
  rest: string[];
}

export interface Command {
  options: Options;
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number };
  /** Whether the command takes a `-- CMD ARGS…` tail. */
  takesRest?: boolean;
  /** Resolves to the process exit code. */
  run(input: CommandInput, io: Io): Promise<number>;
}

/** A mistake in how the command was called: exit code 2 with the usage line. */
export const usageError = (message: string): LatchkeyError => new LatchkeyError('usage', message);

/** The `--as PROFILE` option of the commands that write a session, or its source, into a profile. */
export const AS_PROFILE: Options = { as: { type: 'string' } };

/** `--replace`: the person confirms overwriting what Latchkey did not write (never a long-term key). */
export const REPLACE: Options = { replace: { type: 'boolean' } };

/** NAME and `--as PROFILE` (default: NAME), both checked. */
export function nameAndProfile({ positionals: [name = ''], values }: CommandInput): { name: string; profile: string } {
  check(validateName('name'), name);
  return { name, profile: check(validateProfileName, (values.as as string | undefined) ?? name) };
}
