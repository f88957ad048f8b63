/**
 * The CLI's streams. stdout is a contract (tests assert its exact shape): only a command's result goes
 * there; diagnostics go to stderr.
 */
import { writeSync } from 'node:fs';
import type { Readable } from 'node:stream';

/** Where a command writes text. */
export interface Output {
  write(text: string): void;
}

export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
}

/**
 * Output straight to a file descriptor. process.stdout and process.stderr are not used: creating them
 * costs milliseconds on the warm credential-process path, and synchronous writes cannot be cut short
 * by an early exit.
 */
function fdOutput(fd: number): Output {
  return {
    write(text) {
      let rest = Buffer.from(text);
      while (rest.length > 0) {
        try {
          rest = rest.subarray(writeSync(fd, rest));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') return; // the reader went away
          if (code !== 'EAGAIN') throw error;
        }
      }
    },
  };
}

/** The process's own streams; stdin is opened only when a command reads it. */
export const processIo = (): Io => ({
  get stdin() {
    return process.stdin;
  },
  stdout: fdOutput(1),
  stderr: fdOutput(2),
  env: process.env,
});

export function print(output: Output, text: string): void {
  output.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Reads all of stdin (a secret piped in), without the final line break. */
export async function readAll(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
