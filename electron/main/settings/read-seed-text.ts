/** A seed as the person gave it: an otpauth:// URI (its label kept, to show whose it is) or a Base32 secret key. */
import { parseAwsOtpauthUri } from '../../core/totp/aws-otpauth-uri';
import { normalizeSeed } from '../../core/totp/seed';

export interface SeedInput {
  seed: string;
  issuer?: string;
  account?: string;
}

export const isOtpauthUri = (text: string): boolean => /^\s*otpauth:\/\//i.test(text);

export function readSeedText(text: string): SeedInput {
  if (!isOtpauthUri(text)) return { seed: normalizeSeed(text) };
  const { secret, issuer, account } = parseAwsOtpauthUri(text);
  return { seed: secret, issuer, account };
}
