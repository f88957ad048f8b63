/**
 * `npm start` after the build: runs the app with Electron. The electron package fetches its binary on
 * first use (about 100 MB from GitHub); when that fails, one paragraph says what happened and what to do,
 * instead of the downloader's stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronFolder = dirname(require.resolve('electron/package.json'));

function installed() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = join(electronFolder, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronFolder, 'dist', readFileSync(pathFile, 'utf8')));
}

if (!installed()) {
  process.stderr.write('Downloading Electron for the first start (about 100 MB; later starts skip this)…\n');
  const download = spawnSync(process.execPath, [join(electronFolder, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (download.status !== 0) {
    // The downloader prints a stack; its first line is the reason ("RequestError: getaddrinfo ENOTFOUND github.com").
    const reason = `${download.stderr}${download.stdout}`.split('\n').find((line) => line.trim() !== '')?.trim() ?? `exit status ${download.status}`;
    process.stderr.write(
      [
        `Latchkey could not start: downloading Electron's binary failed (${reason}).`,
        'The desktop app needs it, and the first `npm start` fetches it from GitHub.',
        'Behind a firewall or proxy, point ELECTRON_MIRROR at a mirror you can reach (for example',
        '`ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start`); offline, put the electron-v*.zip',
        "for your platform into Electron's cache folder (ELECTRON_CACHE) and run `npm start` again.",
        'The command line works without Electron: `node dist/cli/latchkey.cjs --help`.',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
}

const child = spawn(require('electron'), ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
