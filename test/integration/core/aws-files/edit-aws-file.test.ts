import { chmod, lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsFilePath } from '../../../../electron/core/aws-files/aws-file-path';
import { editAwsFile } from '../../../../electron/core/aws-files/edit-aws-file';
import { readAwsFile } from '../../../../electron/core/aws-files/read-aws-file';
import { tempFolders } from '../../../helpers/temp-folders';

const mode = async (path: string) => (await stat(path)).mode & 0o777;
const publish = (file: Parameters<Parameters<typeof editAwsFile>[2]>[0]) => file.setKeys('dev', { region: 'eu-west-1' });

describe('editAwsFile on a real file system', () => {
  const temp = tempFolders();
  let home: string;
  beforeEach(async () => {
    home = temp('home');
  });

  it('creates a missing ~/.aws 0700 and the file 0600', async () => {
    const path = awsFilePath('credentials', {}, home);
    expect(await editAwsFile(path, 'credentials', publish)).toBe(true);
    expect(await mode(join(home, '.aws'))).toBe(0o700);
    expect(await mode(path)).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('[dev]\nregion = eu-west-1\n');
  });

  it('creates the folders of AWS_CONFIG_FILE too', async () => {
    const path = awsFilePath('config', { AWS_CONFIG_FILE: '~/deep/er/config' }, home);
    await editAwsFile(path, 'config', publish);
    expect(await mode(join(home, 'deep', 'er'))).toBe(0o700);
    expect(await readAwsFile(path, 'config')).toEqual({ dev: { region: 'eu-west-1' } });
  });

  it('keeps an existing file mode (0640)', async () => {
    const path = join(home, 'credentials');
    await writeFile(path, '[other]\nk = v\n');
    await chmod(path, 0o640);
    await editAwsFile(path, 'credentials', publish);
    expect(await mode(path)).toBe(0o640);
    expect(await readFile(path, 'utf8')).toBe('[other]\nk = v\n\n[dev]\nregion = eu-west-1\n');
  });

  it('writes through a symlinked credentials file, keeping the link', async () => {
    const dotfiles = join(home, 'dotfiles');
    await mkdir(dotfiles);
    await mkdir(join(home, '.aws'));
    const real = join(dotfiles, 'aws-credentials');
    const link = join(home, '.aws', 'credentials');
    await writeFile(real, '[other]\nk = v\n', { mode: 0o600 });
    await symlink(real, link);
    await editAwsFile(link, 'credentials', publish);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe('[other]\nk = v\n\n[dev]\nregion = eu-west-1\n');
    expect(await mode(real)).toBe(0o600);
  });

  it('does not write when the bytes would not change, nor create a file for nothing', async () => {
    const path = join(home, 'credentials');
    await writeFile(path, '[dev]\r\nregion = eu-west-1\r\n');
    const before = await stat(path);
    expect(await editAwsFile(path, 'credentials', publish)).toBe(false);
    const after = await stat(path);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);

    const missing = join(home, 'config');
    expect(await editAwsFile(missing, 'config', (file) => file.removeProfile('dev'))).toBe(false);
    await expect(stat(missing)).rejects.toThrow(/ENOENT/);
  });

  it('reads a missing file as no profiles', async () => {
    expect(await readAwsFile(join(home, 'nothing'), 'credentials')).toEqual({});
  });
});
