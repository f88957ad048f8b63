import { describe, expect, it } from 'vitest';
import { send } from '../../../../electron/main/ipc/send';
import { ipcContract, type MfaPromptView } from '../../../../electron/shared/ipc-contract';

const { show } = ipcContract.mfaPrompt;
const view: MfaPromptView = {
  requestId: 'r-1',
  deviceName: 'alice-phone',
  serial: 'arn:aws:iam::123456789012:mfa/alice',
  identityName: 'alice',
  accountId: '123456789012',
  requesters: ['tray', 'credential_process dev'],
  deadline: '2030-01-01T00:02:00.000Z',
};

function fakeWebContents() {
  const sent: [string, unknown][] = [];
  return { sent, send: (channel: string, ...args: unknown[]) => void sent.push([channel, args[0]]) };
}

describe('send', () => {
  it('sends the parsed payload on the channel', () => {
    const webContents = fakeWebContents();
    send(webContents, show, view);
    expect(webContents.sent).toEqual([['latchkey:mfa-prompt:show', view]]);
  });

  it('refuses a payload with a field the contract does not name, and sends nothing', () => {
    const webContents = fakeWebContents();
    expect(() => send(webContents, show, { ...view, seed: 'JBSWY3DPEHPK3PXP' } as MfaPromptView)).toThrow();
    expect(() => send(webContents, show, { ...view, requesters: [] })).toThrow();
    expect(webContents.sent).toEqual([]);
  });
});
