/**
 * The session engine the CLI, the agent and the app share: sessions for identity and role names, built
 * from the settings, cached and single-flighted, and published into credentials-file profiles. Each
 * front end supplies its MFA prompt, its cache (the keychain, or memory in front of it in a broker) and
 * its STS port; nothing here knows how it is shown.
 */
import { LatchkeyError } from '../../shared/errors';
import type { Settings } from '../../shared/model';
import { awsFilePath } from '../aws-files/aws-file-path';
import { editAwsFile } from '../aws-files/edit-aws-file';
import { readAwsFile } from '../aws-files/read-aws-file';
import type { Clock } from '../clock';
import type { Keychain } from '../keychain/keychain';
import { regionOf } from '../settings/region-of';
import type { SettingsStore } from '../settings/settings-store';
import { buildProvider } from '../sts/build-provider';
import { MfaCodeSource } from '../sts/mfa-code-source';
import type { MfaPrompt } from '../sts/mfa-prompt';
import type { StsApi } from '../sts/sts-api';
import { FileStepStore } from '../totp/file-step-store';
import { ReplayGuard } from '../totp/replay-guard';
import { CachedProvider } from './cached-provider';
import type { Session, SessionCache } from './session-cache';
import { clearSessionProfile, profileExpiration, writeSessionProfile } from './session-profile';
import { SingleFlight } from './single-flight';

export interface SessionEngineDeps {
  settings: SettingsStore;
  keychain: Keychain;
  /** Loads the AWS SDK only when a call is made (lazy-sts-api). */
  sts: StsApi;
  prompt: MfaPrompt;
  clock: Clock;
  cache: SessionCache;
  /** The per-user runtime folder (0700): session locks and used MFA steps. */
  runtimeFolder: string;
  /** Where the AWS files are (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, HOME). */
  env: NodeJS.ProcessEnv;
  /** Something the person should know that is not an error: a clamped duration, a shadowed profile. */
  notice: (message: string) => void;
}

export interface PublishedStatus {
  profile: string;
  source: string;
  /** When the session written there expires; undefined if the profile holds none. */
  expiration?: Date;
  /** It is the active target profile. */
  active: boolean;
}

const MINUTE_MS = 60_000;

export class SessionEngine {
  readonly #flights = new SingleFlight<Session>();
  readonly #codes: MfaCodeSource;

  constructor(private readonly deps: SessionEngineDeps) {
    const guard = new ReplayGuard(new FileStepStore(deps.runtimeFolder), deps.clock);
    this.#codes = new MfaCodeSource(deps.prompt, deps.keychain, guard);
  }

  /** A session for an identity or role with more than the renewal window left. */
  async credentials(name: string, requester: string): Promise<Session> {
    return (await this.#provider(name, requester)).provider.retrieve();
  }

  /** A session and the region tools should use with it, from one reading of the settings. */
  async credentialsAndRegion(name: string, requester: string): Promise<{ session: Session; region?: string }> {
    const { provider, settings } = await this.#provider(name, requester);
    return { session: await provider.retrieve(), region: regionOf(settings, name) };
  }

  /** A new session now, even if the cached one is still good. */
  async renew(name: string, requester: string): Promise<Session> {
    return (await this.#provider(name, requester)).provider.renew();
  }

  /** Drops the cached session of a name (its sources, such as the MFA session, stay). */
  async forget(name: string): Promise<void> {
    await (await this.#provider(name, 'forget')).provider.forget();
  }

  /** When the cached session of a name expires, without asking STS; undefined when none is cached. */
  async cachedExpiration(name: string): Promise<Date | undefined> {
    const { provider } = await this.#provider(name, 'status');
    return (await this.deps.cache.get(provider.key, this.deps.clock.now()))?.expiration;
  }

  /** Every identity and role with a cached session, and when it expires. */
  async cachedSessions(): Promise<{ name: string; expiration: Date }[]> {
    const { identities, roles } = await this.deps.settings.load();
    const names = [...identities, ...roles].map((entry) => entry.name);
    const expirations = await Promise.all(names.map((name) => this.cachedExpiration(name)));
    return names.flatMap((name, i) => {
      const expiration = expirations[i];
      return expiration ? [{ name, expiration }] : [];
    });
  }

  /** Writes a session into a credentials-file profile (default: the name itself) and remembers it. */
  async publish(name: string, profile: string = name, requester = `publish ${name}`): Promise<Session> {
    await this.#warnIfShadowed(profile);
    const session = await this.credentials(name, requester);
    await editAwsFile(this.#path('credentials'), 'credentials', (file) => writeSessionProfile(file, profile, session));
    await this.deps.settings.update((settings) => {
      settings.published = [...settings.published.filter((entry) => entry.profile !== profile), { profile, source: name }];
    });
    return session;
  }

  /** Makes a name active: its session goes into the active target profile (and its own, if so chosen). */
  async use(name: string, requester = `use ${name}`): Promise<Session> {
    const { preferences } = await this.deps.settings.load();
    const session = await this.publish(name, preferences.activeTargetProfile, requester);
    if (preferences.publishRolesUnderOwnName && name !== preferences.activeTargetProfile) await this.publish(name, name, requester);
    return session;
  }

  /** Every profile Latchkey publishes, with the expiry of the session written there. */
  async published(): Promise<PublishedStatus[]> {
    const settings = await this.deps.settings.load();
    const profiles = await readAwsFile(this.#path('credentials'), 'credentials');
    return settings.published.map(({ profile, source }) => ({
      profile,
      source,
      expiration: profileExpiration(profiles[profile]),
      active: profile === settings.preferences.activeTargetProfile,
    }));
  }

  /** With the "strip expired keys" setting on, removes expired sessions from published profiles. */
  async stripExpired(): Promise<string[]> {
    const settings = await this.deps.settings.load();
    if (!settings.preferences.stripExpiredKeys) return [];
    const now = this.deps.clock.now();
    const expired = (await this.published()).filter((entry) => entry.expiration && entry.expiration.getTime() <= now).map((entry) => entry.profile);
    if (expired.length > 0)
      await editAwsFile(this.#path('credentials'), 'credentials', (file) => expired.forEach((profile) => clearSessionProfile(file, profile)));
    return expired;
  }

  /** The cached provider of a name, and the settings it was built from. */
  async #provider(name: string, requester: string): Promise<{ provider: CachedProvider; settings: Settings }> {
    const settings = await this.deps.settings.load();
    const provider = buildProvider(name, requester, {
      settings,
      keychain: this.deps.keychain,
      sts: this.deps.sts,
      codes: this.#codes,
      clock: this.deps.clock,
      notice: this.deps.notice,
      wrap: (inner) => new CachedProvider(inner, this.#caching(settings)),
    });
    if (!(provider instanceof CachedProvider)) throw new LatchkeyError('internal', `the session of "${name}" is not cached`);
    return { provider, settings };
  }

  #caching(settings: Settings) {
    return {
      cache: this.deps.cache,
      clock: this.deps.clock,
      renewalWindowMs: settings.preferences.renewalWindowMinutes * MINUTE_MS,
      lockFolder: this.deps.runtimeFolder,
      flights: this.#flights,
    };
  }

  #path(kind: 'credentials' | 'config'): string {
    return awsFilePath(kind, this.deps.env, this.deps.env.HOME);
  }

  /** AWS tools read role_arn or credential_process in the config file before the keys we publish. */
  async #warnIfShadowed(profile: string): Promise<void> {
    const config = await readAwsFile(this.#path('config'), 'config');
    const shadowing = ['role_arn', 'credential_process'].filter((key) => config[profile]?.[key] !== undefined);
    if (shadowing.length > 0)
      this.deps.notice(
        `profile "${profile}" also has ${shadowing.join(' and ')} in ${this.#path('config')}: AWS tools will use that, not the session Latchkey writes; pick another profile name or remove it there`,
      );
  }
}
