/** The `latchkey` command's entry point. */
import { describeError } from '../shared/errors';
import { processIo } from './io';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`latchkey: ${describeError(error)}\n`);
    process.exitCode = 1;
  },
);
