/** A new session for a name now, written into every profile that publishes it, so AWS tools get it too. */
import type { SessionEngine } from '../../core/sessions/session-engine';

export type Republisher = Pick<SessionEngine, 'renew' | 'published' | 'publish'>;

export async function renewAndRepublish(engine: Republisher, name: string, requester: string): Promise<void> {
  await engine.renew(name, requester);
  for (const { profile, source } of await engine.published()) if (source === name) await engine.publish(name, profile, requester);
}
