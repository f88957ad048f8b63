/**
 * Reminds the person before a published or active session expires, or renews it without them when it
 * can. Every decision is made from the clock when a timer wakes, never from when the timer was set:
 * after the machine sleeps, timers wake late (or resume() wakes them), and each session gets at most one
 * catch-up reminder or renewal instead of a burst of stale ones. Each step happens once per expiration.
 */
import type { Clock } from '../../core/clock';
import { formatTimeLeft } from '../tray/time-left';
import type { Timers } from '../../core/timers';
import type { ReminderSession } from '../../core/sessions/reminder-sessions';

export interface ReminderActions {
  /** Shows the reminder; the notification offers to renew `name`. */
  notify(name: string, message: string): void;
  /** Renews and republishes; a failure is the host's to report. The reminder stays as a fallback. */
  renew(name: string): void;
}

export interface ExpiryRemindersDeps {
  clock: Clock;
  timers: Timers;
  actions: ReminderActions;
}

/** Silent renewal comes this long before the reminder would, which it makes unnecessary when it works. */
const RENEW_AHEAD_MS = 60_000;
const MINUTE_MS = 60_000;

/** What has happened for one session's current expiration. */
interface Progress {
  expiration: number;
  renewedAt?: number;
  /** Reminded, or already expired when first seen (old news, not worth a notification). */
  done: boolean;
}

export class ExpiryReminders {
  #sessions: ReminderSession[] = [];
  #leadMs = 0;
  readonly #progress = new Map<string, Progress>();
  readonly #timers = new Map<string, () => void>();

  constructor(private readonly deps: ExpiryRemindersDeps) {}

  /** On every state change: the sessions to watch (one per name) and the lead time preference. */
  reschedule(sessions: ReminderSession[], leadMinutes: number): void {
    const now = this.deps.clock.now();
    this.#sessions = sessions;
    this.#leadMs = leadMinutes * MINUTE_MS;
    for (const name of this.#progress.keys()) if (!sessions.some((session) => session.name === name)) this.#progress.delete(name);
    for (const { name, expiration } of sessions) {
      if (this.#progress.get(name)?.expiration === expiration.getTime()) continue;
      this.#progress.set(name, { expiration: expiration.getTime(), done: expiration.getTime() <= now });
    }
    this.#planAll();
  }

  /** After the machine wakes: pending timers are stale, so decide again from the clock. */
  resume(): void {
    this.#planAll();
  }

  stop(): void {
    this.#cancelAll();
    this.#sessions = [];
    this.#progress.clear();
  }

  #planAll(): void {
    this.#cancelAll();
    for (const session of this.#sessions) this.#plan(session);
  }

  #plan(session: ReminderSession): void {
    const progress = this.#progress.get(session.name);
    if (progress === undefined || progress.done) return;
    const now = this.deps.clock.now();
    if (session.renewsSilently && progress.renewedAt === undefined) {
      const renewAt = progress.expiration - this.#leadMs - RENEW_AHEAD_MS;
      if (now < renewAt) return this.#wake(session, renewAt - now);
      progress.renewedAt = now;
      this.#wake(session, this.#remindAt(progress) - now);
      // Last, so a host that reschedules from inside renew() finds everything in place.
      return this.deps.actions.renew(session.name);
    }
    const remindAt = this.#remindAt(progress);
    if (now < remindAt) return this.#wake(session, remindAt - now);
    progress.done = true;
    const left = formatTimeLeft(new Date(progress.expiration), now);
    this.deps.actions.notify(session.name, left === 'expired' ? `${session.name} has expired` : `${session.name} expires in ${left}`);
  }

  /** A renewal that worked replaces the session before this; one that failed leaves the reminder due. */
  #remindAt(progress: Progress): number {
    return Math.max(progress.expiration - this.#leadMs, (progress.renewedAt ?? -Infinity) + RENEW_AHEAD_MS);
  }

  #wake(session: ReminderSession, ms: number): void {
    this.#timers.get(session.name)?.();
    this.#timers.set(
      session.name,
      this.deps.timers.after(ms, () => {
        this.#timers.delete(session.name);
        this.#plan(session);
      }),
    );
  }

  #cancelAll(): void {
    for (const cancel of this.#timers.values()) cancel();
    this.#timers.clear();
  }
}
