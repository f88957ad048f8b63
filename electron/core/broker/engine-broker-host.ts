/** A broker host over the session engine: what the app and `latchkey agent` both serve. */
import type { SessionEngine } from '../sessions/session-engine';
import { expiresText } from '../sessions/session-profile';
import type { BrokerHost } from './broker-host';
import { GrantsHeld } from './endpoint-grants-held';

export function engineBrokerHost(
  kind: BrokerHost['kind'],
  engine: Pick<SessionEngine, 'credentialsAndRegion' | 'cachedSessions' | 'forget' | 'forgetAll'>,
  /** Called after each session handed out (the app's tray shows it). */
  served: () => void = () => undefined,
  /** The credential endpoints registered here; the app keeps its own to revoke from the tray. */
  grants: GrantsHeld = new GrantsHeld(),
): BrokerHost {
  return {
    kind,
    grants,
    credentials: async (name, requester, grant) => {
      grants.check(grant, name);
      const answer = await engine.credentialsAndRegion(name, requester);
      served();
      return answer;
    },
    status: async () => (await engine.cachedSessions()).map(({ name, expiration }) => ({ name, expiration: expiresText(expiration) })),
    forget: async (name) => (name === undefined ? engine.forgetAll() : engine.forget(name)),
  };
}
