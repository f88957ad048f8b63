import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAwsText } from '../../../../electron/core/aws-files/load-aws-text';
import { tempFolders } from '../../../helpers/temp-folders';

const temp = tempFolders();

describe('loadAwsText', () => {
  it('gives the same bytes the very same text, and new bytes of the same length their own', async () => {
    const path = join(temp('load'), 'credentials');
    await writeFile(path, '[a]\nk = 1\n');
    const first = await loadAwsText(path);
    expect(first).toBe('[a]\nk = 1\n');
    expect(await loadAwsText(path)).toBe(first);
    await writeFile(path, '[b]\nk = 2\n');
    expect(await loadAwsText(path)).toBe('[b]\nk = 2\n');
    // Shorter after longer: the buffer of the read before holds more than this file.
    await writeFile(path, '[b]\n');
    expect(await loadAwsText(path)).toBe('[b]\n');
    await writeFile(path, `[c]\n${'k = v\n'.repeat(2000)}`);
    expect(await loadAwsText(path)).toBe(`[c]\n${'k = v\n'.repeat(2000)}`);
  });

  it('reads files side by side, each into memory of its own', async () => {
    const folder = temp('load');
    const texts = Array.from({ length: 6 }, (_, i) => `[p${i}]\n${`k${i} = ${i}\n`.repeat(100 * (i + 1))}`);
    await Promise.all(texts.map((text, i) => writeFile(join(folder, `f${i}`), text)));
    for (let round = 0; round < 3; round++) expect(await Promise.all(texts.map((_, i) => loadAwsText(join(folder, `f${i}`))))).toEqual(texts);
  });

  it('reads a missing file as empty, and refuses bytes that are not UTF-8, naming the file', async () => {
    const folder = temp('load');
    expect(await loadAwsText(join(folder, 'missing'))).toBe('');
    await writeFile(join(folder, 'latin1'), Buffer.from([0x5b, 0x61, 0x5d, 0x0a, 0xe9, 0x0a]));
    await expect(loadAwsText(join(folder, 'latin1'))).rejects.toThrow(`${join(folder, 'latin1')} is not valid UTF-8 text`);
    await writeFile(join(folder, 'ok'), '[a]\n');
    expect(await loadAwsText(join(folder, 'ok'))).toBe('[a]\n');
  });
});
