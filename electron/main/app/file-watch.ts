/**
 * Calls `changed` when one of the files changes, whoever wrote it: the settings window, the CLI
 * (`latchkey use`, `latchkey role add`), another tool editing ~/.aws/credentials. Folders are watched,
 * not files, because atomic writes replace a file rather than change it. A folder that does not exist
 * yet is not watched: the tray still catches up on its next refresh.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export function watchFiles(files: readonly string[], changed: () => void): { close(): void } {
  const watchers: FSWatcher[] = [];
  for (const folder of new Set(files.map((file) => dirname(file)))) {
    const names = new Set(files.filter((file) => dirname(file) === folder).map((file) => basename(file)));
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name === null || names.has(name.toString())) changed();
      });
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // Not there (yet): see above.
    }
  }
  return { close: () => watchers.forEach((watcher) => watcher.close()) };
}
