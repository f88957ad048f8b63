import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { watchFiles } from '../../../../electron/main/app/file-watch';

describe('watchFiles', () => {
  it('reports a file replaced by an atomic write, not its neighbours, and skips missing folders', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'latchkey-watch-'));
    const changed = vi.fn();
    const watcher = watchFiles([join(folder, 'settings.json'), join(folder, 'missing', 'credentials')], changed);
    try {
      writeFileSync(join(folder, 'other.json'), '{}');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(changed).not.toHaveBeenCalled();
      writeFileSync(join(folder, '.settings.json.tmp'), '{}');
      renameSync(join(folder, '.settings.json.tmp'), join(folder, 'settings.json'));
      await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    } finally {
      watcher.close();
    }
  });
});
