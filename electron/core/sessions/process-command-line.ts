/**
 * A `credential_process` value: the words that start latchkey (a launcher, or a program and its script),
 * then `credential-process NAME`, each quoted so the AWS tools read it back unchanged. The CLI (naming
 * itself) and the app (naming the launcher it ships) both write it.
 */
import { shellWord } from './shell-word';

export function processCommandLine(latchkey: readonly string[], name: string, platform: NodeJS.Platform = process.platform): string {
  return [...latchkey, 'credential-process', name].map((word) => shellWord(word, platform)).join(' ');
}
