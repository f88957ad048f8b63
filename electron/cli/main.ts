/** The `latchkey` command's entry point. */
import { version } from '../../package.json';

const [command] = process.argv.slice(2);
if (command === '--version' || command === '-v') {
  process.stdout.write(`${version}\n`);
} else {
  process.stderr.write('usage: latchkey --version\n');
  process.exitCode = 2;
}
