/**
 * "Open console" for an identity or role, the one function the CLI (`latchkey console`) and the tray
 * call: the session (console-source.ts says which), a sign-in URL from the partition's federation
 * endpoint (LATCHKEY_FEDERATION_URL overrides it), and the browser — the default one, or with per-name
 * profiles on (the `consoleBrowserProfiles` preference) a Chromium-family browser with a profile folder
 * of its own under Latchkey's folder, or with containers on (`consoleFirefoxContainers`, which wins)
 * Firefox in a container of the name's own. The URL is a credential: the browser gets it through a one-shot
 * loopback redirect (one-shot-redirect.ts), so no command line ever holds it, or a caller that asked
 * for it gets it back (`consoleSignIn`, for `--print`); it goes nowhere else.
 */
import { dirname, join } from 'node:path';
import { LatchkeyError } from '../../shared/errors';
import { iamUserName } from '../../shared/iam-user-name';
import type { Preferences } from '../../shared/model';
import { chainRegion, roleChain } from '../../shared/role-chain';
import { check, validateEndpoint, validateName, validateRegion } from '../../shared/validation';
import type { Clock } from '../clock';
import type { Timers } from '../timers';
import type { Keychain } from '../keychain/keychain';
import type { SettingsStore } from '../settings/settings-store';
import type { Session } from '../sts/credentials';
import { IdentityProvider } from '../sts/identity-provider';
import type { StsApi, StsHelperApi } from '../sts/sts-api';
import { DEFAULT_STS_REGION, type Env } from '../sts/sts-endpoint';
import { stsError } from '../sts/sts-errors';
import type { BrowserOpener, OpenedIn, OpenOptions } from './browser-opener';
import { consoleDestination, federationEndpoint, partitionOf } from './console-partition';
import { consoleSource, type ConsoleSource } from './console-source';
import { oneShotRedirect, REDIRECT_WAIT_MS } from './one-shot-redirect';
import { signinUrl } from './signin-url';

export interface ConsoleDeps {
  settings: SettingsStore;
  keychain: Keychain;
  sts: StsApi & StsHelperApi;
  clock: Clock;
  /** LATCHKEY_FEDERATION_URL, and STS's endpoint variables for GetFederationToken. */
  env: Env;
  /** A role's session as the engine hands it out (cached, single-flighted; the CLI asks a running broker first). */
  session: (name: string) => Promise<Session>;
  fetch?: typeof fetch;
}

export interface ConsoleRequest {
  name: string;
  /** The console page: `s3`, `ec2`…; the console's home when left out. */
  service?: string;
  /** The region the page shows; the name's own (its chain's) when left out. */
  region?: string;
}

export interface ConsoleSignIn {
  /** The sign-in URL: a credential for 15 minutes. */
  url: string;
  /** Something the person should know: a federation token carries no MFA. */
  notice?: string;
  /** Where the name's console opens apart from other accounts': its Firefox container or browser profile folder, when one is on. */
  apart?: OpenOptions;
}

const SERVICE = /^[a-z0-9][a-z0-9-]{0,62}$/;
const HOME = 'console';
/** GetFederationToken's Name: 2-32 of [\w+=,.@-]. */
const FEDERATED_NAME = /[^\w+=,.@-]/g;
/** Without a session policy a federation token may do nothing; with this one, what the IAM user may. */
const ALLOW_ALL = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

export async function consoleSignIn(deps: ConsoleDeps, request: ConsoleRequest): Promise<ConsoleSignIn> {
  const { name, service = HOME } = request;
  check(validateName('name'), name);
  if (!SERVICE.test(service)) throw new LatchkeyError('invalid-input', `service "${service}" must be a console path such as s3, ec2 or cloudwatch (a-z, 0-9 and -)`);
  if (request.region !== undefined) check(validateRegion, request.region);
  const federationUrl = deps.env.LATCHKEY_FEDERATION_URL;
  if (federationUrl) {
    const problem = validateEndpoint(federationUrl);
    if (problem !== undefined) throw new LatchkeyError('invalid-input', `LATCHKEY_FEDERATION_URL: ${problem}; correct or unset it`);
  }

  const settings = await deps.settings.load();
  const source = consoleSource(settings, name);
  const partition = partitionOf(source.identity, source.kind === 'role' ? source.role : undefined);
  const session = source.kind === 'role' ? await deps.session(name) : await federationToken(deps, source);
  const url = await signinUrl(
    {
      session,
      sessionDuration: source.kind === 'role' ? source.sessionDuration : undefined,
      federationUrl: federationUrl || federationEndpoint(partition),
      destination: consoleDestination(partition, service, request.region ?? chainRegion(roleChain(settings, name))),
    },
    deps.fetch,
  );
  return {
    url,
    ...(source.kind === 'federation-token' ? { notice: noMfaNotice(source, settings.mfaDevices.some((device) => device.identity === source.identity.name)) } : {}),
    ...apartFrom(settings.preferences, deps.settings.path, name),
  };
}

export interface ConsoleOpening {
  opener: BrowserOpener;
  /** The redirect's deadline; the system's timers when left out. */
  timers?: Timers;
  /** Told once the browser was asked, while the person waits for it (a line that holds no secret). */
  waiting?: (message: string) => void;
}

export interface ConsoleOpened {
  openedIn: OpenedIn;
  /** Something the person should know: a federation token carries no MFA, a profile or container fell back. */
  notice?: string;
}

/**
 * Signs in and opens the browser on the loopback redirect, then waits until the browser fetched it;
 * resolves to where it opened and what the person should know. A browser that never came for it is
 * an error: the URL was withdrawn, and the console did not open.
 */
export async function openConsole(deps: ConsoleDeps & ConsoleOpening, request: ConsoleRequest): Promise<ConsoleOpened> {
  const { url, notice, apart = {} } = await consoleSignIn(deps, request);
  const redirect = await oneShotRedirect(url, { timers: deps.timers });
  let openedIn: OpenedIn;
  try {
    openedIn = await deps.opener.open(redirect.url, apart);
  } catch (error) {
    redirect.close();
    throw error;
  }
  deps.waiting?.(`waiting for the browser to open the AWS console (at most ${REDIRECT_WAIT_MS / 1000} s)…`);
  if (!(await redirect.served))
    throw new LatchkeyError(
      'cancelled',
      `no browser came for the console sign-in of "${request.name}" within ${REDIRECT_WAIT_MS / 1000} s, so Latchkey withdrew it: check that a default browser is set, and try again`,
    );
  const fellBack = openedIn === 'default-browser' ? fallBackNotice(apart) : undefined;
  const notices = [notice, fellBack].filter((text): text is string => text !== undefined);
  return { openedIn, ...(notices.length > 0 ? { notice: notices.join('; ') } : {}) };
}

/** A federation token from the identity's long-term key: what the console accepts for an IAM user. */
async function federationToken(deps: ConsoleDeps, source: Extract<ConsoleSource, { kind: 'federation-token' }>): Promise<Session> {
  const { identity, durationSeconds } = source;
  const credentials = await new IdentityProvider(identity, deps.keychain).retrieve();
  const user = (iamUserName(identity.arn) ?? identity.name).replace(FEDERATED_NAME, '-').slice(0, 32);
  try {
    return await deps.sts.getFederationToken({
      credentials,
      region: identity.region ?? DEFAULT_STS_REGION,
      stsEndpoint: identity.stsEndpoint,
      name: user.length >= 2 ? user : `${user}-latchkey`,
      durationSeconds,
      policy: ALLOW_ALL,
    });
  } catch (error) {
    throw stsError(error, { action: 'GetFederationToken', subject: `identity "${identity.name}"`, identity, signedWithSession: false, nowMs: deps.clock.now() });
  }
}

function noMfaNotice(source: Extract<ConsoleSource, { kind: 'federation-token' }>, hasDevice: boolean): string {
  const { name } = source.identity;
  return `the console session of identity "${name}" is a federation token made with its long-term key: it carries no MFA${hasDevice ? ', although the identity has an MFA device' : ''}, so what its policies allow only with MFA is denied there; for that, open the console of a role (latchkey console ROLE)`;
}

/** Where the preferences say a name's console opens apart from other accounts': containers win over profiles. */
function apartFrom(preferences: Preferences, settingsPath: string, name: string): { apart?: OpenOptions } {
  if (preferences.consoleFirefoxContainers) return { apart: { container: name } };
  if (preferences.consoleBrowserProfiles) return { apart: { profileFolder: profileFolder(settingsPath, name) } };
  return {};
}

/** What to say when the browser asked for was missing and the default one opened the console instead. */
function fallBackNotice({ container, profileFolder }: OpenOptions): string | undefined {
  const missing =
    container !== undefined ? 'no Firefox was found for a container of its own' : profileFolder !== undefined ? 'no Chromium or Chrome was found for a browser profile of its own' : undefined;
  return missing === undefined ? undefined : `${missing}, so the default browser opened it (its cookies are shared between accounts)`;
}

/** A folder per name under Latchkey's own, its name made safe for any file system. */
function profileFolder(settingsPath: string, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_.@+-]/g, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return join(dirname(settingsPath), 'browser-profiles', safe);
}
