/**
 * Secrets come from stdin when it is not a terminal (a pipe from a password manager) or from a no-echo
 * prompt on the terminal; never from argv or the environment, where other users and logs can see them.
 */
import { LatchkeyError } from '../shared/errors';
import type { Option } from './command';
import { readAll, type Io } from './io';
import { askHidden } from './terminal';

export async function readSecret(io: Io, what: string): Promise<string> {
  const value = io.stdin.isTTY
    ? await askHidden(`${what}: `, new LatchkeyError('no-terminal', `no terminal to ask for the ${what} on: pipe it on stdin`))
    : await readAll(io.stdin);
  const secret = value.trim();
  if (secret === '') throw new LatchkeyError('invalid-input', `no ${what} given: pipe it on stdin or type it at the prompt`);
  return secret;
}

/** An option some people will try (`--secret-access-key`, `--seed`): it gets a clear refusal instead of "unknown option". */
export const SECRET_OPTION: Option = {
  type: 'string',
  refused: 'a secret on the command line is visible to other programs and kept in shell history; pipe it on stdin or type it at the prompt',
};
