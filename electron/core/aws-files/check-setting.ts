/**
 * Keys and values Latchkey writes are limited to what every AWS reader reads back unchanged: botocore
 * lower-cases keys and splits a line at its first `=` or `:`; the AWS SDK for JavaScript cuts a value at
 * a `#` or `;` that follows white space and reads an empty value as the start of a nested block; both
 * drop white space at the ends. Messages name the key, never the value, which is often a secret.
 */
import { LatchkeyError } from '../../shared/errors';
import { SPACE } from './ini-sections';

const KEY = /^[a-z0-9_]+$/;
// White space to JavaScript or to Python.
const ANY_SPACE = `[\\s${SPACE}]`;
const EDGE_SPACE = new RegExp(`^${ANY_SPACE}|${ANY_SPACE}$`);
const COMMENT_MARK = new RegExp(`(^|${ANY_SPACE})[#;]`);

/** Checks a key, and its value when one is given (a key being removed has none). */
export function checkSetting(profile: string, key: string, value?: string): void {
  if (!KEY.test(key))
    throw new LatchkeyError(
      'invalid-input',
      `key ${JSON.stringify(key)} for profile ${profile} is not allowed: use lower-case letters, digits and _ (like aws_session_token)`,
    );
  if (value === undefined) return;
  const problem = valueProblem(value);
  if (problem !== undefined) throw new LatchkeyError('invalid-input', `the value for ${key} in profile ${profile} ${problem}`);
}

function valueProblem(value: string): string | undefined {
  if (value === '') return 'is empty (remove the key instead)';
  if (/[\r\n]/.test(value)) return 'contains a line break';
  if (EDGE_SPACE.test(value)) return 'starts or ends with white space, which AWS tools drop';
  if (COMMENT_MARK.test(value)) return 'has # or ; at its start or after a space, which the AWS SDK for JavaScript reads as a comment';
  return undefined;
}
