/**
 * Which STS endpoint a call goes to: AWS_ENDPOINT_URL_STS, else AWS_ENDPOINT_URL (the SDKs' and CLIs'
 * own precedence, so tests and private endpoints work the same for every tool), else the identity's
 * endpoint setting. undefined means the regional endpoint of the call's region.
 */
/** Where an identity or role without a region of its own calls STS. */
export const DEFAULT_STS_REGION = 'us-east-1';

export type Env = Readonly<Record<string, string | undefined>>;

export function stsEndpoint(env: Env, identityEndpoint: string | undefined): string | undefined {
  return env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL || identityEndpoint || undefined;
}
