/** What a broker serves: the tray app and `latchkey agent` each provide one over the same engine. */
import type { Session } from '../sts/credentials';
import type { BrokerHostKind, GrantStatus, SessionStatus } from '../../shared/broker-contract';

export interface BrokerHost {
  /** Where it asks for MFA codes, which its callers are told while they wait. */
  readonly kind: BrokerHostKind;
  /** A session for an identity or role name, and its region; `requester` is shown in the MFA prompt. */
  credentials(name: string, requester: string, grant?: string): Promise<{ session: Session; region?: string }>;
  status(): Promise<SessionStatus[]>;
  /** The credential endpoints registered here (GrantsHeld). */
  grants: { add(name: string, requester: string): string; release(id: string): boolean; list(): GrantStatus[] };
  /** Drops a name's cached session (memory and keychain), or every one without a name; returns what it dropped. */
  forget(name?: string): Promise<string[]>;
}
