/**
 * What `latchkey agent` prints for each request it served: one line, so the person at its terminal sees
 * who asked for what and when a session was renewed, never a secret. A session with a new expiry is a
 * renewal (an STS call); the same one again came from memory.
 */
import type { ServedEvent } from '../core/broker/broker-server';
import { expiresText } from '../core/sessions/session-profile';
import { printableText } from '../shared/printable-text';

export function agentLog(): (event: ServedEvent) => string {
  const lastExpiration = new Map<string, number>();
  return ({ name, requester, outcome }) => {
    // The requester comes from whoever asked: it may not steer the terminal.
    const who = printableText(requester);
    if ('error' in outcome) return `latchkey agent: could not serve ${name} to ${who}: ${outcome.error}`;
    const renewed = lastExpiration.get(name) !== outcome.expiration.getTime();
    lastExpiration.set(name, outcome.expiration.getTime());
    return `latchkey agent: ${renewed ? 'new session' : 'served'} ${name} to ${who}, until ${expiresText(outcome.expiration)}`;
  };
}
