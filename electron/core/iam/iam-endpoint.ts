/**
 * Where IAM calls go: AWS_ENDPOINT_URL_IAM, else AWS_ENDPOINT_URL (the SDKs' and CLIs' own precedence),
 * else the partition's global IAM endpoint, which the SDK picks from the region. A variable that is not
 * an http(s) URL is refused by name, before anything is sent.
 */
import { LatchkeyError } from '../../shared/errors';
import { validateEndpoint } from '../../shared/validation';
import type { Env } from '../sts/sts-endpoint';

const VARIABLES = ['AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL'] as const;

export function iamEndpoint(env: Env): string | undefined {
  const variable = VARIABLES.find((name) => env[name]);
  if (variable === undefined) return undefined;
  const value = env[variable] as string;
  const problem = validateEndpoint(value);
  if (problem !== undefined) throw new LatchkeyError('invalid-input', `${variable}: ${problem}; correct or unset it`);
  return value;
}

/** The partition's IAM endpoint, for messages: where the SDK sends a call without an endpoint of ours. */
export function globalIamEndpoint(region: string): string {
  if (region.startsWith('cn-')) return 'https://iam.cn-north-1.amazonaws.com.cn';
  if (region.startsWith('us-gov-')) return 'https://iam.us-gov.amazonaws.com';
  return 'https://iam.amazonaws.com';
}
