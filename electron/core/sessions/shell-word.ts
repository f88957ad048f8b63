import { LatchkeyError } from '../../shared/errors';

/**
 * A word of a `credential_process` line that every AWS tool reads back unchanged, quoted only when it
 * must be, or a refusal naming the word.
 *
 * POSIX: the AWS CLI splits the line like a POSIX shell (shlex) and the JS SDK runs it through /bin/sh,
 * so a word is double-quoted, and refused if it holds what means something inside double quotes.
 *
 * Windows: the AWS CLI splits the line with the C runtime's rules (botocore's compat_shell_split) and
 * runs the program without a shell; the JS SDK hands the line to `cmd.exe /d /s /c`, which expands
 * `%NAME%` for any NAME that is set — inside double quotes too — and leaves `&`, `^`, `|`, `<`, `>` alone
 * only inside them. No escape means the same to both readers (cmd's `^` is a literal to the AWS CLI), so
 * the word is quoted piece by piece around each `%`, which stays bare: `C:\a%b` becomes `"C:\a"%"b"`.
 * Every `%` is then followed by a quote, so the only names cmd could expand start with `"`, which no
 * variable's name does; both readers join the pieces back into one word. Backslashes before a closing
 * quote are doubled, as the C runtime's rules want. Refused: `"` and line breaks (which no path holds),
 * and `!`, which cmd.exe removes when delayed expansion is on (a registry setting) and no quoting keeps.
 */
export function shellWord(word: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return windowsWord(word);
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  if (/["$`\\\n]/.test(word)) throw refused(word, 'it contains a quote or a character the shell would expand');
  return `"${word}"`;
}

function windowsWord(word: string): string {
  if (/^[\w@+:./-]+$/.test(word)) return word;
  if (/["\r\n\0]/.test(word)) throw refused(word, 'it contains a quote or a line break');
  if (word.includes('!')) throw refused(word, 'cmd.exe, which the AWS SDKs run it through, removes "!" when delayed expansion is on; use a path without "!"');
  return word
    .split('%')
    .map((piece) => `"${piece.replace(/\\+$/, '$&$&')}"`)
    .join('%');
}

/** The refusal for a word (`what`: how to name it). */
export const refused = (word: string, why: string, what = 'the path'): LatchkeyError =>
  new LatchkeyError('invalid-input', `cannot write a credential_process command for ${what} ${JSON.stringify(word)}: ${why}`);
