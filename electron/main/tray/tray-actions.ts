/**
 * What each tray menu action does: one engine call (or clipboard write, or window) per action. Every
 * action that changes state rebuilds the tray afterwards, failed or not, so a radio item the native menu
 * checked on click never outlives a failed switch. A failure becomes a notification naming the profile,
 * except a switch the core refuses because a profile is not Latchkey's: that asks the person instead.
 * "Open console" is the core's openConsole, as `latchkey console` runs it; it is said at once, since it
 * waits on AWS and then on the browser.
 */
import type { Clipboard } from 'electron';
import { isLatchkeyError, type LatchkeyError } from '../../shared/errors';
import type { SessionEngine } from '../../core/sessions/session-engine';
import type { SettingsStore } from '../../core/settings/settings-store';
import type { Clock } from '../../core/clock';
import type { Keychain } from '../../core/keychain/keychain';
import { openConsole, type ConsoleDeps, type ConsoleOpening } from '../../core/console/open-console';
import { deviceCode } from '../../core/totp/device-code';
import type { GrantsHeld } from '../../core/broker/endpoint-grants-held';
import type { TrayAction } from './tray-menu';
import type { Notifier } from '../app/notifier';
import type { OwnershipConfirm } from './ownership-dialog';
import { renewAndRepublish, type Republisher } from '../../core/sessions/renew-and-republish';
import { SHELL_FORMATS, sessionVariables } from '../../core/sessions/session-variables';

export interface TrayActionsDeps {
  engine: Republisher & Pick<SessionEngine, 'use' | 'forget' | 'credentials' | 'credentialsAndRegion'>;
  settings: SettingsStore;
  keychain: Keychain;
  clock: Clock;
  clipboard: Pick<Clipboard, 'writeText'>;
  notifier: Pick<Notifier, 'failed' | 'show'>;
  /** "Open console" besides the engine and settings: STS for an identity's federation token, LATCHKEY_FEDERATION_URL, the browser. */
  console: Pick<ConsoleDeps, 'sts' | 'env'> & Pick<ConsoleOpening, 'opener' | 'timers'>;
  confirm: OwnershipConfirm;
  /** The credential endpoints registered with the app's broker. */
  grants: Pick<GrantsHeld, 'revoke'>;
  openSettings(): void;
  quit(): void;
  /** Something changed: rebuilds the tray from fresh state, and has an open settings window read its view again. */
  refresh(): void;
}

/** Shown in the MFA popup as who asked. */
const REQUESTER = 'tray';

/** The actions that act on sessions or settings, and may fail. */
type StateAction = Exclude<TrayAction, { kind: 'quit' | 'open-settings' }>;

export class TrayActions {
  constructor(private readonly deps: TrayActionsDeps) {}

  async perform(action: TrayAction): Promise<void> {
    if (action.kind === 'quit') return this.deps.quit();
    if (action.kind === 'open-settings') return this.deps.openSettings();
    try {
      await this.#run(action);
    } catch (error) {
      this.deps.notifier.failed(failure(action), error);
    } finally {
      this.deps.refresh();
    }
  }

  async #run(action: StateAction): Promise<void> {
    const { engine } = this.deps;
    switch (action.kind) {
      case 'activate':
        return this.#activate(action.name);
      case 'renew':
        return renewAndRepublish(engine, action.name, REQUESTER, (title, error) => this.deps.notifier.failed(title, error));
      case 'forget':
        await engine.forget(action.name);
        return;
      case 'revoke-grant':
        this.deps.grants.revoke(action.id);
        return;
      case 'copy-exports': {
        const { session, region } = await engine.credentialsAndRegion(action.name, REQUESTER);
        return this.deps.clipboard.writeText(SHELL_FORMATS.sh(sessionVariables(session, region)));
      }
      case 'open-console':
        return this.#openConsole(action.name);
      case 'copy-mfa-code': {
        const { code } = await deviceCode({ settings: this.deps.settings, keychain: this.deps.keychain }, action.device, this.deps.clock.now());
        return this.deps.clipboard.writeText(code);
      }
      case 'launch-at-login':
        await this.deps.settings.update((settings) => {
          settings.preferences.launchAtLogin = action.enabled;
        });
    }
  }

  async #openConsole(name: string): Promise<void> {
    const { engine, settings, keychain, clock, notifier } = this.deps;
    notifier.show(`Opening the AWS console as ${name}`, 'Latchkey is signing in; your browser opens it in a moment.');
    const session = (role: string) => engine.credentials(role, REQUESTER);
    const { notice } = await openConsole({ ...this.deps.console, settings, keychain, clock, session }, { name });
    // An identity's console carries no MFA (a federation token), or a profile fell back: worth saying.
    if (notice) notifier.show(`Opened the AWS console as ${name}`, notice);
  }

  /**
   * Where the core refuses to write over a profile it does not own, the person chooses, as the CLI's
   * --replace lets them. With replace the core no longer refuses 'not-owned', so this asks at most
   * twice (the second time for a long-term key in the other profile `use` writes).
   */
  async #activate(name: string, replace = false): Promise<void> {
    try {
      await this.deps.engine.use(name, { requester: REQUESTER, replace });
    } catch (error) {
      if (!isOwnershipRefusal(error)) throw error;
      const choice = await this.deps.confirm.ownership(error, name);
      if (choice === 'replace' && error.code === 'not-owned') return this.#activate(name, true);
      if (choice === 'open-settings') this.deps.openSettings();
    }
  }
}

const isOwnershipRefusal = (error: unknown): error is LatchkeyError =>
  isLatchkeyError(error) && (error.code === 'not-owned' || error.code === 'long-term-key');

function failure(action: StateAction): string {
  switch (action.kind) {
    case 'activate':
      return `Could not switch to ${action.name}`;
    case 'renew':
      return `Could not renew ${action.name}`;
    case 'forget':
      return `Could not forget the session of ${action.name}`;
    case 'revoke-grant':
      return `Could not revoke the credential endpoint of ${action.name}`;
    case 'copy-exports':
      return `Could not copy the export lines of ${action.name}`;
    case 'open-console':
      return `Could not open the AWS console as ${action.name}`;
    case 'copy-mfa-code':
      return `Could not copy the MFA code of ${action.device}`;
    case 'launch-at-login':
      return 'Could not change "Launch at login"';
  }
}
