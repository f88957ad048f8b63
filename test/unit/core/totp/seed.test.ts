import { describe, expect, it } from 'vitest';
import { normalizeSeed } from '../../../../electron/core/totp/seed';
import { LatchkeyError } from '../../../../electron/shared/errors';

const AWS_SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function refused(input: string, message: RegExp): void {
  let error: unknown;
  try {
    normalizeSeed(input);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(LatchkeyError);
  expect((error as LatchkeyError).code).toBe('invalid-input');
  expect((error as LatchkeyError).message).toMatch(message);
  const core = input.replace(/[\s=-]/g, '').toUpperCase();
  if (core.length >= 4) expect((error as LatchkeyError).message.toUpperCase()).not.toContain(core.slice(0, 4));
}

describe('normalizeSeed', () => {
  it('removes spaces, dashes and padding and upper-cases', () => {
    expect(normalizeSeed(AWS_SEED)).toBe(AWS_SEED);
    expect(normalizeSeed('jbsw y3dp ehpk 3pxp')).toBe('JBSWY3DPEHPK3PXP');
    expect(normalizeSeed('JBSW-Y3DP-EHPK-3PXP')).toBe('JBSWY3DPEHPK3PXP');
    expect(normalizeSeed(' JBSWY3DPEHPK3PXP\n')).toBe('JBSWY3DPEHPK3PXP');
    expect(normalizeSeed('GEZDGNBVGY3TQOJQGEZDGNBVGY======')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY');
  });

  it('refuses what is not Base32, never echoing the seed', () => {
    refused('', /empty/);
    refused('  - ', /empty/);
    refused('JBSWY3DPEHPK3PX0', /must be Base32/);
    refused('JBSWY3DPEHPK3PX!', /must be Base32/);
    refused('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', /must be Base32/);
  });

  it('needs at least 16 characters (80 bits)', () => {
    refused('JBSWY3DPEHPK3PX', /too short: 15 characters, a seed has at least 16/);
    expect(normalizeSeed('JBSWY3DPEHPK3PXP')).toHaveLength(16);
  });

  it('refuses a length or trailing bits that do not decode to whole bytes', () => {
    refused('JBSWY3DPEHPK3PXPA', /not valid Base32: 17 characters/);
    refused('JBSWY3DPEHPK3PXPJBS', /not valid Base32/);
    refused('JBSWY3DPEHPK3PXPJB', /not valid Base32/);
  });

  it('refuses a seed over 64 bytes', () => {
    refused('JBSWY3DP'.repeat(13) + 'AA', /too long/);
    expect(normalizeSeed('JBSWY3DP'.repeat(12) + 'JBSWY3A')).toHaveLength(103);
  });
});
