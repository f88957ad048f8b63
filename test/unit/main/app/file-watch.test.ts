import { renameSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { watchFiles } from '../../../../electron/main/app/file-watch';
import { tempFolders } from '../../../helpers/temp-folders';
import { until } from '../../../helpers/until';

describe('watchFiles', () => {
  const temp = tempFolders();

  it('reports a file replaced by an atomic write, not its neighbours, and skips missing folders', async () => {
    const folder = temp('watch');
    const changed = vi.fn();
    const watcher = watchFiles([join(folder, 'settings.json'), join(folder, 'missing', 'credentials')], changed);
    // A second watcher of the folder, told of every name: libuv hands each event of a folder to all its
    // watchers in the same turn, so once this one has seen a write, watchFiles has seen it too.
    const seen: string[] = [];
    const probe = watch(folder, (_event, name) => seen.push(String(name)));
    try {
      writeFileSync(join(folder, 'other.json'), '{}');
      await until(() => seen.includes('other.json'), 'the write of other.json to be reported');
      expect(changed).not.toHaveBeenCalled();

      writeFileSync(join(folder, '.settings.json.tmp'), '{}');
      renameSync(join(folder, '.settings.json.tmp'), join(folder, 'settings.json'));
      await until(() => seen.includes('settings.json'), 'the rename onto settings.json to be reported');
      // Once for each event about settings.json, and for nothing else the folder saw.
      expect(changed).toHaveBeenCalledTimes(seen.filter((name) => name === 'settings.json').length);
    } finally {
      probe.close();
      watcher.close();
    }
  });
});
