/**
 * One file per command, each exporting a Command: its options (each with its help), how many names it
 * takes, its help, and `run`. The registry (commands.ts) lists every command's usage and summary and
 * loads the file only when the command runs or its help is asked for, so the warm path of
 * `credential-process` loads nothing it does not use.
 */
import { LatchkeyError } from '../shared/errors';
import { check, validateName, validateProfileName } from '../shared/validation';
import type { Io } from './io';

/** An option: how it is read (parseArgs' `type` and `default`), and what `latchkey help COMMAND` says of it. */
export type Option =
  | { type: 'boolean'; default?: boolean; help: string }
  | {
      type: 'string';
      default?: string;
      /** What the value stands for in the help: ARN, SECONDS… */
      value: string;
      help: string;
      /** A value a person might give, shown as `e.g. …`. */
      example: string;
    }
  /** One people will try, declared so that it is refused with this reason rather than as unknown (a secret in argv). */
  | { type: 'string'; refused: string };

export type Options = Record<string, Option>;

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
  /** What `latchkey help COMMAND` adds to the usage line: what each argument is, and the command in use. */
  help: { arguments?: Record<string, string>; examples: string[] };
  /** Resolves to the process exit code. */
  run(input: CommandInput, io: Io): Promise<number>;
}

/** A mistake in how the command was called: exit code 2 with the usage line. */
export const usageError = (message: string): LatchkeyError => new LatchkeyError('usage', message);

/** The `--as PROFILE` option of the commands that write a session, or its source, into a profile. */
export const AS_PROFILE: Options = {
  as: { type: 'string', value: 'PROFILE', help: 'the profile to write, when it is not NAME', example: 'dev-keys' },
};

/** `--replace`: the person confirms overwriting what Latchkey did not write (never a long-term key). */
export const REPLACE: Options = {
  replace: {
    type: 'boolean',
    help: 'write over what another tool or you put in that profile (SSO, role_arn, credential_process, session keys); never over a long-term key',
  },
};

/** NAME and `--as PROFILE` (default: NAME), both checked. */
export function nameAndProfile({ positionals: [name = ''], values }: CommandInput): { name: string; profile: string } {
  check(validateName('name'), name);
  return { name, profile: check(validateProfileName, (values.as as string | undefined) ?? name) };
}
