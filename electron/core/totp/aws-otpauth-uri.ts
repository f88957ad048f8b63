/**
 * An otpauth:// URI as Latchkey can store it: the settings keep no TOTP parameters, because AWS virtual
 * MFA devices all use the defaults, so a URI that asks for others is refused rather than mis-served.
 */
import { LatchkeyError } from '../../shared/errors';
import { parseOtpauthUri, type OtpauthParams } from './otpauth-uri';
import { TOTP_DEFAULTS } from './totp-code';

export function parseAwsOtpauthUri(uri: string): OtpauthParams {
  const params = parseOtpauthUri(uri);
  if (params.algorithm !== TOTP_DEFAULTS.algorithm || params.digits !== TOTP_DEFAULTS.digits || params.period !== TOTP_DEFAULTS.period)
    throw new LatchkeyError(
      'invalid-input',
      `the otpauth URI uses ${params.algorithm.toUpperCase()}, ${params.digits} digits, ${params.period} s: AWS MFA devices use SHA1, 6 digits, 30 s`,
    );
  return params;
}
