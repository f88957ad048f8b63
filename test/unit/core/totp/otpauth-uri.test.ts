import { describe, expect, it } from 'vitest';
import { parseOtpauthUri } from '../../../../electron/core/totp/otpauth-uri';
import { LatchkeyError } from '../../../../electron/shared/errors';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const AWS = `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${SEED}&issuer=Amazon%20Web%20Services`;

function refused(uri: string, message: RegExp): void {
  let error: unknown;
  try {
    parseOtpauthUri(uri);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(LatchkeyError);
  expect((error as LatchkeyError).code).toBe('invalid-input');
  expect((error as LatchkeyError).message).toMatch(message);
  expect((error as LatchkeyError).message).not.toContain('JBSWY3DP');
}

describe('parseOtpauthUri', () => {
  it('reads an AWS virtual MFA URI', () => {
    expect(parseOtpauthUri(AWS)).toEqual({
      secret: SEED,
      issuer: 'Amazon Web Services',
      label: 'Amazon Web Services:alice@123456789012',
      account: 'alice@123456789012',
      algorithm: 'sha1',
      digits: 6,
      period: 30,
    });
  });

  it('normalises the secret and reads algorithm, digits and period', () => {
    const parsed = parseOtpauthUri('otpauth://totp/bob?secret=jbsw%20y3dp-ehpk-3pxp&algorithm=SHA512&digits=8&period=60');
    expect(parsed).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: undefined,
      label: 'bob',
      account: 'bob',
      algorithm: 'sha512',
      digits: 8,
      period: 60,
    });
    expect(parseOtpauthUri(`otpauth://totp/x?secret=${SEED}&algorithm=SHA256`).algorithm).toBe('sha256');
  });

  it('takes the issuer from the label prefix or the parameter, whichever is given', () => {
    expect(parseOtpauthUri(`otpauth://totp/ACME:%20carol?secret=${SEED}`)).toMatchObject({ issuer: 'ACME', account: 'carol' });
    expect(parseOtpauthUri(`otpauth://totp/carol?secret=${SEED}&issuer=ACME`)).toMatchObject({ issuer: 'ACME', account: 'carol' });
    expect(parseOtpauthUri(`otpauth://totp/ACME:carol?issuer=ACME&secret=${SEED}`)).toMatchObject({ issuer: 'ACME' });
  });

  it('refuses an issuer in the label that differs from the issuer parameter', () => {
    refused(`otpauth://totp/ACME:carol?secret=${SEED}&issuer=Other`, /two issuers: "ACME" in its label and "Other"/);
  });

  it('refuses HOTP and anything that is not an otpauth://totp/ URI', () => {
    refused(`otpauth://hotp/x?secret=${SEED}&counter=0`, /counter-based \(HOTP\)/);
    refused(SEED, /must start with otpauth:\/\/totp\//);
    refused(`https://example.com/?secret=${SEED}`, /must start with otpauth:\/\/totp\//);
    refused(`otpauth://TOTP/x?secret=${SEED}`, /must start with otpauth:\/\/totp\//);
  });

  it('refuses a missing or invalid secret', () => {
    refused('otpauth://totp/x?issuer=ACME', /secret/);
    refused('otpauth://totp/x?secret=&issuer=ACME', /secret/);
    refused('otpauth://totp/x?secret=JBSWY3DP1', /TOTP seed must be Base32/);
    refused('otpauth://totp/x?secret=JBSWY3DP', /TOTP seed is too short/);
  });

  it('refuses an unsupported algorithm, digit count or period', () => {
    refused(`otpauth://totp/x?secret=${SEED}&algorithm=MD5`, /algorithm/);
    refused(`otpauth://totp/x?secret=${SEED}&digits=7`, /digits must be 6 or 8 \(got 7\)/);
    refused(`otpauth://totp/x?secret=${SEED}&digits=10`, /digits/);
    refused(`otpauth://totp/x?secret=${SEED}&period=0`, /period/);
    refused(`otpauth://totp/x?secret=${SEED}&period=abc`, /period/);
    refused(`otpauth://totp/x?secret=${SEED}&period=7200`, /period must be 1-3600 seconds \(got 7200\)/);
  });

  it('refuses a label that is not valid percent-encoding', () => {
    refused(`otpauth://totp/%E0%A4%A?secret=${SEED}`, /otpauth URI: .*label/);
  });
});
