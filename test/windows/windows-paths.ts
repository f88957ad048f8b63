/**
 * Windows paths holding what cmd.exe or the C runtime's splitting would read as their own: each is
 * either written into a credential_process line that both read back (the JS SDK through cmd.exe:
 * windows.test.ts; the AWS CLI through botocore: test/unit/core/sessions/shell-word.test.ts) or refused
 * with its reason. Folder names only (no drive or separators), so the Wine suite can make each one;
 * none holds what Windows forbids in a name (`<>:"/\|?*`).
 */
import { execFileSync } from 'node:child_process';

export const WINDOWS_FOLDERS: readonly { folder: string; refused?: RegExp }[] = [
  { folder: 'Program Files (x86)' },
  { folder: 'a&b' },
  { folder: 'a^b' },
  { folder: '%OS%' },
  { folder: '50% of 100%' },
  { folder: 'Zoë Ünal 山田' },
  { folder: 'wow!', refused: /removes "!" when delayed expansion is on/ },
];

/** botocore's compat_shell_split(line, 'win32'): how the AWS CLI splits credential_process on Windows. */
export function botocoreWindowsSplit(lines: readonly string[]): string[][] {
  const script = 'import json, sys\nfrom botocore.compat import compat_shell_split\nprint(json.dumps([compat_shell_split(l, "win32") for l in json.load(sys.stdin)]))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(lines), encoding: 'utf8' })) as string[][];
}
