/**
 * `sts:DecodeAuthorizationMessage` for a person: the encoded message some AccessDenied answers carry
 * (`Encoded authorization failure message: …`) decoded with a session that may ask (an identity's or a
 * role's), and one sentence saying who was refused what, on which resource, and why (an explicit Deny,
 * or no Allow). The document itself is AWS's, handed back as it came.
 */
import { LatchkeyError, isLatchkeyError } from '../../shared/errors';
import type { Settings } from '../../shared/model';
import { chainRegion, roleChain } from '../../shared/role-chain';
import type { Clock } from '../clock';
import type { Session } from './credentials';
import type { StsHelperApi } from './sts-api';
import { DEFAULT_STS_REGION } from './sts-endpoint';
import { encodedAuthorizationMessage, stsError } from './sts-errors';

export interface DecodeDeps {
  sts: StsHelperApi;
  clock: Clock;
  /** The session of an identity or role, as the engine (or a running broker) hands it out. */
  session: (name: string) => Promise<Session>;
}

export interface DecodedAuthorization {
  /** AWS's decoded document. */
  document: unknown;
  /** Who was refused what, and why, in one sentence. */
  explanation: string;
}

const ENCODED = /^[A-Za-z0-9_+/=-]{16,10240}$/;

/** The encoded message in what was pasted: the whole AWS message, or the encoded part alone. */
export function encodedMessageIn(text: string): string {
  const message = encodedAuthorizationMessage(text) ?? text.trim();
  if (!ENCODED.test(message))
    throw new LatchkeyError('invalid-input', 'that is not an encoded authorization message: paste the text after "Encoded authorization failure message:", all of it');
  return message;
}

export async function decodeAuthorization(deps: DecodeDeps, settings: Settings, name: string, text: string): Promise<DecodedAuthorization> {
  const message = encodedMessageIn(text);
  const chain = roleChain(settings, name);
  const subject = `${chain.roles.length > 0 ? 'role' : 'identity'} "${name}"`;
  const session = await deps.session(name);
  let decoded: string;
  try {
    decoded = await deps.sts.decodeAuthorizationMessage({
      credentials: session,
      region: chainRegion(chain) ?? DEFAULT_STS_REGION,
      stsEndpoint: chain.identity.stsEndpoint,
      message,
    });
  } catch (error) {
    if (!isLatchkeyError(error) && (error as { name?: string }).name === 'InvalidAuthorizationMessageException')
      throw new LatchkeyError('invalid-input', `STS says the message is not one it encoded, or not all of it: paste the whole text after "Encoded authorization failure message:"`);
    throw stsError(error, { action: 'DecodeAuthorizationMessage', subject, identity: chain.identity, signedWithSession: true, nowMs: deps.clock.now() });
  }
  let document: unknown;
  try {
    document = JSON.parse(decoded);
  } catch {
    throw new LatchkeyError('sts-failure', 'STS decoded the message into something that is not JSON');
  }
  return { document, explanation: explain(document) };
}

interface AuthorizationDocument {
  allowed?: boolean;
  explicitDeny?: boolean;
  context?: { principal?: { arn?: string; id?: string }; action?: string; resource?: string };
}

function explain(document: unknown): string {
  const { allowed, explicitDeny, context = {} } = (typeof document === 'object' && document !== null ? document : {}) as AuthorizationDocument;
  const who = context.principal?.arn ?? context.principal?.id ?? 'the caller';
  const what = `${context.action ?? 'the action'} on ${context.resource ?? 'the resource'}`;
  if (allowed) return `${who} is allowed ${what}: the refusal came from elsewhere (a resource policy or a condition at the time)`;
  return explicitDeny
    ? `${who} was refused ${what} by an explicit Deny, which beats every Allow: find the statement below (matchedStatements) in the identity's, the resource's or the organization's policies`
    : `${who} was refused ${what} because no policy allows it: add an Allow for it, and check permission boundaries, session policies and SCPs, which must allow it too`;
}
