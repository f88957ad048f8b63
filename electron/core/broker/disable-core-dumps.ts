/**
 * A broker host (`latchkey agent`, the app) holds every session in memory for hours: a core dump would
 * write them to disk (one SIGABRT under `ulimit -c unlimited` wrote a 104 MB core with the session token
 * in it 11 times). So a host sets its core-file limit to 0, soft and hard, before it holds anything.
 *
 * Node has no setrlimit or prctl(PR_SET_DUMPABLE). The npm packages that add them are native modules:
 * `posix` compiles with node-gyp at install (a toolchain on every machine, a rebuild for Electron's ABI,
 * no prebuilt binaries), and `posix-node` ships prebuilt binaries but neither call. Re-executing
 * ourselves under `ulimit -c 0` would leave a parent to forward signals and change the agent's pid.
 * util-linux's `prlimit --pid` sets the limit of a running process from outside, and every Linux
 * distribution ships it; elsewhere, and where it is missing, the host checks what its children inherit
 * and says how to turn dumps off. Windows writes no local dumps unless Windows Error Reporting's
 * LocalDumps is set up.
 */
import { spawnSync } from 'node:child_process';

/** Turns core dumps off for this process; returns a one-line warning when they stay on. */
export function disableCoreDumps(platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32') return undefined;
  if (platform === 'linux') spawnSync('prlimit', ['--pid', String(process.pid), '--core=0:0'], { stdio: 'ignore', timeout: 5_000 });
  // A child inherits our limits: the shell's `ulimit -c` is ours, on Linux and macOS alike.
  const limit = spawnSync('/bin/sh', ['-c', 'ulimit -c'], { encoding: 'utf8', timeout: 5_000 }).stdout?.trim();
  if (limit === '0') return undefined;
  return `core dumps are on (ulimit -c is ${limit || 'unknown'}), so a crash would write the sessions held in memory to disk; run \`ulimit -c 0\` before starting it`;
}
