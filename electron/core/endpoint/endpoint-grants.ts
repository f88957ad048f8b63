/**
 * The grants of a credential endpoint: who may fetch which name's session. A grant is a random bearer
 * token bound to one identity or role name and a requester label ("exec terraform", "serve dev"); it
 * lives until revoked or until the endpoint closes.
 *
 * Only the SHA-256 digest of each token is kept: the token itself is handed out once, by `issue`, and
 * a presented token is hashed and compared with its grant's digest by crypto.timingSafeEqual (two
 * 32-byte digests, so equal lengths whatever was presented). The id in the grant's path picks the one
 * digest to compare with; it is not secret. Revoked grants keep their digest, so a client still using
 * one is told that it was revoked rather than that its token is wrong.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What may be shown of a grant (`latchkey status`, the tray): never its token. */
export interface Grant {
  /** Names the grant in its path and for `revoke`; not a secret. */
  id: string;
  /** The identity or role whose session it serves. */
  name: string;
  /** Who asked for it, as the MFA prompt and the status show it. */
  requester: string;
  since: Date;
}

/** 256 bits: the AWS SDKs send the token as it is, so its length costs nothing. */
const TOKEN_BYTES = 32;
const ID_BYTES = 9;

export type GrantCheck = { outcome: 'granted'; grant: Grant } | { outcome: 'revoked' } | { outcome: 'invalid' };

interface Held {
  grant: Grant;
  digest: Buffer;
  revoked: boolean;
}

export class EndpointGrants {
  readonly #byId = new Map<string, Held>();

  /** A new grant and its token, which exists nowhere else afterwards. */
  issue(name: string, requester: string, since: Date): { grant: Grant; token: string } {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    let id: string;
    do id = randomBytes(ID_BYTES).toString('base64url');
    while (this.#byId.has(id));
    const grant = { id, name, requester, since };
    this.#byId.set(id, { grant, digest: digest(token), revoked: false });
    return { grant: { ...grant }, token };
  }

  /** Revokes a live grant; false when there is none with that id. */
  revoke(id: string): boolean {
    const held = this.#byId.get(id);
    if (!held || held.revoked) return false;
    held.revoked = true;
    return true;
  }

  /** The live grants, oldest first. */
  list(): Grant[] {
    return [...this.#byId.values()].filter((held) => !held.revoked).map((held) => ({ ...held.grant }));
  }

  /** Whether `presented` is the token of the grant `id`. An unknown id answers as a wrong token does. */
  check(id: string, presented: string): GrantCheck {
    const held = this.#byId.get(id);
    // Hashed even for an unknown id, so the answer takes as long either way.
    const matches = timingSafeEqual(digest(presented), held?.digest ?? UNKNOWN) && held !== undefined;
    if (!matches) return { outcome: 'invalid' };
    return held.revoked ? { outcome: 'revoked' } : { outcome: 'granted', grant: { ...held.grant } };
  }
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** Compared with when the id is unknown: no token hashes to it that anyone could find. */
const UNKNOWN = randomBytes(32);
