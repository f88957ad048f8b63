import { ScureBase32Plugin } from 'otplib';
import { describe, expect, it } from 'vitest';
import { totpCode, type TotpAlgorithm } from '../../../../electron/core/totp/totp-code';

const base32 = (ascii: string) => new ScureBase32Plugin().encode(new TextEncoder().encode(ascii));

// RFC 6238 Appendix B: the seeds are ASCII digits, 20/32/64 bytes for SHA1/SHA256/SHA512.
const SEEDS: Record<TotpAlgorithm, string> = {
  sha1: base32('12345678901234567890'),
  sha256: base32('12345678901234567890123456789012'),
  sha512: base32('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: [seconds: number, sha1: string, sha256: string, sha512: string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('totpCode', () => {
  it('matches the RFC 6238 Appendix B vectors for SHA1, SHA256 and SHA512', () => {
    expect(SEEDS.sha1).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    for (const [seconds, ...codes] of VECTORS)
      (['sha1', 'sha256', 'sha512'] as const).forEach((algorithm, index) =>
        expect(totpCode(SEEDS[algorithm], seconds * 1000, { algorithm, digits: 8 }).code, `${algorithm} at ${seconds}`).toBe(codes[index]),
      );
  });

  it('defaults to SHA1, 6 digits and 30 s, and reports the step and the seconds left', () => {
    expect(totpCode(SEEDS.sha1, 59_000)).toEqual({ code: '287082', step: 1, secondsLeft: 1 });
    expect(totpCode(SEEDS.sha1, 60_000)).toMatchObject({ step: 2, secondsLeft: 30 });
    expect(totpCode(SEEDS.sha1, 60_001)).toMatchObject({ step: 2, secondsLeft: 30 });
    expect(totpCode(SEEDS.sha1, 89_999)).toMatchObject({ step: 2, secondsLeft: 1 });
    expect(totpCode(SEEDS.sha1, 59_000, { period: 60 })).toMatchObject({ step: 0, secondsLeft: 1 });
  });

  it('gives one code for a whole step and accepts a seed as people paste it', () => {
    const seed = 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq';
    expect(totpCode(seed, 60_000).code).toBe(totpCode(SEEDS.sha1, 89_999).code);
  });

  it('accepts an 80-bit seed, shorter than otplib allows by default', () => {
    expect(totpCode('JBSWY3DPEHPK3PXP', 0).code).toMatch(/^\d{6}$/);
  });

  it('refuses an invalid seed without echoing it', () => {
    expect(() => totpCode('NOT-A-SEED-1890', 0)).toThrow(/TOTP seed must be Base32/);
  });
});
