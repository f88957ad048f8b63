/**
 * The session engine the CLI, the agent and the app share: sessions for identity and role names, built
 * from the settings, cached and single-flighted, and published into credentials-file profiles. Each
 * front end supplies its MFA prompt, its cache (the keychain, or memory in front of it in a broker) and
 * its STS port; nothing here knows how it is shown.
 */
import type { Session } from '../sts/credentials';
import { LatchkeyError } from '../../shared/errors';
import type { Settings } from '../../shared/model';
import { chainRegion, roleChain } from '../../shared/role-chain';
import type { AwsProfile } from '../aws-files/aws-file';
import { awsFilePaths } from '../aws-files/aws-file-path';
import { editAwsFile } from '../aws-files/edit-aws-file';
import { assertWritable } from '../fs/atomic-write';
import { readAwsFile, readAwsProfile } from '../aws-files/read-aws-file';
import type { Clock } from '../clock';
import type { Keychain } from '../keychain/keychain';
import type { SettingsStore } from '../settings/settings-store';
import { buildProvider, type ProviderDeps } from '../sts/build-provider';
import { MfaCodeSource } from '../sts/mfa-code-source';
import type { MfaPrompt } from '../sts/mfa-prompt';
import type { StsApi } from '../sts/sts-api';
import { FileStepStore } from '../totp/file-step-store';
import { ReplayGuard } from '../totp/replay-guard';
import { CachedProvider } from './cached-provider';
import type { SessionCache } from './session-cache';
import { replacedHeading } from './configure-process';
import { checkSessionTarget, credentialSources, fingerprint, ownedProfile, type Owned, type ProfilePaths } from './profile-ownership';
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
    return { session: await provider.retrieve(), region: chainRegion(roleChain(settings, name)) };
  }

  /** A new session now, even if the cached one is still good. */
  async renew(name: string, requester: string): Promise<Session> {
    return (await this.#provider(name, requester)).provider.renew();
  }

  /** Drops the cached session of a name (its sources, such as the MFA session, stay); returns it if there was one. */
  async forget(name: string): Promise<string[]> {
    return (await (await this.#provider(name, 'forget')).provider.forget()) ? [name] : [];
  }

  /** Drops every cached session, the MFA sessions included. */
  async forgetAll(): Promise<string[]> {
    return this.deps.cache.prune(() => false, this.deps.clock.now());
  }

  /**
   * Deletes the cached sessions nobody can use any more: expired ones, those of removed entries, and
   * those made before their entry was edited (their provider key is no longer the entry's). Returns the
   * owners deleted.
   */
  async prune(settings?: Settings): Promise<string[]> {
    settings ??= await this.deps.settings.load();
    const current = new Map<string, string>();
    for (const { name } of [...settings.identities, ...settings.roles])
      buildProvider(name, 'prune', {
        ...this.#providerDeps(settings as Settings),
        wrap: (inner, owner) => {
          current.set(owner, inner.key);
          return inner;
        },
      });
    return this.deps.cache.prune(({ owner, key }) => current.get(owner) === key, this.deps.clock.now());
  }

  /** When the cached session of a name expires, without asking STS; undefined when none is cached. */
  async cachedExpiration(name: string): Promise<Date | undefined> {
    const { provider } = await this.#provider(name, 'status');
    return (await this.deps.cache.get(provider.slot, this.deps.clock.now()))?.expiration;
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

  /**
   * Writes a session into a credentials-file profile (default: the name itself) and records it as
   * Latchkey's. Refused, before any STS call and again under the file's lock, where that would destroy
   * or hijack what Latchkey did not write (profile-ownership); `replace` is the person's confirmation.
   */
  async publish(name: string, profile: string = name, options: PublishOptions = {}): Promise<Session> {
    await this.#provider(name, 'publish'); // an unknown name is named as such, before any profile is looked at
    await this.#checkTarget(name, profile, options.replace ?? false);
    const session = (await options.session?.()) ?? (await this.credentials(name, options.requester ?? `publish ${name}`));
    await this.#write(name, profile, session, options.replace ?? false);
    return session;
  }

  /**
   * Makes a name active: its session goes into the active target profile (and its own, if so chosen).
   * Every target is checked before anything is written, so a refusal leaves no half-done switch.
   */
  async use(name: string, options: PublishOptions = {}): Promise<Session> {
    const { preferences } = await this.deps.settings.load();
    const replace = options.replace ?? false;
    const targets = [preferences.activeTargetProfile];
    if (preferences.publishRolesUnderOwnName && name !== preferences.activeTargetProfile) targets.push(name);
    await this.#provider(name, 'use');
    for (const profile of targets) await this.#checkTarget(name, profile, replace);
    const session = (await options.session?.()) ?? (await this.credentials(name, options.requester ?? `use ${name}`));
    for (const profile of targets) await this.#write(name, profile, session, replace);
    return session;
  }

  /** Every profile Latchkey publishes, with the expiry of the session written there. */
  async published(): Promise<PublishedStatus[]> {
    const settings = await this.deps.settings.load();
    const profiles = await readAwsFile(this.#paths().credentials, 'credentials');
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
      await editAwsFile(this.#paths().credentials, 'credentials', (file) => expired.forEach((profile) => clearSessionProfile(file, profile)));
    return expired;
  }

  /** Refuses, before any STS call or prompt, a profile Latchkey may not write (profile-ownership); warns of one it may. */
  async #checkTarget(name: string, profile: string, replace: boolean): Promise<void> {
    const paths = this.#paths();
    await assertWritable(paths.credentials, 'aws-file');
    const [credentials, config, settings] = await Promise.all([
      readAwsProfile(paths.credentials, 'credentials', profile),
      readAwsProfile(paths.config, 'config', profile),
      this.deps.settings.load(),
    ]);
    const found = { credentials, config };
    const owned = sessionOwnership(settings, profile, found, name);
    checkSessionTarget(profile, found, owned, paths, replace);
    this.#warnShadowed(profile, config, owned, paths.config);
  }

  /**
   * Writes the session into the profile, checked again under the file's lock, and records it as
   * Latchkey's. Credentials it replaces (the person said so) stay as a comment that unpublish puts back.
   */
  async #write(name: string, profile: string, session: Session, replace: boolean): Promise<void> {
    const paths = this.#paths();
    const config = await readAwsProfile(paths.config, 'config', profile);
    const settings = await this.deps.settings.load();
    await editAwsFile(
      paths.credentials,
      'credentials',
      (file) => {
        const found = { credentials: file.profile(profile), config };
        const owned = sessionOwnership(settings, profile, found, name);
        checkSessionTarget(profile, found, owned, paths, replace);
        writeSessionProfile(file, profile, session, owned.keys ? undefined : replacedHeading(profile));
        // The section's own aws_security_token is gone now, so one still read comes from [DEFAULT], which
        // botocore copies into every profile and reads before the session token Latchkey wrote.
        if (file.profile(profile)?.aws_security_token !== undefined)
          throw new LatchkeyError(
            'aws-file',
            `${paths.credentials}: its [DEFAULT] section holds aws_security_token, which Python AWS tools read in every profile before the session Latchkey writes; remove that line, then try again`,
          );
      },
      { warn: this.deps.notice },
    );
    await this.deps.settings.update((s) => {
      s.published = [...s.published.filter((entry) => entry.profile !== profile), { profile, source: name, fingerprint: fingerprint(session.accessKeyId) }];
    });
  }

  /** The cached provider of a name, and the settings it was built from. */
  async #provider(name: string, requester: string): Promise<{ provider: CachedProvider; settings: Settings }> {
    const settings = await this.deps.settings.load();
    const caching = {
      cache: this.deps.cache,
      clock: this.deps.clock,
      renewalWindowMs: settings.preferences.renewalWindowMinutes * MINUTE_MS,
      lockFolder: this.deps.runtimeFolder,
      flights: this.#flights,
      // A new session may replace an edited entry's or outlive a removed one's: tidy up on each write.
      stored: () => this.prune(settings),
    };
    const provider = buildProvider(name, requester, { ...this.#providerDeps(settings), wrap: (inner, owner) => new CachedProvider(inner, owner, caching) });
    if (!(provider instanceof CachedProvider)) throw new LatchkeyError('internal', `the session of "${name}" is not cached`);
    return { provider, settings };
  }

  #providerDeps(settings: Settings): Omit<ProviderDeps, 'wrap'> {
    return { settings, keychain: this.deps.keychain, sts: this.deps.sts, codes: this.#codes, clock: this.deps.clock, notice: this.deps.notice };
  }

  #paths(): ProfilePaths {
    return awsFilePaths(this.deps.env);
  }

  /** With --replace over a profile that gets credentials elsewhere, say that AWS tools disagree on which wins. */
  #warnShadowed(profile: string, config: AwsProfile | undefined, owned: Owned, configPath: string): void {
    const shadowing = credentialSources(config).filter((key) => !(key === 'credential_process' && owned.process));
    if (shadowing.length > 0)
      this.deps.notice(
        `profile "${profile}" also has ${shadowing.join(', ')} in ${configPath}: some AWS tools use that and others the session Latchkey writes (the AWS CLI takes role_arn and SSO first, the SDKs for JavaScript static keys first); remove it there to have only the session`,
      );
  }
}

/**
 * Ownership for session keys: Latchkey's own credential_process in the config profile counts only when
 * it serves this same name, or Latchkey already publishes sessions there (the person accepted once);
 * otherwise writing keys would change what an adopted profile, and those sourcing it, get.
 */
function sessionOwnership(settings: Settings, profile: string, found: { credentials?: AwsProfile; config?: AwsProfile }, name: string): Owned {
  const owned = ownedProfile(settings, profile, found);
  const servesName = settings.processProfiles.some((entry) => entry.profile === profile && entry.source === name);
  return { ...owned, process: owned.process && (servesName || owned.keys) };
}

export interface PublishOptions {
  /** Shown in the MFA prompt. */
  requester?: string;
  /** The person confirmed replacing credentials Latchkey did not write (never a long-term key). */
  replace?: boolean;
  /**
   * Where the session comes from when not from this engine: the CLI asks a running broker, so the
   * app's popup or the agent asks for MFA, not the terminal. Undefined from it: this engine's own.
   */
  session?: () => Promise<Session | undefined>;
}
