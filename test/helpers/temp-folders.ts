/**
 * Temp folders for a suite. Call `const temp = tempFolders()` at the top of a test file or a describe:
 * each `temp('name')` is a fresh, empty folder `latchkey-name-XXXXXX` under the OS temp folder, and
 * all of them are removed once that suite has run (passed or not).
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A fresh folder under the OS temp folder that no suite hook removes: for helpers made outside one (cliWorld, Chromium). */
export function makeTempFolder(name: string): string {
  return mkdtempSync(join(tmpdir(), `latchkey-${name}-`));
}

export function tempFolders(): (name: string) => string {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return (name) => {
    const folder = makeTempFolder(name);
    made.push(folder);
    return folder;
  };
}
