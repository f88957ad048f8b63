/**
 * The ~/.aws a new Latchkey user already has — long-term keys, a pasted session, role chains, SSO,
 * another tool's credential_process, keys in the config file, comments and CRLF — and the real AWS
 * clients (CLI v1 and v2, boto3, the JS SDK) asked which of its profiles work. The coexistence suite
 * measures that before and after a Latchkey command: every profile that worked still works (SPEC §4).
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateRoleCommand, PutRolePolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { AWS_CLI_V2_PATH } from './components';
import type { CliWorld } from './latchkey-cli';
import { ACCOUNT, ALLOW_ASSUME_ROLE, createRole, createUser, iamClient, type AccessKey } from './moto-iam';

const USER_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetSessionToken'], Resource: '*' }] };

export type AwsClient = 'cli-v1' | 'cli-v2' | 'boto3' | 'js-sdk';
export const AWS_CLIENTS: readonly AwsClient[] = ['cli-v1', 'cli-v2', 'boto3', 'js-sdk'];

/** What a profile should do now: run as an identity (see identityOf), or fail for a stated reason. */
export type Expectation = { works: true; identity: string } | { works: false; why: string };

export interface ExistingAws {
  /** [default]'s key (user `me`), also in [profile keys-in-config]. */
  me: AccessKey;
  /** [work]'s key (user `work`), also what [profile vault]'s credential_process prints. */
  work: AccessKey;
  /** [pasted]: a live session of role dev (session name `pasted`), as copied from the console. */
  pasted: AccessKey & { sessionToken: string };
  /** The credential_process program of [profile vault]. */
  vaultScript: string;
  /** Every profile the two files define, in file order. */
  profiles: string[];
  expected: Record<string, Expectation>;
}

const arnOf = (kind: 'user' | 'role' | 'assumed-role', name: string) =>
  kind === 'assumed-role' ? `arn:aws:sts::${ACCOUNT}:assumed-role/${name}` : `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;

/**
 * Who an ARN is, without what differs between clients: an assumed-role ARN's session name (botocore
 * picks `botocore-session-…`, the JS SDK `aws-sdk-js-…`, Latchkey the user's name).
 */
export function identityOf(arn: string): string {
  return arn.replace(/^(arn:[^:]+:sts::\d+:assumed-role\/[^/]+)\/.*$/, '$1');
}

/**
 * A role trusting one session of another role. moto compares principals literally (measured: the
 * account's root, the account id, the role's ARN and `assumed-role/dev/*` are all refused; only the
 * exact session ARN passes), so the chain's profiles set role_session_name and the next role trusts
 * that session. (moto-iam's createRole trusts users only.)
 */
async function createChainedRole(iam: IAMClient, name: string, from: { role: string; session: string }): Promise<void> {
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: [`${arnOf('assumed-role', from.role)}/${from.session}`] }, Action: 'sts:AssumeRole' }],
  };
  await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }));
}

/** Lets a role's sessions assume further roles (the next link of a chain). */
async function allowAssumeRole(iam: IAMClient, role: string): Promise<void> {
  await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: 'chain', PolicyDocument: JSON.stringify(ALLOW_ASSUME_ROLE) }));
}

/**
 * Creates the users and roles in moto (whose auth must still be off) and writes the world's
 * credentials and config files as a user of several tools would have them.
 */
export async function existingAwsSetup(world: CliWorld, motoUrl: string): Promise<ExistingAws> {
  const iam = iamClient(motoUrl);
  // AWS lets any IAM user call GetSessionToken without a policy; moto evaluates one, so say it here.
  const me = await createUser(iam, 'me', USER_POLICY);
  const work = await createUser(iam, 'work', USER_POLICY);
  await createRole(iam, 'dev', ['me']);
  await createRole(iam, 'deployer', ['work']);
  await createRole(iam, 'admin', ['work']);
  await createChainedRole(iam, 'ops', { role: 'dev', session: 'me-dev' });
  await createChainedRole(iam, 'deep', { role: 'ops', session: 'me-ops' });
  await allowAssumeRole(iam, 'dev');
  await allowAssumeRole(iam, 'ops');

  // A real session of dev, so [pasted] works like a session copied from the console: moto keeps the
  // sessions it issued and accepts them once auth is on (it does not check their expiry).
  const sts = new STSClient({ region: 'us-east-1', endpoint: motoUrl, credentials: me });
  const { Credentials: session } = await sts.send(new AssumeRoleCommand({ RoleArn: arnOf('role', 'dev'), RoleSessionName: 'pasted' }));
  if (!session?.AccessKeyId || !session.SecretAccessKey || !session.SessionToken) throw new Error('moto returned no session for [pasted]');
  const pasted = { accessKeyId: session.AccessKeyId, secretAccessKey: session.SecretAccessKey, sessionToken: session.SessionToken };

  // Another tool's credential_process (a password manager, say): prints the work key as JSON v1.
  mkdirSync(join(world.home, 'bin'), { mode: 0o700 });
  const vaultScript = join(world.home, 'bin', 'vault-aws');
  const vaultJson = JSON.stringify({ Version: 1, AccessKeyId: work.accessKeyId, SecretAccessKey: work.secretAccessKey });
  writeFileSync(vaultScript, `#!/bin/sh\nif [ "$1" != work ]; then echo "vault-aws: no entry $1" >&2; exit 1; fi\nprintf '%s\\n' '${vaultJson}'\n`);
  chmodSync(vaultScript, 0o700);

  const credentials = [
    '# Written by hand and by `aws configure`, over the years',
    '[default]',
    `aws_access_key_id = ${me.accessKeyId}`,
    `aws_secret_access_key = ${me.secretAccessKey}`,
    '',
    '; the work account; [profile work] in the config assumes a role with this key',
    '[work]',
    `aws_access_key_id = ${work.accessKeyId}`,
    `aws_secret_access_key=${work.secretAccessKey}`,
    '',
    '# pasted from the console\'s "Command line or programmatic access"',
    '[pasted]',
    `aws_access_key_id = ${pasted.accessKeyId}`,
    `aws_secret_access_key = ${pasted.secretAccessKey}`,
    `aws_session_token = ${pasted.sessionToken}`,
    '',
  ].join('\r\n');

  const config = [
    '# ~/.aws/config',
    '[default]',
    'region = us-east-1',
    'output = json',
    's3 =',
    '    max_concurrent_requests = 20',
    '',
    '; my roles, assumed from [default]; ops trusts only the dev session named me-dev, deep only me-ops',
    '[profile dev]',
    `role_arn = ${arnOf('role', 'dev')}`,
    'source_profile = default',
    'role_session_name = me-dev',
    '',
    '[profile ops]',
    `role_arn = ${arnOf('role', 'ops')}`,
    'source_profile = dev',
    'role_session_name = me-ops',
    '',
    '[profile deep]',
    `role_arn = ${arnOf('role', 'deep')}`,
    'source_profile = ops',
    '',
    '# a profile that is its own source: its role is assumed with [work]\'s key from the credentials file',
    '[profile work]',
    `role_arn = ${arnOf('role', 'deployer')}`,
    'source_profile = work',
    'region = eu-west-1',
    '',
    '; source_profile = work means work\'s key, not work\'s role',
    '[profile admin]',
    `role_arn = ${arnOf('role', 'admin')}`,
    'source_profile = work',
    '',
    '[profile corp-sso]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = us-east-1',
    `sso_account_id = ${ACCOUNT}`,
    'sso_role_name = ReadOnly',
    'region = us-east-1',
    '',
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = us-east-1',
    'sso_registration_scopes = sso:account:access',
    '',
    '[profile vault]',
    `credential_process = ${vaultScript} work`,
    '',
    '# someone put keys here instead of the credentials file',
    '[profile keys-in-config]',
    `aws_access_key_id = ${me.accessKeyId}`,
    `aws_secret_access_key = ${me.secretAccessKey}`,
    '',
    '[services x]',
    's3 =',
    '  endpoint_url = http://localhost:9000',
    '',
  ].join('\n');

  writeFileSync(world.credentialsFile, credentials, { mode: 0o600 });
  writeFileSync(world.configFile, config, { mode: 0o600 });

  const works = (identity: string): Expectation => ({ works: true, identity });
  return {
    me,
    work,
    pasted,
    vaultScript,
    profiles: ['default', 'work', 'pasted', 'dev', 'ops', 'deep', 'admin', 'corp-sso', 'vault', 'keys-in-config'],
    expected: {
      default: works(arnOf('user', 'me')),
      work: works(arnOf('assumed-role', 'deployer')),
      pasted: works(arnOf('assumed-role', 'dev')),
      dev: works(arnOf('assumed-role', 'dev')),
      ops: works(arnOf('assumed-role', 'ops')),
      deep: works(arnOf('assumed-role', 'deep')),
      admin: works(arnOf('assumed-role', 'admin')),
      'corp-sso': { works: false, why: 'no SSO portal or cached SSO token here' },
      vault: works(arnOf('user', 'work')),
      'keys-in-config': works(arnOf('user', 'me')),
    },
  };
}

/** What one client made of one profile: who it ran as, its error, or why it could not be asked here. */
export type Outcome = { arn: string } | { error: string } | { unchecked: string };

/** profile → client → outcome. */
export type WhatWorks = Record<string, Partial<Record<AwsClient, Outcome>>>;

const PYTHON_CHECK = fileURLToPath(new URL('profile-check.py', import.meta.url));
const JS_CHECK = fileURLToPath(new URL('profile-check-js.cjs', import.meta.url));
/** Bounds a hung client (an MFA prompt nobody answers, a dead endpoint) so the suite reports it. */
const CLIENT_TIMEOUT_MS = 60_000;

function runClient(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; error?: string }> {
  return new Promise((done) => {
    execFile(command, args, { env, timeout: CLIENT_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (!error) return done({ stdout });
      // The clients put the reason on their last line of stderr.
      const reason = stderr.trim().split('\n').at(-1)?.trim() || error.message.split('\n')[0]!;
      done({ stdout, error: error.killed ? `killed after ${CLIENT_TIMEOUT_MS} ms: ${reason}` : reason });
    });
  });
}

async function cliOutcome(cli: string, profile: string, motoUrl: string, env: NodeJS.ProcessEnv): Promise<Outcome> {
  const { stdout, error } = await runClient(cli, ['sts', 'get-caller-identity', '--profile', profile, '--endpoint-url', motoUrl, '--output', 'json'], env);
  if (error) return { error };
  try {
    return { arn: (JSON.parse(stdout) as { Arn: string }).Arn };
  } catch {
    return { error: `unreadable output: ${stdout.slice(0, 200)}` };
  }
}

/** Both scripts print {profile: {arn} | {error}}; a script that fails outright fails every profile. */
async function batchOutcomes(command: string, script: string, profiles: readonly string[], motoUrl: string, env: NodeJS.ProcessEnv): Promise<Record<string, Outcome>> {
  const { stdout, error } = await runClient(command, [script, motoUrl, ...profiles], env);
  let failure = error;
  if (!failure) {
    try {
      return JSON.parse(stdout) as Record<string, Outcome>;
    } catch {
      failure = `unreadable output: ${stdout.slice(0, 200)}`;
    }
  }
  return Object.fromEntries(profiles.map((profile) => [profile, { error: `${script} failed: ${failure}` }]));
}

/**
 * Why CLI v2 cannot be asked about a profile now, or undefined. v2.9 (Debian's) predates
 * AWS_ENDPOINT_URL_STS and applies --endpoint-url only to the command's own call, so the AssumeRole it
 * makes for a role_arn profile (or AssumeRoleWithWebIdentity) goes to the real sts.amazonaws.com, never
 * to moto: its answer there would say nothing about these files. Decided from the files as they are at
 * check time, because a profile Latchkey later turns into credential_process becomes checkable.
 */
async function whyCliV2CannotCheck(world: CliWorld): Promise<(profile: string) => string | undefined> {
  const files = await loadSharedConfigFiles({ filepath: world.credentialsFile, configFilepath: world.configFile, ignoreCache: true });
  return (profile) => {
    // botocore reads a profile's keys from both files, the credentials file winning.
    const keys = { ...files.configFile[profile], ...files.credentialsFile[profile] };
    const stsKey = ['role_arn', 'web_identity_token_file'].find((key) => keys[key] !== undefined);
    return stsKey && `CLI v2.9 sends the ${stsKey} profile's own STS call to AWS, not to moto (no AWS_ENDPOINT_URL_STS support)`;
  };
}

/** Runs tasks with at most `limit` in flight: each CLI call costs 1–3 s and most of a core here. */
async function inPool(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/**
 * Asks each client who each profile runs as (STS GetCallerIdentity against moto), with the world's
 * environment — a profile may run `latchkey credential-process`, which needs the world's HOME, files,
 * LATCHKEY_* and keychain bus. The clients' own AssumeRole calls follow the world's
 * AWS_ENDPOINT_URL_STS (moto, or a proxy in front of it); CLI v2 cannot, see whyCliV2CannotCheck.
 */
export async function profilesThatWork(
  world: CliWorld,
  motoUrl: string,
  profiles: readonly string[],
  clients: readonly AwsClient[] = AWS_CLIENTS,
): Promise<WhatWorks> {
  const env: NodeJS.ProcessEnv = {
    ...world.env,
    AWS_ENDPOINT_URL_STS: world.env.AWS_ENDPOINT_URL_STS ?? motoUrl,
    // No instance-metadata probe (1 s+ of timeouts) when a profile has no credentials.
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  // Both CLIs cache the sessions of role profiles in ~/.aws/cli/cache, keyed by the role's settings
  // and not by its source's: a cached session would still "work" after its source profile broke, and
  // v2 would answer from v1's sessions. Every run starts without them, so it measures the files.
  rmSync(join(world.env.HOME ?? world.home, '.aws', 'cli', 'cache'), { recursive: true, force: true });
  const v2Problem = clients.includes('cli-v2') ? await whyCliV2CannotCheck(world) : () => undefined;
  const whatWorks: WhatWorks = Object.fromEntries(profiles.map((profile) => [profile, {}]));
  // The two batch scripts go first: each lasts as long as its slowest profile, so the CLI calls fill
  // the other slots meanwhile.
  const tasks: (() => Promise<void>)[] = [];
  for (const client of clients.filter((c) => c === 'boto3' || c === 'js-sdk')) {
    const [command, script] = client === 'boto3' ? ['python3', PYTHON_CHECK] : [process.execPath, JS_CHECK];
    tasks.push(async () => {
      const outcomes = await batchOutcomes(command, script, profiles, motoUrl, env);
      for (const profile of profiles) whatWorks[profile]![client] = outcomes[profile] ?? { error: `${script} said nothing` };
    });
  }
  for (const client of clients.filter((c) => c === 'cli-v1' || c === 'cli-v2')) {
    const cli = client === 'cli-v1' ? 'aws' : AWS_CLI_V2_PATH;
    for (const profile of profiles) {
      const unchecked = client === 'cli-v2' ? v2Problem(profile) : undefined;
      if (unchecked) whatWorks[profile]![client] = { unchecked };
      else tasks.push(async () => void (whatWorks[profile]![client] = await cliOutcome(cli, profile, motoUrl, env)));
    }
  }
  await inPool(tasks, 4);
  return whatWorks;
}

/**
 * Fails unless every (client, profile) that worked before still works, as the same user or role. A
 * profile the user asked Latchkey to replace (`--replace`, `--adopt`) goes in `replaced`.
 */
export function assertStillWork(before: WhatWorks, after: WhatWorks, replaced: readonly string[] = []): void {
  const broken: string[] = [];
  for (const [profile, byClient] of Object.entries(before)) {
    if (replaced.includes(profile)) continue;
    for (const [client, outcome] of Object.entries(byClient) as [AwsClient, Outcome][]) {
      if (!('arn' in outcome)) continue;
      const now = after[profile]?.[client];
      if (now && 'arn' in now && identityOf(now.arn) === identityOf(outcome.arn)) continue;
      const what = !now ? 'was not checked' : 'arn' in now ? `runs as ${now.arn}` : 'error' in now ? `fails: ${now.error}` : `cannot be checked: ${now.unchecked}`;
      broken.push(`${client} --profile ${profile}: ran as ${outcome.arn}, now ${what}`);
    }
  }
  if (broken.length > 0) throw new Error(`profiles that worked before and no longer do:\n  ${broken.join('\n  ')}`);
}

export interface AwsFilesSnapshot {
  credentials: Buffer | null;
  config: Buffer | null;
}

/** Both files' exact bytes (null when absent), to prove a refused command wrote nothing. */
export function snapshot(world: CliWorld): AwsFilesSnapshot {
  const read = (path: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  return { credentials: read(world.credentialsFile), config: read(world.configFile) };
}
