import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Identity, MfaDevice } from '../../../electron/shared/model';

// A fake terminal: the question the prompt would write on /dev/tty, and the code typed back.
const asked: string[] = [];
vi.mock('../../../electron/cli/terminal', () => ({
  askHidden: async (question: string) => {
    asked.push(question);
    return '123456';
  },
}));
const { TerminalMfaPrompt } = await import('../../../electron/cli/terminal-mfa-prompt');

const device = { name: 'phone', serial: 'arn:aws:iam::123456789012:mfa/alice', identity: 'alice' } as MfaDevice;
const identity = { name: 'alice' } as Identity;

describe('TerminalMfaPrompt', () => {
  beforeEach(() => {
    asked.length = 0;
  });

  it('shows the requester and the previous error without their control characters', async () => {
    const prompt = new TerminalMfaPrompt();
    const requester = '\u001b]0;owned\u0007\u001b[2K\rMFA code for root@prod: ';
    const previousError = 'STS said: \u001b[31mno\u001b[0m\u202e';
    expect(await prompt.ask({ device, identity, requester, attempt: 2, previousError })).toBe('123456');
    expect(asked).toEqual([
      'STS said: \ufffd[31mno\ufffd[0m\ufffd\n' +
        'MFA code for alice (arn:aws:iam::123456789012:mfa/alice), requested by \ufffd]0;owned\ufffd\ufffd[2K\ufffdMFA code for root@prod: : ',
    ]);
  });
});
