/**
 * The one rule for what STS hands back before anyone else sees it: a session whose expiry is a date,
 * more than 15 minutes away and no further than STS can grant. Both providers pass STS's answer through
 * here, so neither the CLI, the agent nor the app can cache, publish or hand out a session that is
 * already over, about to be renewed (botocore refreshes at 15 minutes left), or dated absurdly far off
 * (a broken or hostile endpoint, or a clock that is badly wrong).
 */
import type { Session } from './credentials';
import { LatchkeyError } from '../../shared/errors';
import { LIMITS } from '../../shared/validation';
import { SKEW_LIMIT_MS } from './sts-errors';

/** botocore's advisory refresh window, and the session cache's shortest renewal window. */
const MIN_LIFETIME_MS = 15 * 60_000;
const MAX_SECONDS = { GetSessionToken: LIMITS.sessionTokenSeconds.max, AssumeRole: LIMITS.assumeRoleSeconds.max } as const;

export interface AnswerContext {
  action: keyof typeof MAX_SECONDS;
  /** Who asked, as in stsError: `role "prod-admin"`. */
  subject: string;
  /** The duration asked for. */
  durationSeconds: number;
  /** The local clock when the answer came. */
  nowMs: number;
}

export function checkedSession(session: Session, { action, subject, durationSeconds, nowMs }: AnswerContext): Session {
  const expiresMs = session.expiration instanceof Date ? session.expiration.getTime() : NaN;
  // A session asked for AWS's shortest duration (15 minutes) cannot have more than 15 minutes left: it
  // must have all of them but the clock-skew allowance. Either way it is more than botocore's
  // mandatory 10 minutes, below which the AWS CLI refuses it.
  const minMs = Math.min(MIN_LIFETIME_MS, durationSeconds * 1000 - SKEW_LIMIT_MS);
  const maxMs = MAX_SECONDS[action] * 1000 + SKEW_LIMIT_MS;
  const leftMs = expiresMs - nowMs;
  if (leftMs > minMs && leftMs <= maxMs) return session;

  const when = Number.isNaN(expiresMs)
    ? 'whose expiry is not a date'
    : leftMs <= 0
      ? `that expired at ${new Date(expiresMs).toISOString()}`
      : `that expires at ${new Date(expiresMs).toISOString()}, ${describeSpan(leftMs)} from now`;
  throw new LatchkeyError(
    'sts-failure',
    `${subject}: STS answered ${action} with a session ${when}, so Latchkey refuses it: a session must last more than ${Math.round(minMs / 60_000)} minutes and at most ${MAX_SECONDS[action] / 3600} hours; check this computer's clock and the STS endpoint setting, then try again`,
  );
}

function describeSpan(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  return hours < 96 ? `${hours} hours` : `${Math.floor(hours / 24).toLocaleString('en-US')} days`;
}
