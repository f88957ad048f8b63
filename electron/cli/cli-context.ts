/**
 * The CLI's composition root: the one place that wires the real keychain, files, STS, clock and
 * terminal prompt. Everything is built on first use, so a command pays only for what it touches.
 */
import { brokerAddress } from '../core/broker/broker-address';
import { systemClock } from '../core/clock';
import { ensureRuntimeFolder } from '../core/fs/runtime-folder';
import type { Keychain } from '../core/keychain/keychain';
import { systemKeychain } from '../core/keychain/system-keychain';
import { KeychainSessionCache } from '../core/sessions/keychain-session-cache';
import type { SessionCache } from '../core/sessions/session-cache';
import { SessionEngine } from '../core/sessions/session-engine';
import { settingsPath } from '../core/settings/settings-path';
import { SettingsStore } from '../core/settings/settings-store';
import { lazyStsApi } from '../core/sts/lazy-sts-api';
import type { MfaPrompt } from '../core/sts/mfa-prompt';
import { print, type Io } from './io';
import { TerminalMfaPrompt } from './terminal-mfa-prompt';

export class CliContext {
  readonly settings: SettingsStore;
  readonly brokerAddress: string;
  #keychain?: Keychain;

  constructor(readonly io: Io) {
    this.settings = new SettingsStore(settingsPath(io.env));
    this.brokerAddress = brokerAddress(io.env);
  }

  get env(): NodeJS.ProcessEnv {
    return this.io.env;
  }

  /** The OS keychain; LATCHKEY_KEYCHAIN_SERVICE keeps a separate set of secrets (tests, a second setup). */
  keychain(): Keychain {
    return (this.#keychain ??= systemKeychain({ service: this.env.LATCHKEY_KEYCHAIN_SERVICE || undefined }));
  }

  readonly sts = () => lazyStsApi(this.env);

  notice = (message: string): void => print(this.io.stderr, `latchkey: ${message}`);

  /** The engine with the keychain as cache (standalone) or another cache in front of it (the agent). */
  async engine(options: { cache?: SessionCache; prompt?: MfaPrompt } = {}): Promise<SessionEngine> {
    const keychain = this.keychain();
    return new SessionEngine({
      settings: this.settings,
      keychain,
      sts: this.sts(),
      prompt: options.prompt ?? new TerminalMfaPrompt(this.notice),
      clock: systemClock,
      cache: options.cache ?? new KeychainSessionCache(keychain),
      runtimeFolder: await ensureRuntimeFolder(this.env),
      env: this.env,
      notice: this.notice,
    });
  }
}
