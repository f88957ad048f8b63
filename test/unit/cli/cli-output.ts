/** Runs the `latchkey` command line in this process, as a person would type it, and keeps what it printed. */
import { Readable } from 'node:stream';
import { version } from '../../../package.json';
import type { Io } from '../../../electron/cli/io';
import { runCli } from '../../../electron/cli/run-cli';

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

export async function latchkey(line: string | string[]): Promise<CliOutput> {
  const argv = typeof line === 'string' ? line.split(' ').filter(Boolean) : line;
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdin: Readable.from([]),
    stdout: { write: (text) => (stdout += text) },
    stderr: { write: (text) => (stderr += text) },
    env: {},
  };
  const code = await runCli(argv, io);
  // The version changes with every release; the rest of the text is the contract.
  return { code, stdout: stdout.replaceAll(version, 'VERSION'), stderr };
}
