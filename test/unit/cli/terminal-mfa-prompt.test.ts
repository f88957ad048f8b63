import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Identity, MfaDevice } from '../../../electron/shared/model';

// A fake terminal: what the prompt would write on /dev/tty, the code typed back, and whether it is held.
const written: string[] = [];
let held = 0;
vi.mock('../../../electron/cli/terminal', () => ({
  HiddenTerminal: {
    open: async () => {
      held++;
      return {
        say: (line: string) => written.push(`${line}\n`),
        ask: async (question: string) => {
          written.push(question);
          return '123456';
        },
        close: () => held--,
      };
    },
  },
}));
const { TerminalMfaPrompt } = await import('../../../electron/cli/terminal-mfa-prompt');

const device = { name: 'phone', serial: 'arn:aws:iam::123456789012:mfa/alice', identity: 'alice' } as MfaDevice;
const identity = { name: 'alice' } as Identity;

describe('TerminalMfaPrompt', () => {
  beforeEach(() => {
    written.length = 0;
    held = 0;
  });

  it('shows the requester and the previous error without their control characters', async () => {
    const prompt = new TerminalMfaPrompt(() => {});
    const requester = '\u001b]0;owned\u0007\u001b[2K\rMFA code for root@prod: ';
    const previousError = 'STS said: \u001b[31mno\u001b[0m\u202e';
    expect(await prompt.ask({ device, identity, requester, attempt: 2, previousError })).toBe('123456');
    expect(written.join('')).toBe(
      'STS said: \ufffd[31mno\ufffd[0m\ufffd\n' +
        'MFA code for alice (arn:aws:iam::123456789012:mfa/alice), requested by \ufffd]0;owned\ufffd\ufffd[2K\ufffdMFA code for root@prod: : ',
    );
  });

  it('holds the terminal from the first question until the code flow is done, across a retry', async () => {
    const prompt = new TerminalMfaPrompt(() => {});
    await prompt.ask({ device, identity, requester: 'tray', attempt: 1 });
    expect(held).toBe(1);
    await prompt.ask({ device, identity, requester: 'tray', attempt: 2, previousError: 'wrong code' });
    expect(held).toBe(1);
    prompt.done();
    await vi.waitFor(() => expect(held).toBe(0));
  });

  it('says how long auto-MFA waits, on stderr', () => {
    const notices: string[] = [];
    new TerminalMfaPrompt((message) => notices.push(message)).waiting({ device, identity, requester: 'tray' }, 11_200);
    expect(notices).toEqual(['auto-MFA waits 12 s for a fresh code for "phone" (the current one was just used)']);
  });
});
