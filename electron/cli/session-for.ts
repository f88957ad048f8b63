/**
 * A session for `credential-process`, `env` and `exec`: from the broker when one is running (a warm
 * answer touches neither the keychain nor STS), else standalone. The standalone engine is imported
 * only then, so the broker path loads none of it, and the engine loads the AWS SDK only on a cache miss.
 */
import { credentialsRequest } from '../shared/broker-contract';
import { LatchkeyError } from '../shared/errors';
import { check, validateName } from '../shared/validation';
import { askTheBroker } from './ask-the-broker';
import type { Io } from './io';

export interface CliSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  region?: string;
}

export async function sessionFor(name: string, requester: string, io: Io): Promise<CliSession> {
  check(validateName('name'), name);
  const reply = await askTheBroker(io, credentialsRequest(name, requester));
  if (reply) {
    if (!reply.ok) throw new LatchkeyError('broker', reply.error.message);
    if (!('credentials' in reply)) throw new LatchkeyError('broker', 'the Latchkey broker answered a credentials request with something else');
    return { ...reply.credentials, expiration: new Date(reply.credentials.expiration), region: reply.region };
  }
  const { CliContext } = await import('./cli-context');
  const engine = await new CliContext(io).engine();
  const { session, region } = await engine.credentialsAndRegion(name, requester);
  return { ...session, region };
}
