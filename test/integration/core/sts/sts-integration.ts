/**
 * What the STS integration suites share: IAM set-up against moto, and the provider tree wired as a
 * composition root would — the real SDK-backed STS (loaded lazily), the session cache wrapper, the
 * replay guard — with a memory keychain and a prompt that counts how often a person was asked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { systemClock } from '../../../../electron/core/clock';
import { CachedProvider } from '../../../../electron/core/sessions/cached-provider';
import { MemorySessionCache } from '../../../../electron/core/sessions/memory-session-cache';
import type { Session } from '../../../../electron/core/sessions/session-cache';
import { SingleFlight } from '../../../../electron/core/sessions/single-flight';
import { buildProvider, type ProviderSettings } from '../../../../electron/core/sts/build-provider';
import type { CredentialProvider } from '../../../../electron/core/sts/credentials';
import { lazyStsApi } from '../../../../electron/core/sts/lazy-sts-api';
import { MfaCodeSource } from '../../../../electron/core/sts/mfa-code-source';
import type { MfaPromptRequest } from '../../../../electron/core/sts/mfa-prompt';
import type { Env } from '../../../../electron/core/sts/sts-endpoint';
import { MemoryStepStore } from '../../../../electron/core/totp/memory-step-store';
import { ReplayGuard } from '../../../../electron/core/totp/replay-guard';
import { MemoryKeychain } from '../../../fakes/memory-keychain';

export const ACCOUNT = '123456789012';

/** Any key signs IAM calls while moto's auth is still off. */
export function iamClient(endpoint: string): IAMClient {
  return new IAMClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  });
}

/** An IAM user with an access key and, optionally, an inline policy. */
export async function createUser(iam: IAMClient, name: string, policy?: object): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  if (policy) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'policy', PolicyDocument: JSON.stringify(policy) }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  if (!AccessKey?.AccessKeyId || !AccessKey.SecretAccessKey) throw new Error(`moto created no access key for ${name}`);
  return { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey };
}

/** A role the given users may assume, with an optional sts:ExternalId condition. Returns its ARN. */
export async function createRole(iam: IAMClient, name: string, users: string[], externalId?: string): Promise<string> {
  const trust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        // moto matches principals exactly (user ARNs), not an account's root.
        Principal: { AWS: users.map((user) => `arn:aws:iam::${ACCOUNT}:user/${user}`) },
        Action: 'sts:AssumeRole',
        ...(externalId ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } } : {}),
      },
    ],
  };
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }));
  if (!Role?.Arn) throw new Error(`moto created no role ${name}`);
  return Role.Arn;
}

export const ALLOW_ASSUME_ROLE = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };

export function providerWorld(settings: ProviderSettings, env: Env) {
  const keychain = new MemoryKeychain();
  const asked: MfaPromptRequest[] = [];
  // moto does not check MFA codes; the fake STS in the unit tests does.
  const prompt = { ask: async (request: MfaPromptRequest) => (asked.push(request), '123456') };
  const caching = {
    cache: new MemorySessionCache(),
    clock: systemClock,
    renewalWindowMs: 15 * 60_000,
    lockFolder: mkdtempSync(join(tmpdir(), 'latchkey-sts-locks-')),
    flights: new SingleFlight<Session>(),
  };
  const notices: string[] = [];
  const deps = {
    settings,
    keychain,
    sts: lazyStsApi(env),
    codes: new MfaCodeSource(prompt, keychain, new ReplayGuard(new MemoryStepStore(), systemClock)),
    clock: systemClock,
    notice: (message: string) => notices.push(message),
    wrap: (provider: CredentialProvider) => new CachedProvider(provider, caching),
  };
  return { keychain, asked, notices, build: (name: string) => buildProvider(name, 'integration test', deps) };
}
