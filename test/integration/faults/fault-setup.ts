/**
 * What the fault suites need beyond the usual components: root, to mount small tmpfs disks (a real
 * full disk) and to make a second user. CI runs as root; elsewhere these suites skip loudly.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmdirSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Component } from '../../helpers/needs';

const isRoot = () => process.getuid?.() === 0;

export const rootForTmpfs: Component = {
  name: 'root for tmpfs mounts',
  get problem() {
    return isRoot() ? '' : `running as uid ${process.getuid?.()}, and only root may mount a tmpfs (CI runs as root)`;
  },
  install: 'run the tests as root',
};

export const rootForUseradd: Component = {
  name: 'root with useradd, for a second user',
  get problem() {
    if (!isRoot()) return `running as uid ${process.getuid?.()}, and only root may add a user (CI runs as root)`;
    const probe = spawnSync('useradd', ['--help'], { encoding: 'utf8' });
    return probe.error ? probe.error.message : '';
  },
  install: 'run the tests as root on a system with useradd (apt-get install passwd)',
};

export interface Disk {
  path: string;
  /** Fills the disk until exactly `bytes` (a multiple of the 4 KB page) are free. */
  leaveFree(bytes: number): void;
  free(): number;
  resize(size: number): void;
  unmount(): void;
}

/** A real, tiny disk: a tmpfs of `size` bytes. */
export function mountTmpfs(size: number): Disk {
  const path = mkdtempSync(join(tmpdir(), 'latchkey-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', path]);
  const free = () => {
    const info = statfsSync(path);
    return info.bavail * info.bsize;
  };
  return {
    path,
    free,
    leaveFree(bytes) {
      writeFileSync(join(path, 'filler'), Buffer.alloc(free() - bytes, 0x2e));
      if (free() !== bytes) throw new Error(`could not leave ${bytes} bytes free on ${path}: ${free()} are`);
    },
    resize(size) {
      execFileSync('mount', ['-o', `remount,size=${size}`, path]);
    },
    unmount() {
      execFileSync('umount', [path]);
      rmdirSync(path);
    },
  };
}

/** A command's result with how long it took. */
export async function timed<T>(work: () => Promise<T>): Promise<T & { ms: number }> {
  const started = performance.now();
  const result = await work();
  return { ...result, ms: performance.now() - started };
}
