/** Runs the bundled aws-file-worker as a child process and waits on what it prints. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Worker {
  child: ChildProcess;
  /** Resolves when the worker prints this line; rejects if it exits first. */
  printed(line: string): Promise<void>;
  /** Resolves with the exit code (or signal) and everything it wrote to stderr. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startWorker(bundle: string, args: readonly string[]): Worker {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  const printed = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!stdout.split('\n').includes(line)) return;
        child.stdout?.off('data', check);
        resolve();
      };
      child.stdout?.on('data', check);
      check();
      void exited.then(({ code, signal, stderr: err }) => reject(new Error(`worker exited (${code ?? signal}) before printing ${line}: ${err}`)));
    });
  return { child, printed, exited };
}
