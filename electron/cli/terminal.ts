/**
 * Questions asked on the controlling terminal (/dev/tty), not stdin: under `credential_process` stdin is
 * a pipe and stdout belongs to the AWS tool, but the person is still at the terminal. Answers are not
 * echoed, since they are secrets or MFA codes.
 */
import { openSync } from 'node:fs';
import type { ReadStream, WriteStream } from 'node:tty';
import { LatchkeyError } from '../shared/errors';

const TERMINAL = process.platform === 'win32' ? { input: 'CONIN$', output: 'CONOUT$' } : { input: '/dev/tty', output: '/dev/tty' };

const ENTER = new Set(['\r', '\n']);
/** Ctrl-C, Esc and Ctrl-D: the ways a person says no at a terminal. */
const CANCEL = new Set(['\u0003', '\u001b', '\u0004']);
const ERASE = new Set(['\u007f', '\b']);

/**
 * The terminal held without echo for as long as a conversation lasts: between two questions (while
 * AWS checks an MFA code) whatever is typed stays hidden and is dropped, never shown in the clear.
 */
export class HiddenTerminal {
  #pending: ((char: string) => void) | undefined;

  private constructor(
    private readonly input: ReadStream,
    private readonly output: WriteStream,
  ) {
    input.setRawMode(true);
    input.on('data', (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) this.#pending?.(char);
    });
  }

  /** Rejects with `unavailable` when there is no terminal. */
  static async open(unavailable: LatchkeyError): Promise<HiddenTerminal> {
    // node:tty is loaded only to ask: a run served from a cache never does.
    const tty = await import('node:tty');
    try {
      return new HiddenTerminal(new tty.ReadStream(openSync(TERMINAL.input, 'r')), new tty.WriteStream(openSync(TERMINAL.output, 'w')));
    } catch {
      throw unavailable;
    }
  }

  /** A line on the terminal that asks nothing: what is going on while the person waits. */
  say(line: string): void {
    this.output.write(`${line}\n`);
  }

  /**
   * Asks and resolves to the answer; rejects with a 'cancelled' error on Ctrl-C, Esc or Ctrl-D, and with
   * `expired` when no answer came within `deadlineMs`.
   */
  ask(question: string, options: { deadlineMs?: number; expired?: LatchkeyError } = {}): Promise<string> {
    this.output.write(question);
    return new Promise((resolve, reject) => {
      let answer = '';
      const timer = options.deadlineMs === undefined ? undefined : setTimeout(() => finish(() => reject(options.expired)), options.deadlineMs);
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        this.#pending = undefined;
        this.output.write('\n');
        outcome();
      };
      this.#pending = (char) => {
        if (ENTER.has(char)) finish(() => resolve(answer));
        else if (CANCEL.has(char)) finish(() => reject(new LatchkeyError('cancelled', 'cancelled at the terminal')));
        else if (ERASE.has(char)) answer = answer.slice(0, -1);
        else if (char >= ' ') answer += char;
      };
    });
  }

  /** Echo back on, the terminal released. */
  close(): void {
    this.#pending = undefined;
    this.input.setRawMode(false);
    this.input.destroy();
    this.output.destroy();
  }
}

/** One question without echo. Rejects with `unavailable` when there is no terminal, and with a 'cancelled' error on Ctrl-C, Esc or Ctrl-D. */
export async function askHidden(question: string, unavailable: LatchkeyError): Promise<string> {
  const terminal = await HiddenTerminal.open(unavailable);
  try {
    return await terminal.ask(question);
  } finally {
    terminal.close();
  }
}
