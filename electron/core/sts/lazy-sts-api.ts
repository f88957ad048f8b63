/**
 * The STS port for composition roots: loads the AWS SDK on the first call, not before, so a process
 * that is served from a cache never pays for it.
 */
import type { StsApi } from './sts-api';
import type { Env } from './sts-endpoint';

export function lazyStsApi(env: Env): StsApi {
  let loaded: Promise<StsApi> | undefined;
  const sts = () => (loaded ??= import('./create-sts-api').then(({ createStsApi }) => createStsApi(env)));
  return {
    getSessionToken: async (input) => (await sts()).getSessionToken(input),
    assumeRole: async (input) => (await sts()).assumeRole(input),
    getCallerIdentity: async (caller) => (await sts()).getCallerIdentity(caller),
  };
}
