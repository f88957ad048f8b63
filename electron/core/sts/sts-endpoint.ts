/**
 * Which STS endpoint a call goes to: AWS_ENDPOINT_URL_STS, else AWS_ENDPOINT_URL (the SDKs' and CLIs'
 * own precedence, so tests and private endpoints work the same for every tool), else the identity's
 * endpoint setting. undefined means the regional endpoint of the call's region. A variable that is not
 * an http(s) URL is refused by name, before anything is sent: the SDK would only say "Invalid URL".
 */
import { LatchkeyError } from '../../shared/errors';
import { validateEndpoint } from '../../shared/validation';

/** Where an identity or role without a region of its own calls STS. */
export const DEFAULT_STS_REGION = 'us-east-1';

export type Env = Readonly<Record<string, string | undefined>>;

const VARIABLES = ['AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL'] as const;

export function stsEndpoint(env: Env, identityEndpoint: string | undefined): string | undefined {
  const variable = VARIABLES.find((name) => env[name]);
  if (variable === undefined) return identityEndpoint || undefined;
  const value = env[variable] as string;
  const problem = validateEndpoint(value);
  if (problem !== undefined) throw new LatchkeyError('invalid-input', `${variable}: ${problem}; correct or unset it`);
  return value;
}
