/**
 * The app's MfaPrompt: one popup at a time. Requests for the same MFA device share a popup, so one code
 * answers every caller; requests for other devices wait their turn. Each popup gets two minutes from
 * when it is shown, so a request that waited in line still gets the full time. The host of the window
 * forwards the person's submit and cancel here.
 */
import { randomUUID } from 'node:crypto';
import { LatchkeyError } from '../../shared/errors';
import type { MfaPromptView, MfaSubmitResult } from '../../shared/ipc-contract';
import type { Identity, MfaDevice } from '../../shared/model';
import type { Clock } from '../../core/clock';
import type { MfaPrompt, MfaPromptRequest } from '../../core/sts/mfa-prompt';
import type { Timers } from '../../core/timers';
import { MFA_PROMPT_MS } from '../../core/timeouts';
import type { PromptWindow } from './prompt-window';

export interface MfaPopupsDeps {
  window: PromptWindow;
  clock: Clock;
  timers: Timers;
}


interface Popup {
  requestId: string;
  device: MfaDevice;
  identity: Identity;
  requesters: string[];
  callers: { resolve(code: string): void; reject(error: LatchkeyError): void }[];
  error?: string;
  /** Set when shown. */
  deadline?: number;
  stopTimer?: () => void;
}

export class MfaPopups implements MfaPrompt {
  /** The first is the one showing. */
  readonly #queue: Popup[] = [];

  constructor(private readonly deps: MfaPopupsDeps) {
    deps.window.onCancel((requestId) => this.cancel(requestId));
  }

  ask(request: MfaPromptRequest): Promise<string> {
    return new Promise((resolve, reject) => {
      let popup = this.#queue.find((queued) => queued.device.serial === request.device.serial);
      if (popup === undefined) {
        popup = { requestId: randomUUID(), device: request.device, identity: request.identity, requesters: [], callers: [] };
        // A retry after a refused code goes next: the person was typing this device's code a moment ago.
        this.#queue.splice(request.attempt > 1 ? 1 : this.#queue.length, 0, popup);
      }
      popup.callers.push({ resolve, reject });
      if (!popup.requesters.includes(request.requester)) popup.requesters.push(request.requester);
      if (request.previousError !== undefined) popup.error = request.previousError;
      if (popup === this.#queue[0]) this.#show();
    });
  }

  /** The person's code for the popup showing; every caller waiting on it gets it. */
  submit(requestId: string, code: string): MfaSubmitResult {
    const popup = this.#showing(requestId);
    if (popup === undefined) return { ok: false, error: 'this MFA request is no longer waiting (it timed out or was cancelled); try again' };
    this.#finish(popup, (caller) => caller.resolve(code));
    return { ok: true };
  }

  /** The person cancelled (or closed) the popup showing; a stale id is ignored. */
  cancel(requestId: string): void {
    const popup = this.#showing(requestId);
    if (popup === undefined) return;
    const error = new LatchkeyError('mfa-cancelled', `MFA code for device ${describeDevice(popup)} was cancelled; nothing was sent to AWS`);
    this.#finish(popup, (caller) => caller.reject(error));
  }

  #showing(requestId: string): Popup | undefined {
    const head = this.#queue[0];
    return head?.requestId === requestId ? head : undefined;
  }

  #show(): void {
    const popup = this.#queue[0];
    if (popup === undefined) return this.deps.window.close();
    if (popup.deadline === undefined) {
      popup.deadline = this.deps.clock.now() + MFA_PROMPT_MS;
      popup.stopTimer = this.deps.timers.after(MFA_PROMPT_MS, () => {
        const error = new LatchkeyError('mfa-cancelled', `no MFA code entered within 2 minutes for device ${describeDevice(popup)}; try again`);
        this.#finish(popup, (caller) => caller.reject(error));
      });
    }
    this.deps.window.show({
      requestId: popup.requestId,
      deviceName: popup.device.name,
      serial: popup.device.serial,
      identityName: popup.identity.name,
      ...(popup.identity.accountId !== undefined && { accountId: popup.identity.accountId }),
      requesters: [...popup.requesters],
      deadline: new Date(popup.deadline).toISOString(),
      ...(popup.error !== undefined && { error: popup.error }),
    } satisfies MfaPromptView);
  }

  #finish(popup: Popup, settle: (caller: Popup['callers'][number]) => void): void {
    this.#queue.splice(this.#queue.indexOf(popup), 1);
    popup.stopTimer?.();
    popup.callers.forEach(settle);
    this.#show();
  }
}

function describeDevice(popup: Popup): string {
  return `"${popup.device.name}" (${popup.device.serial}) of identity "${popup.identity.name}"`;
}
