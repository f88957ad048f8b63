/**
 * The waits that depend on each other, defined together so their order holds. Each outer wait must
 * outlast what it waits for, or a caller gives up while the answer is on its way:
 *
 *   STS call  <  MFA prompt + STS calls (session lock)  <  broker reply
 *
 * - A person has MFA_PROMPT_MS to type a code, in the popup or a terminal, and as long again after
 *   each refused one, up to MFA_ASKS times.
 * - A process that finds another one making the same session (its lock file) waits for that one's
 *   prompts plus the STS calls around them (GetSessionToken or AssumeRole per code, the role chain),
 *   each bounded by STS_CALL_MS, before it gives up on the lock.
 * - A CLI asking the broker waits longer still, so it gets the host's own answer (a session, or the
 *   host's error naming what timed out) rather than a bare "no reply".
 */

/** One STS call, with the SDK's own retries: STS answers in well under a second when it is up. */
export const STS_CALL_MS = 12_000;

/** How long an MFA prompt waits for the person. */
export const MFA_PROMPT_MS = 120_000;

/** How many times a person is asked for a code before Latchkey gives up: a mistyped code is asked again. */
export const MFA_ASKS = 3;

/** How long a process waits for another's session lock: every ask, and an STS call after each and around them. */
export const SESSION_LOCK_WAIT_MS = MFA_ASKS * MFA_PROMPT_MS + (MFA_ASKS + 2) * STS_CALL_MS;

/** How long a broker client waits for a reply: the longest the host may itself wait, and then some. */
export const BROKER_REPLY_MS = SESSION_LOCK_WAIT_MS + 10_000;
