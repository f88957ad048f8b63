/**
 * Provider keys name everything that produced a session (ARNs, external ids, durations) and can be long;
 * keychain account names and lock file names get a short, stable digest of them instead.
 */
import { createHash } from 'node:crypto';

export function sessionKeyDigest(providerKey: string): string {
  return createHash('sha256').update(providerKey).digest('base64url').slice(0, 32);
}
