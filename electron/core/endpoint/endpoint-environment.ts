/**
 * The environment of a program served by a grant: the two variables every SDK and both AWS CLIs read,
 * the grant's region, and none of the variables that would make a tool look elsewhere first. What the
 * environment cannot change, profile files, comes first too (credential-endpoint.ts says what the host
 * should do about it).
 */
import type { IssuedGrant } from './credential-endpoint';

/**
 * Read before container credentials (AWS_ACCESS_KEY_ID and its kin, a named profile, web identity) or
 * instead of the token and URI set here (a token file, a relative URI: both SDKs prefer them).
 */
export const ENDPOINT_SHADOWING_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ROLE_ARN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
];

/** `env` with the grant's variables set and the shadowing ones removed; `env` itself is not changed. */
export function endpointEnvironment(env: NodeJS.ProcessEnv, grant: Pick<IssuedGrant, 'uri' | 'token' | 'region'>): NodeJS.ProcessEnv {
  const result = { ...env };
  for (const key of ENDPOINT_SHADOWING_VARIABLES) delete result[key];
  result.AWS_CONTAINER_CREDENTIALS_FULL_URI = grant.uri;
  result.AWS_CONTAINER_AUTHORIZATION_TOKEN = grant.token;
  if (grant.region) Object.assign(result, { AWS_REGION: grant.region, AWS_DEFAULT_REGION: grant.region });
  return result;
}
