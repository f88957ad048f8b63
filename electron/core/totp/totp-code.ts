/** The current code of a TOTP device (RFC 6238), computed by otplib. */
import { createGuardrails, generateSync } from 'otplib';
import { MIN_SEED_BYTES, normalizeSeed } from './seed';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpParameters {
  algorithm: TotpAlgorithm;
  digits: 6 | 8;
  /** Seconds per time step. */
  period: number;
}

/** What AWS virtual MFA devices and nearly every authenticator use. */
export const TOTP_DEFAULTS: TotpParameters = { algorithm: 'sha1', digits: 6, period: 30 };

export interface TotpCode {
  code: string;
  /** The RFC 6238 time step the code belongs to: floor(unix seconds / period). */
  step: number;
  /** Whole seconds until the next step, rounded up (1..period). */
  secondsLeft: number;
}

const guardrails = createGuardrails({ MIN_SECRET_BYTES: MIN_SEED_BYTES });

export function totpCode(seed: string, nowMs: number, options: Partial<TotpParameters> = {}): TotpCode {
  const { algorithm, digits, period } = { ...TOTP_DEFAULTS, ...options };
  const periodMs = period * 1000;
  const step = Math.floor(nowMs / periodMs);
  // The epoch is the step's first second, so the code and the step reported can never disagree.
  const code = generateSync({ secret: normalizeSeed(seed), epoch: step * period, algorithm, digits, period, guardrails });
  return { code, step, secondsLeft: Math.ceil(((step + 1) * periodMs - nowMs) / 1000) };
}
