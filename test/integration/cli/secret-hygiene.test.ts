/**
 * Secrets stay in the keychain: through a whole session of use — setup, credential_process, publish,
 * exec, the agent — the long-term secret and the TOTP seed never appear in any process's argv or in
 * any file under HOME, LATCHKEY_HOME, the runtime folder or the temp folder.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceSteps, CLI, cliWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';

// Made at run time: a seed written in this file would be found in the test's own compiled copy.
const SEED = Array.from(randomBytes(32), (byte) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[byte % 32]).join('');

/** Every readable regular file below `folder` (bounded in depth and size) that contains `needle`. */
function filesContaining(folder: string, needle: string, depth = 6): string[] {
  const found: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return found;
  }
  for (const name of entries) {
    const path = join(folder, name);
    let info;
    try {
      info = statSync(path);
    } catch {
      continue;
    }
    if (info.isDirectory() && depth > 0 && name !== 'node_modules') found.push(...filesContaining(path, needle, depth - 1));
    else if (info.isFile() && info.size < 4_000_000) {
      try {
        if (readFileSync(path).includes(needle)) found.push(path);
      } catch {
        // unreadable (a socket, another user's file): nothing of ours
      }
    }
  }
  return found;
}

function commandLines(): string[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        return [readFileSync(`/proc/${pid}/cmdline`, 'utf8')];
      } catch {
        return [];
      }
    });
}

describeWith([keyring, motoComponent], 'secret hygiene', () => {
  let moto: MotoWorld;
  let world: CliWorld;

  beforeAll(async () => {
    moto = await startMotoWorld();
    world = cliWorld(moto.url);
  }, 60_000);
  afterAll(async () => moto?.stop());

  it('a whole session of use leaves the secret and the seed in no argv and no file', async () => {
    const { alice } = moto;
    const steps: [string[], string?][] = [
      ...aliceSteps(alice, { mfa: { seed: SEED } }),
      [['credential-process', 'dev']],
      [['publish', 'dev']],
      [['use', 'alice']],
      [['configure-process', 'dev']],
      [['env', 'dev']],
      [['status']],
      [['list', '--json']],
    ];
    for (const [args, input] of steps) {
      const result = await world.run(args, { input });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(result.stdout + result.stderr).not.toContain(alice.secretAccessKey);
      expect(result.stdout + result.stderr).not.toContain(SEED);
    }

    // While exec's child runs, no process's argv holds the long-term secret or the session. The child
    // says when it runs, then waits for its stdin (exec's, which it inherits) to close.
    const session = JSON.parse((await world.run(['credential-process', 'dev'])).stdout);
    const child = 'echo running; read -r _; echo done';
    const exec = spawn(process.execPath, [CLI, 'exec', 'dev', '--', 'sh', '-c', child], { env: world.env, stdio: ['pipe', 'pipe', 'ignore'] });
    const exited = new Promise<number | null>((resolve) => exec.once('exit', resolve));
    await Promise.race([
      new Promise((resolve) => exec.stdout.once('data', resolve)),
      exited.then((code) => Promise.reject(new Error(`exec exited (${code}) before its command ran`))),
    ]);
    const argv = commandLines();
    expect(argv.some((line) => line.includes(`sh\u0000-c\u0000${child}`))).toBe(true);
    for (const secret of [alice.secretAccessKey, SEED, session.SecretAccessKey, session.SessionToken])
      expect(argv.filter((line) => line.includes(secret))).toEqual([]);
    exec.stdin.end('\n');
    expect(await exited).toBe(0);

    const agent = await world.startAgent();
    expect((await world.run(['credential-process', 'dev'])).code).toBe(0);
    agent.kill('SIGTERM');
    await new Promise((resolve) => agent.once('exit', resolve));

    for (const folder of [world.home, tmpdir()]) {
      expect(filesContaining(folder, alice.secretAccessKey)).toEqual([]);
      expect(filesContaining(folder, SEED)).toEqual([]);
    }
  });
});
