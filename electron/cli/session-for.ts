/**
 * A session for `credential-process`, `env`, `exec`, `use` and `publish`: from the broker when one is
 * running (a warm answer touches neither the keychain nor STS, and MFA is asked where the broker asks
 * it: the app's popup or the agent's terminal), else standalone. The standalone engine is imported only
 * then, so the broker path loads none of it, and the engine loads the AWS SDK only on a cache miss.
 */
import { credentialsRequest } from '../shared/broker-contract';
import { LatchkeyError } from '../shared/errors';
import { check, validateName } from '../shared/validation';
import type { Session } from '../core/sts/credentials';
import { askTheBroker } from './ask-the-broker';
import type { Io } from './io';

export interface SessionAndRegion {
  session: Session;
  /** The region tools should use with it (shared/role-chain's chainRegion). */
  region?: string;
}

/**
 * The running broker's session for a name, or undefined when none runs (never with LATCHKEY_BROKER set).
 * `grant`: the broker's id of the credential endpoint asking, refused once revoked.
 */
export async function brokerSession(name: string, requester: string, io: Io, grant?: string): Promise<SessionAndRegion | undefined> {
  check(validateName('name'), name);
  const reply = await askTheBroker(io, credentialsRequest(name, requester, grant));
  if (!reply) return undefined;
  if (!reply.ok) throw new LatchkeyError(reply.error.code === 'revoked' ? 'revoked' : 'broker', reply.error.message);
  if (!('credentials' in reply)) throw new LatchkeyError('broker', 'the Latchkey broker answered a credentials request with something else');
  return { session: { ...reply.credentials, expiration: new Date(reply.credentials.expiration) }, region: reply.region };
}

export async function sessionFor(name: string, requester: string, io: Io, grant?: string): Promise<SessionAndRegion> {
  const fromBroker = await brokerSession(name, requester, io, grant);
  if (fromBroker) return fromBroker;
  const { CliContext } = await import('./cli-context');
  return (await new CliContext(io).engine()).credentialsAndRegion(name, requester);
}
