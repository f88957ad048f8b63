/**
 * The waits that depend on each other, defined together so their order holds. Each outer wait must
 * outlast what it waits for, or a caller gives up while the answer is on its way:
 *
 *   STS call  <  MFA prompt + STS calls (session lock)  <  broker reply
 *
 * - A person has MFA_PROMPT_MS to type a code, in the popup or a terminal.
 * - A process that finds another one making the same session (its lock file) waits for that one's
 *   prompt plus the STS calls around it (GetSessionToken, AssumeRole, retries), each bounded by
 *   STS_CALL_MS, before it gives up on the lock.
 * - A CLI asking the broker waits longer still, so it gets the host's own answer (a session, or the
 *   host's error naming what timed out) rather than a bare "no reply".
 */

/** One STS call, with the SDK's own retries: STS answers in well under a second when it is up. */
export const STS_CALL_MS = 12_000;

/** How long an MFA prompt waits for the person. */
export const MFA_PROMPT_MS = 120_000;

/** How long a process waits for another's session lock: a prompt plus five STS calls. */
export const SESSION_LOCK_WAIT_MS = MFA_PROMPT_MS + 5 * STS_CALL_MS;

/** How long a broker client waits for a reply: the longest the host may itself wait, and then some. */
export const BROKER_REPLY_MS = SESSION_LOCK_WAIT_MS + 10_000;
