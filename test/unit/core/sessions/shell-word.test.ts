import { describe, expect, it } from 'vitest';
import { processCommandLine } from '../../../../electron/core/sessions/process-command-line';
import { shellWord } from '../../../../electron/core/sessions/shell-word';
import { botocore } from '../../../helpers/components';
import { describeWith } from '../../../helpers/needs';
import { botocoreWindowsSplit, WINDOWS_FOLDERS } from '../../../windows/windows-paths';

describe('shellWord', () => {
  it('leaves plain paths alone and quotes paths with spaces', () => {
    expect(shellWord('/usr/bin/node', 'linux')).toBe('/usr/bin/node');
    expect(shellWord('/Applications/My Tools/node', 'darwin')).toBe('"/Applications/My Tools/node"');
    expect(shellWord('C:\\Program Files\\nodejs\\node.exe', 'win32')).toBe('"C:\\Program Files\\nodejs\\node.exe"');
    expect(shellWord('C:\\Users\\alice\\latchkey.cmd', 'win32')).toBe('"C:\\Users\\alice\\latchkey.cmd"');
  });

  it('refuses what a shell would expand or what would end the quotes', () => {
    for (const [word, platform] of [
      ['/home/a"b/node', 'linux'],
      ['/home/$USER/node', 'linux'],
      ['/home/`id`/node', 'linux'],
      ['/home/a\\b/node', 'linux'],
      ['C:\\a"b\\node.exe', 'win32'],
      ['C:\\a\nb\\node.exe', 'win32'],
      ['C:\\a!b\\node.exe', 'win32'],
    ] as const)
      expect(() => shellWord(word, platform)).toThrow(/cannot write a credential_process command/);
  });

  it('on Windows, leaves every % bare and followed by a quote, so cmd.exe finds no variable to expand', () => {
    expect(shellWord('C:\\Users\\%OS%\\node.exe', 'win32')).toBe('"C:\\Users\\\\"%"OS"%"\\node.exe"');
    expect(shellWord('dev%OS%', 'win32')).toBe('"dev"%"OS"%""');
    expect(shellWord('100%', 'win32')).toBe('"100"%""');
    // A % or a name with one stays out of the bare form, as do = and , (cmd.exe ends a command's name there).
    expect(shellWord('a=b,c', 'win32')).toBe('"a=b,c"');
    expect(shellWord('dev', 'win32')).toBe('dev');
  });

  it('on Windows, doubles backslashes before a closing quote, as the C runtime reads them', () => {
    expect(shellWord('C:\\my tools\\', 'win32')).toBe('"C:\\my tools\\\\"');
    expect(shellWord('C:\\a\\%b', 'win32')).toBe('"C:\\a\\\\"%"b"');
  });
});

describe('processCommandLine', () => {
  it('refuses cmd.exe specials around a .cmd launcher, which Windows starts through cmd.exe for every caller', () => {
    expect(processCommandLine(['C:\\Users\\Zoë Ünal\\latchkey.cmd'], 'dev', 'win32')).toBe('"C:\\Users\\Zoë Ünal\\latchkey.cmd" credential-process dev');
    expect(() => processCommandLine(['C:\\Users\\a&b\\latchkey.cmd'], 'dev', 'win32')).toThrow(
      'cannot write a credential_process command for the path "C:\\\\Users\\\\a&b\\\\latchkey.cmd": Windows runs the .cmd launcher through cmd.exe, which would read a %, ^ or & in it as its own; use a folder and a name without them',
    );
    expect(() => processCommandLine(['C:\\Latchkey\\latchkey.CMD'], 'dev%OS%', 'win32')).toThrow(/for the name "dev%OS%"/);
    // node.exe and a script are started without cmd.exe by the AWS CLI: their specials are quoted instead.
    expect(processCommandLine(['C:\\a&b\\node.exe', 'C:\\a&b\\latchkey.cjs'], 'dev', 'win32')).toBe('"C:\\a&b\\node.exe" "C:\\a&b\\latchkey.cjs" credential-process dev');
  });
});

describeWith([botocore], 'credential_process lines on Windows, as the AWS CLI splits them (botocore compat_shell_split)', () => {
  it('every path in the table comes back as it was, or is refused with its reason', () => {
    const paths = WINDOWS_FOLDERS.map(({ folder, refused }) => ({ path: `C:\\Users\\${folder}\\latchkey.cjs`, refused }));
    for (const { path, refused } of paths) if (refused) expect(() => shellWord(path, 'win32')).toThrow(refused);
    const written = paths.filter(({ refused }) => refused === undefined).map(({ path }) => path);
    // Backslashes that meet a closing quote: at the end, and before a %.
    written.push('C:\\Users\\%%OS%%\\', 'C:\\a\\\\%b');
    const lines = written.map((path) => processCommandLine(['C:\\Program Files\\nodejs\\node.exe', path], 'dev%OS%', 'win32'));
    expect(botocoreWindowsSplit(lines)).toEqual(written.map((path) => ['C:\\Program Files\\nodejs\\node.exe', path, 'credential-process', 'dev%OS%']));
  });
});
