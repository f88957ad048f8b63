import { describe, expect, it } from 'vitest';
import { parseAwsOtpauthUri } from '../../../../electron/core/totp/aws-otpauth-uri';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('parseAwsOtpauthUri', () => {
  it('takes a URI with the parameters AWS virtual MFA devices use', () => {
    expect(parseAwsOtpauthUri(`otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${SEED}`)).toMatchObject({
      secret: SEED,
      issuer: 'Amazon Web Services',
      account: 'alice@123456789012',
    });
  });

  it.each([`otpauth://totp/x?secret=${SEED}&digits=8`, `otpauth://totp/x?secret=${SEED}&period=60`, `otpauth://totp/x?secret=${SEED}&algorithm=SHA256`])(
    'refuses other parameters, which the settings could not keep: %s',
    (uri) => {
      expect(() => parseAwsOtpauthUri(uri)).toThrow(/AWS MFA devices use SHA1, 6 digits, 30 s/);
    },
  );
});
