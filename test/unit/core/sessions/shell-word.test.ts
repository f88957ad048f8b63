import { describe, expect, it } from 'vitest';
import { shellWord } from '../../../../electron/core/sessions/shell-word';

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
    ] as const)
      expect(() => shellWord(word, platform)).toThrow(/cannot write a credential_process command/);
  });
});
