import { describe, expect, it } from 'vitest';
import { LatchkeyError } from '../../../electron/shared/errors';
import {
  check,
  validateAccessKeyId,
  validateAssumeRoleDuration,
  validateExternalId,
  validateMfaSerial,
  validateProfileName,
  validateRegion,
  validateRoleArn,
  validateSecretAccessKey,
  validateSessionName,
  validateSessionTokenDuration,
  validateTokenCode,
} from '../../../electron/shared/validation';

const ok = (message: string | undefined) => expect(message).toBeUndefined();
const bad = (message: string | undefined, mentions: string) => expect(message).toContain(mentions);

describe('shared validation', () => {
  it('profile names allow the safe set and refuse anything that could inject a section', () => {
    for (const name of ['default', 'prod-admin', 'a.b@c+d%e:f/g_h', 'x']) ok(validateProfileName(name));
    for (const name of ['', 'a b', 'a]b', '[a', 'a\nb', 'a=b', 'a;b', 'a#b', 'x'.repeat(129)])
      bad(validateProfileName(name), 'profile name');
  });

  it('access key ids must be long-term AKIA ids; secrets are never echoed', () => {
    ok(validateAccessKeyId('AKIAIOSFODNN7EXAMPLE'));
    bad(validateAccessKeyId('ASIAIOSFODNN7EXAMPLE'), 'access key id');
    bad(validateAccessKeyId('akiaiosfodnn7example'), 'access key id');
    ok(validateSecretAccessKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'));
    const message = validateSecretAccessKey('wJalrXUtnFEMI K7MDENG');
    bad(message, 'secret access key');
    expect(message).not.toContain('wJalr');
  });

  it('role ARNs and MFA serials match their patterns', () => {
    ok(validateRoleArn('arn:aws:iam::123456789012:role/admin'));
    ok(validateRoleArn('arn:aws-us-gov:iam::123456789012:role/path/to/admin'));
    bad(validateRoleArn('arn:aws:iam::12345:role/admin'), 'role ARN');
    bad(validateRoleArn('arn:aws:iam::123456789012:user/alice'), 'role ARN');
    ok(validateMfaSerial('arn:aws:iam::123456789012:mfa/alice'));
    ok(validateMfaSerial('GAHT12345678'));
    bad(validateMfaSerial('arn:aws:iam::123456789012:role/alice'), 'MFA serial');
  });

  it('session names, external ids, codes and regions', () => {
    ok(validateSessionName('alice@example.com'));
    bad(validateSessionName('a'), 'session name');
    bad(validateSessionName('has space'), 'session name');
    bad(validateSessionName('x'.repeat(65)), 'session name');
    ok(validateExternalId('tenant:42/abc'));
    bad(validateExternalId('x'), 'external id');
    bad(validateExternalId('x'.repeat(1225)), 'external id');
    ok(validateTokenCode('012345'));
    for (const code of ['12345', '1234567', '12345a', ' 123456']) bad(validateTokenCode(code), '6 digits');
    ok(validateRegion('eu-west-1'));
    ok(validateRegion('us-gov-west-1'));
    bad(validateRegion('EU-WEST-1'), 'region');
  });

  it('durations have the STS limits at both edges', () => {
    ok(validateSessionTokenDuration(900));
    ok(validateSessionTokenDuration(129_600));
    bad(validateSessionTokenDuration(899), '900 to 129600');
    bad(validateSessionTokenDuration(129_601), 'MFA session duration');
    ok(validateAssumeRoleDuration(43_200));
    bad(validateAssumeRoleDuration(43_201), 'role duration');
    bad(validateAssumeRoleDuration(1000.5), 'whole number');
  });

  it('check throws an invalid-input error carrying the message', () => {
    expect(check(validateRegion, 'us-east-1')).toBe('us-east-1');
    try {
      check(validateRegion, 'nowhere');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LatchkeyError);
      expect((error as LatchkeyError).code).toBe('invalid-input');
    }
  });
});
