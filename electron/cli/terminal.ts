/**
 * Questions asked on the controlling terminal (/dev/tty), not stdin: under `credential_process` stdin is
 * a pipe and stdout belongs to the AWS tool, but the person is still at the terminal. Answers are not
 * echoed, since they are secrets or MFA codes.
 */
import { openSync } from 'node:fs';
import type { ReadStream, WriteStream } from 'node:tty';
import { LatchkeyError } from '../shared/errors';

const TERMINAL = process.platform === 'win32' ? { input: 'CONIN$', output: 'CONOUT$' } : { input: '/dev/tty', output: '/dev/tty' };

/**
 * Asks on the terminal without echo. Rejects with `unavailable` when there is no terminal, and with a
 * 'cancelled' error on Ctrl-C or Esc.
 */
export async function askHidden(question: string, unavailable: LatchkeyError): Promise<string> {
  // node:tty is loaded only to ask: a run served from a cache never does.
  const tty = await import('node:tty');
  let input: ReadStream;
  let output: WriteStream;
  try {
    input = new tty.ReadStream(openSync(TERMINAL.input, 'r'));
    output = new tty.WriteStream(openSync(TERMINAL.output, 'w'));
  } catch {
    throw unavailable;
  }
  // No echo before the question shows: whatever is typed from then on stays hidden.
  input.setRawMode(true);
  output.write(question);
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (outcome: () => void) => {
      input.setRawMode(false);
      output.write('\n');
      input.destroy();
      output.destroy();
      outcome();
    };
    input.on('data', (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(() => resolve(answer));
        if (char === '\u0003' || char === '\u001b') return finish(() => reject(new LatchkeyError('cancelled', 'cancelled at the terminal')));
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else if (char >= ' ') answer += char;
      }
    });
  });
}
