/**
 * For the commands that serve until stopped (`agent`, `serve`): resolves with the first SIGINT, SIGTERM
 * or SIGHUP. process.on, not once, and never removed: signal-exit (loaded with proper-lockfile at the
 * first STS call) re-raises a signal it believes no one else listens to, which killed the agent
 * mid-cleanup; a second signal during the shutdown finds the promise settled and changes nothing. Call it
 * before serving, so a signal the moment it serves still runs the cleanup.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const signal of STOP_SIGNALS) process.on(signal, () => resolve(signal));
  });
}

/** The last line of a served command; after SIGHUP the terminal may be gone, and the cleanup is done all the same. */
export function sayStopped(say: () => void): void {
  try {
    say();
  } catch {
    // nowhere to say it
  }
}
