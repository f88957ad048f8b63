/**
 * A `credential_process` value: the words that start latchkey (a launcher, or a program and its script),
 * then `credential-process NAME`, each quoted so the AWS tools read it back unchanged. The CLI (naming
 * itself) and the app (naming the launcher it ships) both write it.
 */
import { refused, shellWord } from './shell-word';

export function processCommandLine(latchkey: readonly string[], name: string, platform: NodeJS.Platform = process.platform): string {
  const words = [...latchkey, 'credential-process', name];
  if (platform === 'win32' && /\.(cmd|bat)$/i.test(latchkey[0] ?? '')) {
    // Windows starts a batch file through cmd.exe even for the AWS CLI, which runs the line without a
    // shell: Python quotes each word for the C runtime (only when it holds a space), not for cmd.exe, so
    // there cmd would read `&` as a second command, drop `^`, and expand `%NAME%`. (Names cannot hold
    // cmd's other specials, and Windows paths cannot hold `<`, `>` or `|`.)
    const special = words.find((word) => /[%^&]/.test(word));
    if (special !== undefined)
      throw refused(
        special,
        'Windows runs the .cmd launcher through cmd.exe, which would read a %, ^ or & in it as its own; use a folder and a name without them',
        special === name ? 'the name' : 'the path',
      );
  }
  return words.map((word) => shellWord(word, platform)).join(' ');
}
