/**
 * "Test" in the settings window: assumes the role once, now (asking for MFA as any use would), and asks
 * STS who that session is, so the person sees the assumed-role ARN rather than just "it worked".
 */
import type { RoleTest } from '../../shared/ipc-contract';
import { chainRegion, roleChain } from '../../shared/role-chain';
import type { Clock } from '../clock';
import { findEntry } from '../settings/find-entry';
import type { SettingsStore } from '../settings/settings-store';
import type { StsApi } from '../sts/sts-api';
import { DEFAULT_STS_REGION } from '../sts/sts-endpoint';
import { stsError } from '../sts/sts-errors';
import type { SessionEngine } from './session-engine';

export interface TestRoleDeps {
  engine: Pick<SessionEngine, 'renew'>;
  settings: SettingsStore;
  sts: StsApi;
  clock: Clock;
}

export async function testRole({ engine, settings: store, sts, clock }: TestRoleDeps, name: string): Promise<RoleTest> {
  const settings = await store.load();
  findEntry(settings.roles, 'role', name);
  const session = await engine.renew(name, `settings: test of role ${name}`);
  const chain = roleChain(settings, name);
  const { identity } = chain;
  try {
    const caller = await sts.getCallerIdentity({ credentials: session, region: chainRegion(chain) ?? DEFAULT_STS_REGION, stsEndpoint: identity.stsEndpoint });
    return { arn: caller.arn, account: caller.account, expiration: session.expiration.toISOString() };
  } catch (error) {
    throw stsError(error, { action: 'GetCallerIdentity', subject: `role "${name}"`, identity, signedWithSession: true, nowMs: clock.now() });
  }
}
