/**
 * TOTP seeds as people paste them: Base32, often grouped with spaces or dashes, in either case, maybe
 * padded. normalizeSeed gives the one canonical form that is stored in the keychain and handed to otplib.
 * Its messages never echo the seed: it is the second factor.
 */
import { ScureBase32Plugin } from 'otplib';
import { LatchkeyError } from '../../shared/errors';

/** 80 bits, RFC 4226's floor; otplib's own default (128) would refuse seeds real services issue. */
export const MIN_SEED_BYTES = 10;
/** otplib's ceiling: a SHA-512 HMAC key (RFC 6238 uses 64 bytes for it). */
const MAX_SEED_BYTES = 64;
const BASE32 = /^[A-Z2-7]+$/;
const base32 = new ScureBase32Plugin();

export function normalizeSeed(input: string): string {
  const seed = input.replace(/[\s-]/g, '').toUpperCase().replace(/=+$/, '');
  if (seed === '') throw invalid('TOTP seed is empty: paste the secret key shown when the virtual MFA device was set up');
  if (!BASE32.test(seed))
    throw invalid(
      'TOTP seed must be Base32: letters A-Z and digits 2-7 (spaces and dashes are ignored); check that you pasted the secret key itself',
    );
  const minChars = Math.ceil((MIN_SEED_BYTES * 8) / 5);
  if (seed.length < minChars)
    throw invalid(`TOTP seed is too short: ${seed.length} characters, a seed has at least ${minChars}; check for a truncated paste`);
  let bytes: Uint8Array;
  try {
    bytes = base32.decode(seed);
  } catch {
    throw invalid(`TOTP seed is not valid Base32: ${seed.length} characters do not make whole bytes; check for a missing or extra character`);
  }
  if (bytes.length > MAX_SEED_BYTES)
    throw invalid(`TOTP seed is too long: over ${MAX_SEED_BYTES} bytes (${seed.length} characters); check that you pasted one seed`);
  return seed;
}

const invalid = (message: string) => new LatchkeyError('invalid-input', message);
