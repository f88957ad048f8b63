/**
 * How every command asks the running app or agent: at this setup's address, with the client's notices
 * (a broker ignored as untrusted, or an answer too large to relay) as one line on stderr. `undefined`
 * means work standalone, which never happens with LATCHKEY_BROKER set.
 */
import { brokerAddress } from '../core/broker/broker-address';
import { askBroker } from '../core/broker/broker-client';
import type { BrokerReply, BrokerRequest } from '../shared/broker-contract';
import { print, type Io } from './io';

export function askTheBroker(io: Io, request: BrokerRequest): Promise<BrokerReply | undefined> {
  // LATCHKEY_BROKER: the person named the broker to use (a laptop's, forwarded over SSH); never standalone then.
  const named = io.env.LATCHKEY_BROKER ? 'LATCHKEY_BROKER' : undefined;
  return askBroker(brokerAddress(io.env), request, (message) => print(io.stderr, `latchkey: ${message}`), { named });
}
