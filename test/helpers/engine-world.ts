/**
 * The session engine as the CLI's composition root wires it, in a world of its own: a settings file,
 * AWS files and a runtime folder under `home`, the real keychain (a service of its own on the test
 * keyring) as the session cache, the SDK-backed STS (loaded lazily) at the endpoint `env` names, the
 * real replay guard — and, for the person, a prompt that counts how often it was asked. moto does not
 * check MFA codes (the unit tests' fake STS does), so the prompt always answers 123456.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../../electron/core/clock';
import type { Keychain } from '../../electron/core/keychain/keychain';
import { systemKeychain } from '../../electron/core/keychain/system-keychain';
import { KeychainSessionCache } from '../../electron/core/sessions/keychain-session-cache';
import type { SessionCache } from '../../electron/core/sessions/session-cache';
import { SessionEngine } from '../../electron/core/sessions/session-engine';
import { SettingsStore } from '../../electron/core/settings/settings-store';
import { lazyStsApi } from '../../electron/core/sts/lazy-sts-api';
import type { MfaPromptRequest } from '../../electron/core/sts/mfa-prompt';
import type { Preferences, Settings } from '../../electron/shared/model';
import { FakeMfaPrompt } from '../fakes/fake-mfa-prompt';

export interface EngineSetup extends Partial<Pick<Settings, 'identities' | 'mfaDevices' | 'roles'>> {
  preferences?: Partial<Preferences>;
  /** Secret access keys to store in the keychain, by identity name. */
  secrets?: Record<string, string>;
  /** What the engine reads from the environment besides where the AWS files are: STS's endpoint. */
  env?: NodeJS.ProcessEnv;
  /** The session cache over the world's keychain: the keychain itself unless given (a broker puts memory in front). */
  cache?: (keychain: Keychain) => SessionCache;
}

export interface EngineWorld {
  home: string;
  keychain: Keychain;
  /** Every MFA prompt, in order. */
  asked: MfaPromptRequest[];
  notices: string[];
  /** A new engine over this world, as a new CLI run would have: it shares only what is on disk and in the keychain. */
  engine(): SessionEngine;
  /** Deletes every keychain entry of this world. */
  clear(): Promise<void>;
}

const KINDS = ['identity', 'mfa-seed', 'session'] as const;

/** Writes the settings and secrets of `setup` into a world under `home` (an empty folder). */
export async function engineWorld(home: string, setup: EngineSetup = {}): Promise<EngineWorld> {
  const keychain = systemKeychain({ service: `latchkey-test-${randomUUID()}` });
  const settingsFile = join(home, 'latchkey', 'settings.json');
  const runtimeFolder = join(home, 'run');
  mkdirSync(join(home, '.aws'), { mode: 0o700 });
  mkdirSync(runtimeFolder, { mode: 0o700 });
  await new SettingsStore(settingsFile).update((settings) => {
    settings.identities.push(...(setup.identities ?? []));
    settings.mfaDevices.push(...(setup.mfaDevices ?? []));
    settings.roles.push(...(setup.roles ?? []));
    Object.assign(settings.preferences, setup.preferences);
  });
  for (const [identity, secret] of Object.entries(setup.secrets ?? {})) await keychain.set('identity', identity, secret);

  const env = { ...setup.env, HOME: home, AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'), AWS_CONFIG_FILE: join(home, '.aws', 'config') };
  const prompt = new FakeMfaPrompt(() => '123456');
  const notices: string[] = [];
  return {
    home,
    keychain,
    asked: prompt.asked,
    notices,
    engine: () =>
      new SessionEngine({
        settings: new SettingsStore(settingsFile),
        keychain,
        sts: lazyStsApi(env),
        prompt,
        clock: systemClock,
        cache: setup.cache?.(keychain) ?? new KeychainSessionCache(keychain),
        runtimeFolder,
        env,
        notice: (message) => notices.push(message),
      }),
    async clear() {
      for (const kind of KINDS) for (const name of await keychain.list(kind)) await keychain.delete(kind, name);
    },
  };
}
