/**
 * A new session for a name now, written into every profile that publishes it, so AWS tools get it too.
 * It never asks (it runs from reminders and timers): a profile that refuses the write, say because it
 * now holds what Latchkey did not write, is reported and left as it is, and the others still get the
 * new session.
 */
import type { SessionEngine } from './session-engine';

export type Republisher = Pick<SessionEngine, 'renew' | 'published' | 'publish'>;

export async function renewAndRepublish(engine: Republisher, name: string, requester: string, failed: (title: string, error: unknown) => void): Promise<void> {
  await engine.renew(name, requester);
  for (const { profile, source } of await engine.published())
    if (source === name)
      await engine.publish(name, profile, { requester }).catch((error: unknown) => failed(`Renewed ${name}, but could not write it into ${profile}`, error));
}
