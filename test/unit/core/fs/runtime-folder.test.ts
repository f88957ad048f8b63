import { chmod, chown, mkdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ensureRuntimeFolder, runtimeFolder } from '../../../../electron/core/fs/runtime-folder';
import { tempFolders } from '../../../helpers/temp-folders';

describe('runtimeFolder', () => {
  it('uses $XDG_RUNTIME_DIR/latchkey when set to an absolute path', () => {
    expect(runtimeFolder({ XDG_RUNTIME_DIR: '/run/user/1000' }, 'linux')).toBe('/run/user/1000/latchkey');
  });

  it('falls back to latchkey-UID in the temp folder', () => {
    const expected = join(tmpdir(), `latchkey-${process.getuid?.()}`);
    expect(runtimeFolder({}, 'linux')).toBe(expected);
    expect(runtimeFolder({ XDG_RUNTIME_DIR: 'relative/dir' }, 'linux')).toBe(expected);
    expect(runtimeFolder({}, 'darwin')).toBe(expected);
  });

  it('lives under %LOCALAPPDATA% on Windows', () => {
    expect(runtimeFolder({ LOCALAPPDATA: 'C:\\Users\\alice\\AppData\\Local' }, 'win32')).toBe('C:\\Users\\alice\\AppData\\Local\\Latchkey\\run');
  });
});

describe('ensureRuntimeFolder', () => {
  const temp = tempFolders();
  let base: string;
  let env: NodeJS.ProcessEnv;
  let folder: string;
  beforeEach(async () => {
    base = temp('run');
    env = { XDG_RUNTIME_DIR: base };
    folder = join(base, 'latchkey');
  });

  const mode = async (path: string) => (await stat(path)).mode & 0o777;

  it('creates the folder private to the user and returns it', async () => {
    expect(await ensureRuntimeFolder(env, 'linux')).toBe(folder);
    expect(await mode(folder)).toBe(0o700);
    expect(await ensureRuntimeFolder(env, 'linux')).toBe(folder);
  });

  it('closes an existing folder that others could enter', async () => {
    await mkdir(folder);
    await chmod(folder, 0o755);
    await ensureRuntimeFolder(env, 'linux');
    expect(await mode(folder)).toBe(0o700);
  });

  it('refuses a symbolic link or a file in its place', async () => {
    await mkdir(join(base, 'elsewhere'), { mode: 0o700 });
    await symlink(join(base, 'elsewhere'), folder);
    await expect(ensureRuntimeFolder(env, 'linux')).rejects.toThrow(/latchkey is not a folder .*remove it/);
    await rm(folder);
    await writeFile(folder, '');
    await expect(ensureRuntimeFolder(env, 'linux')).rejects.toThrow(/not a folder/);
  });

  it.skipIf(process.getuid?.() !== 0)('refuses a folder that belongs to another user', async () => {
    await mkdir(folder, { mode: 0o700 });
    await chown(folder, 4242, 4242);
    await expect(ensureRuntimeFolder(env, 'linux')).rejects.toThrow(/belongs to another user \(uid 4242, you are 0\)/);
  });
});
