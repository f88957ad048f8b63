/**
 * `otpauth://totp/` URIs (the Key URI format behind every MFA QR code), as AWS shows them when a virtual
 * MFA device is enrolled: `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=…&issuer=…`.
 * otplib's parser does the grammar and checks the algorithm; this adds the rules Latchkey needs and
 * messages that never echo the secret.
 */
import { parse, URIParseError } from '@otplib/uri';
import { LatchkeyError } from '../../shared/errors';
import { normalizeSeed } from './seed';
import { TOTP_DEFAULTS, type TotpParameters } from './totp-code';

export interface OtpauthParams extends TotpParameters {
  /** Normalised Base32 seed. */
  secret: string;
  issuer?: string;
  /** The whole label, decoded: `issuer:account` or `account`. */
  label: string;
  account?: string;
}

const PREFIX = 'otpauth://totp/';
/** otplib refuses longer time steps when it computes a code; refuse them here, where the user can act. */
const MAX_PERIOD = 3600;

export function parseOtpauthUri(uri: string): OtpauthParams {
  const text = uri.trim();
  if (text.startsWith('otpauth://hotp/'))
    throw invalid('otpauth URI is for a counter-based (HOTP) device; Latchkey supports time-based (TOTP) devices, as AWS virtual MFA is');
  if (!text.startsWith(PREFIX)) throw invalid(`otpauth URI must start with ${PREFIX} (copy it from the MFA setup page or QR code)`);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(text);
  } catch (error) {
    // With the prefix checked, otplib's messages name a parameter and a non-secret value only.
    if (error instanceof URIParseError) throw invalid(`otpauth URI: ${error.message.replace(/^Invalid otpauth URI: /, '')}`);
    throw error;
  }
  const { label, params } = parsed;
  const { algorithm = TOTP_DEFAULTS.algorithm, digits = TOTP_DEFAULTS.digits, period = TOTP_DEFAULTS.period } = params;
  if (digits !== 6 && digits !== 8) throw invalid(`otpauth URI digits must be 6 or 8 (got ${digits})`);
  if (period > MAX_PERIOD) throw invalid(`otpauth URI period must be 1-${MAX_PERIOD} seconds (got ${period})`);

  const colon = label.indexOf(':');
  const labelIssuer = colon === -1 ? undefined : label.slice(0, colon).trim() || undefined;
  const account = (colon === -1 ? label : label.slice(colon + 1)).trim() || undefined;
  const issuer = params.issuer?.trim() || undefined;
  if (labelIssuer !== undefined && issuer !== undefined && labelIssuer !== issuer)
    throw invalid(`otpauth URI names two issuers: "${labelIssuer}" in its label and "${issuer}" in its issuer parameter`);

  return { secret: normalizeSeed(params.secret), issuer: issuer ?? labelIssuer, label, account, algorithm, digits, period };
}

const invalid = (message: string) => new LatchkeyError('invalid-input', message);
