/**
 * The key-age notification: "The access key of alice is 120 days old", with "Rotate…", which opens the
 * settings window at that identity. What is due is core's decision (key-age-reminders-due.ts); this
 * shows it, keeps when each identity was last reminded (in memory, and in the log so a restart within
 * the week stays quiet), and looks again when the app refreshes and at the next moment one may fall due.
 * That one timer is needed because nothing else wakes an idle app: the refresh runs on changes, and the
 * tray's timer only while a session or code counts down. Each look decides from the clock, so a timer
 * woken late (sleep) or early (long delays are capped) does no harm.
 */
import type { Clock } from '../../core/clock';
import type { KeyAgeReminderLog } from '../../core/settings/key-age-reminder-log';
import { keyAgeRemindersDue } from '../../core/settings/key-age-reminders-due';
import type { SettingsStore } from '../../core/settings/settings-store';
import type { Timers } from '../../core/timers';
import type { Notifier } from '../app/notifier';

/** Opens the settings window at an identity, where its key is rotated. */
export type OpenSettingsAt = (at: { identity: string }) => void;

export interface KeyAgeRemindersDeps {
  clock: Clock;
  timers: Timers;
  settings: Pick<SettingsStore, 'load'>;
  log: Pick<KeyAgeReminderLog, 'load' | 'save'>;
  notifier: Pick<Notifier, 'show'>;
  openSettings: OpenSettingsAt;
  /** The log could not be read or written: reminders go on, but a restart may repeat one. */
  failed(error: unknown): void;
}

export class KeyAgeReminders {
  /** Identity → last reminded (ms); loaded once, then changed only here, in step with the log. */
  #lastReminded: Promise<{ times: Record<string, number> }> | undefined;
  /** The log's writes, one after another, so an older one never lands last. */
  #saving: Promise<void> = Promise.resolve();
  #cancel: (() => void) | undefined;
  #stopped = false;

  constructor(private readonly deps: KeyAgeRemindersDeps) {}

  /** At start and after every refresh: shows what is due, and wakes at the next moment one may be. */
  async check(): Promise<void> {
    // Unreadable settings are the refresh's to report; the next refresh looks again.
    const settings = await this.deps.settings.load().catch(() => undefined);
    const state = await (this.#lastReminded ??= this.#load());
    if (settings === undefined || this.#stopped) return;
    // From here to the end nothing awaits, so two looks never both show the same reminder.
    const round = keyAgeRemindersDue(settings, state.times, this.deps.clock);
    const changed = JSON.stringify(round.lastReminded) !== JSON.stringify(state.times);
    state.times = round.lastReminded;
    for (const { identity, ageDays } of round.due) {
      this.deps.notifier.show(
        `The access key of ${identity} is ${ageDays} days old`,
        `Keys older than ${settings.preferences.keyAgeDays} days should be replaced: rotating gives the IAM user a new key and retires this one.`,
        { label: 'Rotate…', run: () => this.deps.openSettings({ identity }) },
      );
    }
    if (changed) this.#save(round.lastReminded);
    this.#wakeAt(round.nextCheckMs);
  }

  /** No look after this; resolves once the last change is in the log. */
  stop(): Promise<void> {
    this.#stopped = true;
    this.#cancel?.();
    this.#cancel = undefined;
    return this.#saving;
  }

  async #load(): Promise<{ times: Record<string, number> }> {
    try {
      return { times: await this.deps.log.load() };
    } catch (error) {
      this.deps.failed(error);
      return { times: {} };
    }
  }

  #save(times: Record<string, number>): void {
    this.#saving = this.#saving.then(() => this.deps.log.save(times)).catch((error: unknown) => this.deps.failed(error));
  }

  #wakeAt(ms: number | undefined): void {
    this.#cancel?.();
    this.#cancel = ms === undefined ? undefined : this.deps.timers.after(ms - this.deps.clock.now(), () => void this.check());
  }
}
