/**
 * The console sign-in URL from a session, through the federation endpoint: `getSigninToken` with the
 * session as JSON ({sessionId, sessionKey, sessionToken}) and, when allowed, a SessionDuration; then
 * `login` with that token, an Issuer and the Destination. The URL signs anyone who opens it in for
 * 15 minutes: it is a credential, so it never goes into an error message (nor does the request, which
 * carries the session); messages name the endpoint by its origin and path only.
 */
import { LatchkeyError } from '../../shared/errors';
import type { Session } from '../sts/credentials';
import { oneLine, showUrl } from '../sts/sts-errors';
import { STS_CALL_MS } from '../timeouts';

export interface SigninRequest {
  session: Session;
  /** Seconds; left out when AWS would refuse it (console-source.ts). */
  sessionDuration?: number;
  /** The partition's endpoint, or LATCHKEY_FEDERATION_URL. */
  federationUrl: string;
  destination: string;
}

/** Who made the URL. AWS takes an internal sign-in page's URL here; Latchkey has none, so its name. */
const ISSUER = 'Latchkey';

export async function signinUrl(request: SigninRequest, fetchFn: typeof fetch = fetch): Promise<string> {
  const { session, sessionDuration, federationUrl, destination } = request;
  const sessionJson = JSON.stringify({ sessionId: session.accessKeyId, sessionKey: session.secretAccessKey, sessionToken: session.sessionToken });
  const tokenUrl = withQuery(federationUrl, {
    Action: 'getSigninToken',
    ...(sessionDuration === undefined ? {} : { SessionDuration: String(sessionDuration) }),
    Session: sessionJson,
  });
  const endpoint = `the AWS sign-in endpoint ${showUrl(federationUrl)}`;
  let response: Response;
  try {
    response = await fetchFn(tokenUrl, { signal: AbortSignal.timeout(STS_CALL_MS), redirect: 'error' });
  } catch (error) {
    throw new LatchkeyError('sts-unavailable', `${endpoint} did not answer (${fetchFailure(error)}): check the network connection, and LATCHKEY_FEDERATION_URL if you set it`);
  }
  const body = await response.text().catch(() => '');
  if (!response.ok)
    throw new LatchkeyError(
      response.status === 400 || response.status === 403 ? 'sts-denied' : 'sts-failure',
      `${endpoint} refused the session (HTTP ${response.status}${body ? `: ${oneLine(body.replace(/<[^>]*>/g, ' '), 160)}` : ''}): it may have expired; run \`latchkey forget\` for it and try again`,
    );
  const token = signinToken(body);
  if (token === undefined) throw new LatchkeyError('sts-failure', `${endpoint} answered without a sign-in token: check LATCHKEY_FEDERATION_URL if you set it`);
  return withQuery(federationUrl, { Action: 'login', Issuer: ISSUER, Destination: destination, SigninToken: token });
}

function signinToken(body: string): string | undefined {
  try {
    const token = (JSON.parse(body) as { SigninToken?: unknown }).SigninToken;
    return typeof token === 'string' && token !== '' ? token : undefined;
  } catch {
    return undefined;
  }
}

function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * Why a fetch failed, in a few words: the system's error code (ECONNREFUSED), else the fetch's own
 * phrase for it ("bad port", "unexpected redirect"). Nothing longer: a message may quote the request,
 * whose query holds the session.
 */
function fetchFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return oneLine(cause.code, 40);
  if (typeof cause?.message === 'string' && /^[a-z ]{1,40}$/i.test(cause.message)) return cause.message;
  return (error as Error).name;
}
