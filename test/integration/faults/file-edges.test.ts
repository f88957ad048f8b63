/**
 * Issue 11, items 7 and 11: what sits where an AWS file or settings.json should be. Latchkey reads and
 * replaces regular files only, up to a sane size, and refuses what it should not replace; each command
 * ends at once with one line naming the file, and leaves everything as it found it. Before: a FIFO
 * blocked forever holding the lock, a 50 MB file cost 6 s and 1.2 GB, a read-only folder failed after
 * 10 s about `credentials.lock`, and a dangling symlink, a 0444 file and another user's file were
 * replaced without a word.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, openSync, closeSync, ftruncateSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { roleArn } from '../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { mountTmpfs, rootForUseradd, timed, type Disk } from './fault-setup';

/** Each refusal comes before any wait; the command takes what a working one does (~0.5 s here). */
const BOUND_MS = 5_000;
const CONTENT = '# mine\n[other]\nregion = eu-west-1\n';
const notRegular = (path: string, kind: string) =>
  `${path} is not a regular file (it is ${kind}); Latchkey reads and writes only regular files: replace it with one`;

describeWith([keyring, motoComponent], 'files that are not what Latchkey expects', () => {
  let moto: MotoWorld;
  let world: CliWorld;
  let cases = 0;
  beforeAll(async () => {
    moto = await startMotoWorld();
    world = await aliceWorld(moto);
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
    if (world) rmSync(world.home, { recursive: true, force: true });
  });

  /** A folder of its own for one case. */
  const folder = () => {
    const path = join(world.home, `case-${++cases}`);
    mkdirSync(path, { mode: 0o700 });
    return path;
  };
  /** `latchkey publish dev` into `credentials`: it must fail within the bound with exactly `message`. */
  const publishRefused = async (credentials: string, message: string) => {
    const result = await timed(() => world.run(['publish', 'dev'], { env: { AWS_SHARED_CREDENTIALS_FILE: credentials } }));
    expect(result.stderr).toBe(`latchkey publish: ${message}\n`);
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(BOUND_MS);
  };

  it('a FIFO as the credentials file is refused before it is opened, and stays a FIFO', async () => {
    const dir = folder();
    const fifo = join(dir, 'credentials');
    execFileSync('mkfifo', [fifo]);
    await publishRefused(fifo, notRegular(fifo, 'a named pipe (FIFO)'));
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['credentials']); // and no lock left behind
  });

  it('a FIFO as settings.json fails list and role add at once', async () => {
    const home = folder();
    const fifo = join(home, 'settings.json');
    execFileSync('mkfifo', [fifo]);
    for (const args of [['list'], ['role', 'add', 'ops', '--role-arn', roleArn('ops'), '--source', 'alice']]) {
      const result = await timed(() => world.run(args, { env: { LATCHKEY_HOME: home } }));
      expect(result.stderr).toBe(`latchkey ${args.slice(0, args[0] === 'role' ? 2 : 1).join(' ')}: ${notRegular(fifo, 'a named pipe (FIFO)')}\n`);
      expect(result.code).toBe(1);
      expect(result.ms).toBeLessThan(BOUND_MS);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(home)).toEqual(['settings.json']);
  });

  it('a device or a folder as the credentials file is refused', async () => {
    const dir = folder();
    symlinkSync('/dev/zero', join(dir, 'credentials'));
    await publishRefused(join(dir, 'credentials'), notRegular(join(dir, 'credentials'), 'a device'));
    mkdirSync(join(dir, 'folder'));
    await publishRefused(join(dir, 'folder'), notRegular(join(dir, 'folder'), 'a folder'));
    expect(readlinkSync(join(dir, 'credentials'))).toBe('/dev/zero');
    expect(readdirSync(join(dir, 'folder'))).toEqual([]);
  });

  it('a 50 MB credentials file is refused without reading it', async () => {
    const credentials = join(folder(), 'credentials');
    const fd = openSync(credentials, 'w', 0o600);
    ftruncateSync(fd, 50 * 1_048_576); // sparse: no disk, but 50 MB to read
    closeSync(fd);
    await publishRefused(
      credentials,
      `${credentials} is larger than 10 MB (50 MB), more than an AWS file can sensibly hold, so Latchkey does not read it: move it aside or trim it`,
    );
    expect(statSync(credentials).size).toBe(50 * 1_048_576);
  });

  it('a symlink to nothing is refused, not replaced by a regular file', async () => {
    const dir = folder();
    const link = join(dir, 'credentials');
    const target = join(dir, 'dotfiles', 'aws-credentials');
    symlinkSync(target, link);
    await publishRefused(link, `${link} is a symbolic link to ${target}, which does not exist; Latchkey does not replace the link: create that file or remove the link`);
    expect(readlinkSync(link)).toBe(target);
    expect(readdirSync(dir)).toEqual(['credentials']);
  });

  it('a read-only (0444) credentials file is refused, byte-identical and still 0444', async () => {
    const dir = folder();
    const credentials = join(dir, 'credentials');
    writeFileSync(credentials, CONTENT);
    chmodSync(credentials, 0o444);
    await publishRefused(credentials, `${credentials} is read-only (mode 0444); Latchkey does not change its permissions: make it writable (chmod u+w) if it should change`);
    expect(readFileSync(credentials, 'utf8')).toBe(CONTENT);
    expect(statSync(credentials).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['credentials']);
  });

  it('a read-only folder fails at once, naming the folder', async () => {
    // Root ignores folder modes: a read-only mount is what stops it. Anyone else: a 0555 folder.
    const asRoot = process.getuid?.() === 0;
    let disk: Disk | undefined;
    const dir = asRoot ? (disk = mountTmpfs(64 * 1024)).path : folder();
    const credentials = join(dir, 'credentials');
    writeFileSync(credentials, CONTENT, { mode: 0o600 });
    try {
      if (disk) execFileSync('mount', ['-o', 'remount,ro', dir]);
      else chmodSync(dir, 0o555);
      await publishRefused(credentials, `cannot write in ${dir} (${asRoot ? 'read-only file system' : 'permission denied'}), so Latchkey cannot change ${credentials}`);
      expect(readFileSync(credentials, 'utf8')).toBe(CONTENT);
      expect(readdirSync(dir)).toEqual(['credentials']);
    } finally {
      disk?.unmount();
    }
  });

  describeWith([rootForUseradd], 'another user', () => {
    const user = `lk-fault-${process.pid}`;
    let uid: number;
    beforeAll(() => {
      execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', user]);
      uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    });
    afterAll(() => {
      execFileSync('userdel', [user]);
    });

    it("refuses to rewrite a 0666 credentials file owned by another user", async () => {
      const dir = folder();
      chmodSync(dir, 0o777);
      const credentials = join(dir, 'credentials');
      writeFileSync(credentials, CONTENT);
      chownSync(credentials, uid, uid);
      chmodSync(credentials, 0o666);
      await publishRefused(
        credentials,
        `${credentials} belongs to another user (uid ${uid}); Latchkey does not rewrite another user's file: run Latchkey as that user, or give yourself a copy`,
      );
      expect(readFileSync(credentials, 'utf8')).toBe(CONTENT);
      expect(statSync(credentials)).toMatchObject({ uid, gid: uid });
      expect(readdirSync(dir)).toEqual(['credentials']);
    });
  });
});
