/**
 * `npm start` where Electron's binary cannot be downloaded: one paragraph saying what happened and what
 * to do, no stack trace. Runs build/start.mjs next to a copy of the electron package without its binary
 * (so the real one, if present, is never used) and a mirror on a closed port, so the download fails
 * here and on any machine.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempFolders } from '../../helpers/temp-folders';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const temps = tempFolders();

function projectWithoutElectronBinary(): string {
  const project = temps('start');
  mkdirSync(join(project, 'build'));
  cpSync(join(ROOT, 'build/start.mjs'), join(project, 'build/start.mjs'));
  const modules = join(project, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(ROOT, 'node_modules')))
    if (name !== 'electron' && name !== '.bin') symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  cpSync(join(ROOT, 'node_modules/electron'), join(modules, 'electron'), { recursive: true });
  rmSync(join(modules, 'electron/path.txt'), { force: true });
  rmSync(join(modules, 'electron/dist'), { recursive: true, force: true });
  return project;
}

describe('npm start without a downloadable Electron', () => {
  it('prints one paragraph with the reason, ELECTRON_MIRROR, the offline way and the CLI, and no stack trace', async () => {
    const project = projectWithoutElectronBinary();
    const { ELECTRON_OVERRIDE_DIST_PATH: _, ...env } = process.env;
    const failure = await promisify(execFile)(process.execPath, ['build/start.mjs'], {
      cwd: project,
      env: { ...env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_CACHE: temps('electron-cache') },
    }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr).toMatch(/^Downloading Electron for the first start .*\nLatchkey could not start: downloading Electron's binary failed \(.+\)\./);
    expect(failure?.stderr).toContain('ELECTRON_MIRROR=');
    expect(failure?.stderr).toContain('ELECTRON_CACHE');
    expect(failure?.stderr).toContain('The command line works without Electron: `node dist/cli/latchkey.cjs --help`.');
    expect(failure?.stderr).not.toMatch(/^\s+at /m);
  });
});
