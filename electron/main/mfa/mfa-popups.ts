/**
 * The app's MfaPrompt: one popup at a time. Requests for the same MFA device share a popup, so one code
 * answers every caller; requests for other devices wait their turn.
 *
 * A popup serves each caller's whole flow (mfa-code-source.ts), not one question: after a submit it
 * stays open, showing that AWS is checking the code; a refused code comes back as another `ask`, and
 * the popup shows the reason in place; it closes when every caller it serves is `done`. Auto-MFA's wait
 * for a fresh time step shows in the popup too, as a countdown with nothing to type. Each round of
 * asking gets two minutes from when it is shown, so a request that waited in line still gets the full
 * time. The host of the window forwards the person's submit and cancel here.
 */
import { randomUUID } from 'node:crypto';
import { LatchkeyError } from '../../shared/errors';
import type { MfaPromptView, MfaSubmitResult } from '../../shared/ipc-contract';
import type { Identity, MfaDevice } from '../../shared/model';
import type { Clock } from '../../core/clock';
import type { MfaPrompt, MfaPromptRequest, MfaWaitRequest } from '../../core/sts/mfa-prompt';
import type { Timers } from '../../core/timers';
import { MFA_PROMPT_MS } from '../../core/timeouts';
import type { PromptWindow } from './prompt-window';

export interface MfaPopupsDeps {
  window: PromptWindow;
  clock: Clock;
  timers: Timers;
}

/**
 * One caller's flow, from its first ask or wait until it is done. Flows are told apart by requester
 * only (ask gets a copy of the request): two flows of one requester for one device are
 * interchangeable, so counting them is enough.
 */
interface Caller {
  requester: string;
  /** Set while the caller waits for the person's code. */
  asking?: { resolve(code: string): void; reject(error: LatchkeyError): void };
  /** Set while auto-MFA waits for a fresh time step for this caller: when it is due. */
  waitUntil?: number;
}

interface Popup {
  requestId: string;
  device: MfaDevice;
  identity: Identity;
  callers: Caller[];
  error?: string;
  /** The current round of asking's deadline, from when it was shown. */
  deadline?: number;
  stopTimer?: () => void;
}

const isAsking = (popup: Popup): boolean => popup.callers.some((caller) => caller.asking);

export class MfaPopups implements MfaPrompt {
  /** The first is the one showing. */
  readonly #queue: Popup[] = [];

  constructor(private readonly deps: MfaPopupsDeps) {
    deps.window.onCancel((requestId) => this.cancel(requestId));
  }

  ask(request: MfaPromptRequest): Promise<string> {
    return new Promise((resolve, reject) => {
      // A retry after a refused code goes next: the person was typing this device's code a moment ago.
      const popup = this.#popupFor(request, request.attempt > 1 ? 1 : this.#queue.length);
      const caller = this.#idleCaller(popup, request.requester);
      caller.asking = { resolve, reject };
      delete caller.waitUntil;
      if (request.previousError !== undefined) popup.error = request.previousError;
      this.#show();
    });
  }

  waiting(request: MfaWaitRequest, waitMs: number): void {
    const popup = this.#popupFor(request, this.#queue.length);
    this.#idleCaller(popup, request.requester).waitUntil = this.deps.clock.now() + waitMs;
    this.#show();
  }

  done(request: MfaWaitRequest): void {
    // Absent when the popup was cancelled or timed out meanwhile, or the flow never needed the person.
    const popup = this.#queue.find((queued) => queued.device.serial === request.device.serial);
    const caller = popup?.callers.find((candidate) => candidate.requester === request.requester && !candidate.asking);
    if (!popup || !caller) return;
    popup.callers.splice(popup.callers.indexOf(caller), 1);
    if (popup.callers.length === 0) this.#remove(popup);
    this.#show();
  }

  /** The person's code for the popup showing; every caller waiting on it gets it, and the popup waits for AWS's answer. */
  submit(requestId: string, code: string): MfaSubmitResult {
    const popup = this.#showing(requestId);
    if (popup === undefined || !isAsking(popup))
      return { ok: false, error: 'this MFA request is no longer waiting (it timed out or was cancelled); try again' };
    this.#stopTimer(popup);
    // The reason was for the code before this one.
    delete popup.error;
    for (const caller of popup.callers) {
      caller.asking?.resolve(code);
      delete caller.asking;
    }
    this.#show();
    return { ok: true };
  }

  /**
   * The person cancelled (or closed) the popup showing: every caller waiting for a code is refused, and
   * the popup goes (a code already with AWS is answered all the same). A stale id is ignored.
   */
  cancel(requestId: string): void {
    const popup = this.#showing(requestId);
    if (popup === undefined) return;
    this.#dismiss(popup, new LatchkeyError('mfa-cancelled', `MFA code for device ${describeDevice(popup)} was cancelled; nothing was sent to AWS`));
  }

  /** The popup's page asks for this content height. */
  fit(height: number): void {
    this.deps.window.fit(height);
  }

  #popupFor({ device, identity }: MfaWaitRequest, position: number): Popup {
    const found = this.#queue.find((queued) => queued.device.serial === device.serial);
    if (found) return found;
    const popup: Popup = { requestId: randomUUID(), device, identity, callers: [] };
    this.#queue.splice(position, 0, popup);
    return popup;
  }

  /** A caller of `requester` not waiting for a code (one that asked or waited before), else a new one. */
  #idleCaller(popup: Popup, requester: string): Caller {
    const idle = popup.callers.find((caller) => caller.requester === requester && !caller.asking);
    if (idle) return idle;
    const caller: Caller = { requester };
    popup.callers.push(caller);
    return caller;
  }

  #showing(requestId: string): Popup | undefined {
    const head = this.#queue[0];
    return head?.requestId === requestId ? head : undefined;
  }

  #show(): void {
    // A countdown with nothing to type gives way to a device whose code is asked for; it shows again after.
    const asking = this.#queue.findIndex(isAsking);
    const head = this.#queue[0];
    if (head && asking > 0 && !isAsking(head) && head.callers.some((caller) => caller.waitUntil !== undefined))
      this.#queue.unshift(...this.#queue.splice(asking, 1));

    const popup = this.#queue[0];
    if (popup === undefined) return this.deps.window.close();
    const now = this.deps.clock.now();
    if (isAsking(popup) && popup.stopTimer === undefined) {
      const deadline = now + MFA_PROMPT_MS;
      popup.deadline = deadline;
      popup.stopTimer = this.deps.timers.after(MFA_PROMPT_MS, () => {
        this.#dismiss(popup, new LatchkeyError('mfa-cancelled', `no MFA code entered within 2 minutes for device ${describeDevice(popup)}; try again`));
      });
    }
    this.deps.window.show(this.#view(popup, now));
  }

  #view(popup: Popup, now: number): MfaPromptView {
    const waits = popup.callers.flatMap((caller) => (caller.waitUntil === undefined ? [] : [caller.waitUntil]));
    const phase = isAsking(popup) ? 'code' : waits.length > 0 ? 'waiting' : 'checking';
    const deadline = phase === 'waiting' ? Math.max(...waits) : (popup.deadline ?? now);
    return {
      requestId: popup.requestId,
      deviceName: popup.device.name,
      serial: popup.device.serial,
      identityName: popup.identity.name,
      ...(popup.identity.accountId !== undefined && { accountId: popup.identity.accountId }),
      requesters: [...new Set(popup.callers.map((caller) => caller.requester))],
      deadline: new Date(deadline).toISOString(),
      ...(phase === 'code' && popup.error !== undefined && { error: popup.error }),
      phase,
      queued: this.#queue.length - 1,
    };
  }

  /** Refuses every caller still waiting for a code with `error`, and removes the popup. */
  #dismiss(popup: Popup, error: LatchkeyError): void {
    this.#remove(popup);
    for (const caller of popup.callers) caller.asking?.reject(error);
    this.#show();
  }

  #remove(popup: Popup): void {
    this.#stopTimer(popup);
    this.#queue.splice(this.#queue.indexOf(popup), 1);
  }

  #stopTimer(popup: Popup): void {
    popup.stopTimer?.();
    delete popup.stopTimer;
  }
}

function describeDevice(popup: Popup): string {
  return `"${popup.device.name}" (${popup.device.serial}) of identity "${popup.identity.name}"`;
}
