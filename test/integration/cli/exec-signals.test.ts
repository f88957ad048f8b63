/**
 * `latchkey exec NAME -- CMD` behaves like CMD run by itself (issue 13, item 8): the signals latchkey
 * gets reach CMD, latchkey waits for it (no CMD is left running, re-parented to PID 1), and latchkey
 * ends as CMD ended — its exit code, or killed by the same signal. Ctrl-C at a terminal, which the
 * terminal sends to CMD as well, reaches CMD once, not twice. Run on the built CLI, with a session from
 * moto cached first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, CLI, type CliWorld } from '../../helpers/latchkey-cli';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { tempFolders } from '../../helpers/temp-folders';
import { until } from '../../helpers/until';

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A command that logs each signal it gets, one line each, and ends on SIGUSR2: by exiting 0. */
const SIGNAL_LOGGER = `
const { appendFileSync, writeFileSync } = require('node:fs');
const [log] = process.argv.slice(1);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'])
  process.on(signal, () => { appendFileSync(log, signal + '\\n'); if (signal === 'SIGUSR2') process.exit(0); });
writeFileSync(log + '.pid', String(process.pid));
setInterval(() => {}, 60_000);
`;

/**
 * A terminal of the test's own (Python's pty): the command runs as its session leader with the pty as
 * controlling terminal, so Ctrl-C written to it goes, as at a real terminal, to the whole foreground
 * process group. Prints "pid N" once started and "exit N" or "signal N" at the end.
 */
const TERMINAL = `
import os, pty, select, sys
pid, terminal = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
print('pid', pid, flush=True)
while True:
    ready, _, _ = select.select([0, terminal], [], [])
    if 0 in ready:
        typed = os.read(0, 64)
        if typed: os.write(terminal, typed)
    if terminal in ready:
        try:
            os.read(terminal, 4096)
        except OSError:
            break
_, status = os.waitpid(pid, 0)
print('signal', os.WTERMSIG(status)) if os.WIFSIGNALED(status) else print('exit', os.WEXITSTATUS(status))
`;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describeWith([keyring, motoComponent], 'exec: signals reach the command, and latchkey ends as it did', () => {
  const temp = tempFolders();
  let moto: MotoWorld;
  let world: CliWorld;

  beforeAll(async () => {
    moto = await startMotoWorld();
    world = await aliceWorld(moto);
    // A cached session: each exec below starts at once.
    expect((await world.run(['credential-process', 'dev'])).code).toBe(0);
  }, 60_000);
  afterAll(async () => moto?.stop());
  // A test that failed half way leaves no latchkey (nor its command, in its process group) behind.
  const running = new Set<ChildProcess>();
  afterEach(() => {
    for (const latchkey of running) if (latchkey.exitCode === null && latchkey.signalCode === null && latchkey.pid) process.kill(-latchkey.pid, 'SIGKILL');
    running.clear();
  });

  /**
   * `latchkey exec dev -- CMD…` in a session of its own, without a controlling terminal, as a service
   * or a script started by one: a signal reaches latchkey only when sent to it.
   */
  function exec(command: string[]): { latchkey: ChildProcess; ended: Promise<Ended> } {
    const latchkey = spawn(process.execPath, [CLI, 'exec', 'dev', '--', ...command], { env: world.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(latchkey);
    let stdout = '';
    let stderr = '';
    latchkey.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    latchkey.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = new Promise<Ended>((resolve) => latchkey.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
    return { latchkey, ended };
  }

  /** A shell whose trap for `signal` writes a marker and then does `then`; it says its pid first. */
  function trapping(folder: string, signal: string, then: string): string[] {
    const script = `trap 'echo ${signal} >> "$0/marker"; ${then}' ${signal}; echo $$ > "$0/pid"; while :; do sleep 0.05; done`;
    return ['sh', '-c', script, folder];
  }

  const started = async (pidFile: string): Promise<number> => {
    await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 'the command to start');
    return Number(readFileSync(pidFile, 'utf8'));
  };
  const logged = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : []);

  // The command dies of SIGTERM (and so must latchkey), or exits 7 on SIGHUP (and so must latchkey).
  it.each([
    ['TERM', 'trap - TERM; kill -TERM $$', { code: null, signal: 'SIGTERM' }],
    ['HUP', 'exit 7', { code: 7, signal: null }],
  ] as const)('SIG%s to latchkey reaches the command; latchkey ends as it did, and nothing is left running', async (signal, then, end) => {
    const folder = temp(`exec-${signal}`);
    const { latchkey, ended } = exec(trapping(folder, signal, then));
    const child = await started(join(folder, 'pid'));
    latchkey.kill(`SIG${signal}`);
    const result = await ended;
    expect(readFileSync(join(folder, 'marker'), 'utf8')).toBe(`${signal}\n`);
    expect(result).toMatchObject({ ...end, stdout: '' });
    expect(alive(child)).toBe(false);
  });

  it('SIGINT, SIGQUIT and SIGUSR1 reach the command once each, and latchkey waits through them', async () => {
    const log = join(temp('exec-signals'), 'log');
    const { latchkey, ended } = exec([process.execPath, '-e', SIGNAL_LOGGER, log]);
    const child = await started(`${log}.pid`);
    for (const [n, signal] of (['SIGINT', 'SIGQUIT', 'SIGUSR1'] as const).entries()) {
      latchkey.kill(signal);
      await until(() => logged(log).length === n + 1, `the command to log ${signal}`);
    }
    // SIGUSR2 goes after them, so by the time it is logged a second copy of any of them would be too.
    latchkey.kill('SIGUSR2');
    const result = await ended;
    expect(logged(log)).toEqual(['SIGINT', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2']);
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(alive(child)).toBe(false);
  });

  it('ends with the command: its exit code, or 128 + a signal latchkey does not raise on itself (SIGUSR1)', async () => {
    expect(await exec(['sh', '-c', 'exit 7']).ended).toMatchObject({ code: 7, signal: null });
    expect(await exec(['sh', '-c', 'kill -USR1 $$']).ended).toMatchObject({ code: 128 + 10, signal: null });
    expect(await exec(['sh', '-c', 'kill -INT $$']).ended).toMatchObject({ code: null, signal: 'SIGINT' });
  });

  it('--help after -- belongs to the command', async () => {
    expect(await exec(['sh', '-c', 'echo "$1"', 'sh', '--help']).ended).toMatchObject({ code: 0, stdout: '--help\n', stderr: '' });
  });

  it('Ctrl-C at a terminal reaches the command once, not a second time through latchkey', async () => {
    const log = join(temp('exec-terminal'), 'log');
    const terminal = spawn('python3', ['-c', TERMINAL, process.execPath, CLI, 'exec', 'dev', '--', process.execPath, '-e', SIGNAL_LOGGER, log], {
      env: world.env,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let said = '';
    terminal.stdout?.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const closed = new Promise<void>((resolve) => terminal.once('close', () => resolve()));
    try {
      await until(() => /^pid \d+$/m.test(said), 'the terminal to start latchkey');
      const latchkey = Number(/^pid (\d+)$/m.exec(said)?.[1]);
      const child = await started(`${log}.pid`);
      terminal.stdin?.write('\u0003');
      await until(() => logged(log).length > 0, 'the command to get Ctrl-C');
      // As above: had latchkey passed Ctrl-C on, that copy would be logged before SIGUSR2.
      process.kill(latchkey, 'SIGUSR2');
      await closed;
      expect(logged(log)).toEqual(['SIGINT', 'SIGUSR2']);
      expect(said).toMatch(/^exit 0$/m);
      expect(alive(child)).toBe(false);
    } finally {
      terminal.kill('SIGKILL');
    }
  });
});
