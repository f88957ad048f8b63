import { LatchkeyError } from '../../shared/errors';

/**
 * A word the AWS CLI (which splits credential_process like a POSIX shell, or like the Windows command
 * line there) and the JS SDK (which runs it through /bin/sh or cmd.exe) read back unchanged: quoted
 * only when it must be, and refused when it holds characters that mean something inside double quotes.
 */
export function shellWord(word: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  const special = platform === 'win32' ? /["\n]/ : /["$`\\\n]/;
  if (special.test(word))
    throw new LatchkeyError('invalid-input', `cannot write a credential_process command for the path ${JSON.stringify(word)}: it contains a quote or a character the shell would expand`);
  return `"${word}"`;
}
