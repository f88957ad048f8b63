/**
 * Runs the command `latchkey exec` was given as if the shell had run it: it shares the terminal, it gets
 * the signals latchkey gets, and latchkey ends as it ended. Latchkey waits for it whatever arrives, so
 * CMD is never left running without it (only SIGKILL, which no process can catch, can do that).
 *
 * How latchkey ends: with CMD's exit code; or, when a signal killed CMD, by the same signal (default
 * action restored, then raised on itself). A shell then sees what it would have seen without latchkey:
 * `$?` is 128 + the signal's number either way, but a shell stops a script's loop on Ctrl-C only when
 * the program it waited for died of SIGINT, not when it exited 130. Signals that dump core (SIGQUIT,
 * SIGSEGV…) are not raised again, since the core file would hold latchkey's memory and the session in
 * it, nor is SIGUSR1, on which Node starts its debugger: for those latchkey exits 128 + the number.
 */
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { constants } from 'node:os';
import { LatchkeyError } from '../shared/errors';

const WINDOWS = process.platform === 'win32';

/** What shells, supervisors and people send to stop, reload or poke a program. Windows has only these three. */
const PASSED_ON: NodeJS.Signals[] = WINDOWS ? ['SIGINT', 'SIGBREAK', 'SIGHUP'] : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];

/** The keys a terminal turns into signals for its whole foreground process group (Ctrl-C, Ctrl-\). */
const TERMINAL_KEYS: NodeJS.Signals[] = ['SIGINT', 'SIGQUIT'];

/** Signals whose default action ends a process without a core dump, so latchkey may end by them too. */
const RAISED_AGAIN: NodeJS.Signals[] = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGKILL', 'SIGUSR2', 'SIGALRM'];

/** Resolves to the exit code, unless latchkey ends by CMD's signal first. */
export async function runChild(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // Loaded here, not with the file: this file is part of every warm credential-process run.
  const { spawn } = await import('node:child_process');
  let child: ChildProcess | undefined;
  const passOn = (signal: NodeJS.Signals) => {
    if (!reachesChildItself(signal)) child?.kill(signal);
  };
  // Listening before CMD starts: a signal in between would end latchkey by default and leave CMD behind.
  for (const signal of PASSED_ON) process.on(signal, passOn);
  let ended: { code: number | null; signal: NodeJS.Signals | null };
  try {
    const running = spawn(file, args, { env, stdio: 'inherit' });
    child = running;
    ended = await new Promise((resolve, reject) => {
      running.once('error', (error: NodeJS.ErrnoException) =>
        reject(new LatchkeyError('invalid-input', error.code === 'ENOENT' ? `command not found: ${file}` : `cannot run ${file}: ${error.message}`)),
      );
      running.once('exit', (code, signal) => resolve({ code, signal }));
    });
  } finally {
    for (const signal of PASSED_ON) process.off(signal, passOn);
  }
  const { code, signal } = ended;
  if (signal === null) return code ?? 0;
  // No listener of ours is left, so this signal does what it would have done to CMD's shell: end the process.
  if (!WINDOWS && RAISED_AGAIN.includes(signal)) process.kill(process.pid, signal);
  return 128 + (constants.signals[signal] ?? 0);
}

/**
 * Whether CMD gets this signal without latchkey passing it on. A terminal sends Ctrl-C and Ctrl-\ to its
 * whole foreground process group, CMD included: sent again, CMD would get each twice, and Terraform
 * takes a second interrupt for "exit immediately, data loss may occur". So with a controlling terminal
 * they are not passed on (so a `kill -INT` sent to latchkey alone, from elsewhere, is not either: send
 * SIGTERM). Windows' console sends its events to every process attached to it, and there
 * "passing on" would terminate CMD outright.
 */
function reachesChildItself(signal: NodeJS.Signals): boolean {
  if (WINDOWS) return true;
  return TERMINAL_KEYS.includes(signal) && hasControllingTerminal();
}

function hasControllingTerminal(): boolean {
  try {
    closeSync(openSync('/dev/tty', 'r'));
    return true;
  } catch {
    return false;
  }
}
