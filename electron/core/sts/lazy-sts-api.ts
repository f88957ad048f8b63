/**
 * The STS port for composition roots: loads the AWS SDK on the first call, not before, so a process
 * that is served from a cache never pays for it.
 */
import type { StsApi, StsHelperApi } from './sts-api';
import type { Env } from './sts-endpoint';

export function lazyStsApi(env: Env): StsApi & StsHelperApi {
  let loaded: Promise<StsApi & StsHelperApi> | undefined;
  const sts = () => (loaded ??= import('./create-sts-api').then(({ createStsApi }) => createStsApi(env)));
  return {
    getSessionToken: async (input) => (await sts()).getSessionToken(input),
    assumeRole: async (input) => (await sts()).assumeRole(input),
    getCallerIdentity: async (caller) => (await sts()).getCallerIdentity(caller),
    getFederationToken: async (input) => (await sts()).getFederationToken(input),
    getAccessKeyInfo: async (input) => (await sts()).getAccessKeyInfo(input),
    decodeAuthorizationMessage: async (input) => (await sts()).decodeAuthorizationMessage(input),
  };
}
