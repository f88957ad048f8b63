/** The `latchkey` command's entry point. */
import { describeError } from '../shared/errors';
import { processIo } from './io';
import { runCli } from './run-cli';

function exit(code: number): void {
  process.exitCode = code;
  // A keychain call that hung past its timeout still holds the event loop; do not wait for it.
  setTimeout(() => process.exit(), 100).unref();
}

// The AWS SDK warns on every cold call that its releases after January 2027 need Node 22: a notice for
// whoever upgrades Latchkey's runtime, not for someone whose `aws` command runs it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

runCli(process.argv.slice(2), processIo()).then(exit, (error: unknown) => {
  process.stderr.write(`latchkey: ${describeError(error)}\n`);
  exit(1);
});
