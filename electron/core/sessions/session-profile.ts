/**
 * A session as a credentials-file profile: the three keys every AWS tool reads, and
 * `x_security_token_expires` (ISO 8601 UTC, the convention saml2aws and shell prompts read). A stale
 * `aws_security_token` is removed, since botocore reads it before `aws_session_token`.
 */
import type { Session } from '../sts/credentials';
import type { AwsFile, AwsProfile } from '../aws-files/aws-file';

const SESSION_KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'x_security_token_expires'] as const;
const STALE_KEYS = ['aws_security_token'];

/** 2026-11-22T18:04:05Z: seconds are all the precision STS gives. */
export const expiresText = (expiration: Date): string => expiration.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Writes the session's keys. With `replacing`, credentials already there (not Latchkey's: the person
 * confirmed) are kept as a comment under that heading, which unpublish puts back.
 */
export function writeSessionProfile(file: AwsFile, profile: string, session: Session, replacing?: string): void {
  const values = {
    aws_access_key_id: session.accessKeyId,
    aws_secret_access_key: session.secretAccessKey,
    aws_session_token: session.sessionToken,
    x_security_token_expires: expiresText(session.expiration),
  };
  if (replacing === undefined) file.setKeys(profile, values);
  else file.replaceKeys(profile, [...SESSION_KEYS, ...STALE_KEYS], replacing, values);
  file.removeKeys(profile, STALE_KEYS);
}

/** Removes the session keys (only those) from a profile, leaving anything else the user keeps there. */
export function clearSessionProfile(file: AwsFile, profile: string): void {
  file.removeKeys(profile, [...SESSION_KEYS, ...STALE_KEYS]);
}

/** When the session written in a profile expires, if it holds one. */
export function profileExpiration(profile: AwsProfile | undefined): Date | undefined {
  const value = profile?.x_security_token_expires;
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
