/** The `latchkey` command's entry point. */
import { describeError } from '../shared/errors';
import { processIo } from './io';
import { runCli } from './run-cli';

// A command is done when it resolves, and its output was written synchronously: exit at once rather
// than wait for the event loop to drain (a closing broker socket, a keychain call that hung past its
// timeout).
const exit = (code: number): never => process.exit(code);

// The AWS SDK warns on every cold call that its releases after January 2027 need Node 22: a notice for
// whoever upgrades Latchkey's runtime, not for someone whose `aws` command runs it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

runCli(process.argv.slice(2), processIo()).then(exit, (error: unknown) => {
  process.stderr.write(`latchkey: ${describeError(error)}\n`);
  exit(1);
});
