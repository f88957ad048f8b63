/**
 * "Test" in the settings window: assumes the role once, now (asking for MFA as any use would), and asks
 * STS who that session is, so the person sees the assumed-role ARN rather than just "it worked".
 */
import type { RoleTest } from '../../shared/ipc-contract';
import type { Identity, Settings } from '../../shared/model';
import type { Clock } from '../../core/clock';
import type { SessionEngine } from '../../core/sessions/session-engine';
import { findEntry } from '../../core/settings/find-entry';
import { regionOf } from '../../core/settings/region-of';
import type { SettingsStore } from '../../core/settings/settings-store';
import type { StsApi } from '../../core/sts/sts-api';
import { DEFAULT_STS_REGION } from '../../core/sts/sts-endpoint';
import { stsError } from '../../core/sts/sts-errors';

export interface TestRoleDeps {
  engine: Pick<SessionEngine, 'renew'>;
  settings: SettingsStore;
  sts: StsApi;
  clock: Clock;
}

export async function testRole({ engine, settings: store, sts, clock }: TestRoleDeps, name: string): Promise<RoleTest> {
  const settings = await store.load();
  const role = findEntry(settings.roles, 'role', name);
  const session = await engine.renew(name, `settings: test of role ${name}`);
  const identity = rootIdentity(settings, role.source);
  try {
    const caller = await sts.getCallerIdentity({ credentials: session, region: regionOf(settings, name) ?? DEFAULT_STS_REGION, stsEndpoint: identity.stsEndpoint });
    return { arn: caller.arn, account: caller.account, expiration: session.expiration.toISOString() };
  } catch (error) {
    throw stsError(error, { action: 'GetCallerIdentity', subject: `role "${name}"`, identity, signedWithSession: true, nowMs: clock.now() });
  }
}

/** The identity a chain of roles starts at; the settings check guarantees there is one. */
function rootIdentity(settings: Settings, source: string): Identity {
  let current = source;
  for (let role = settings.roles.find((r) => r.name === current); role; role = settings.roles.find((r) => r.name === current)) current = role.source;
  return findEntry(settings.identities, 'identity', current);
}
