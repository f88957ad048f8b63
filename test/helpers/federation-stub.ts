/**
 * A stand-in for AWS's console federation endpoint on 127.0.0.1 (point LATCHKEY_FEDERATION_URL at
 * `url`): it answers `getSigninToken` with a sign-in token when the Session parameter is the JSON of a
 * session with exactly sessionId, sessionKey and sessionToken, and keeps every request it got (Session
 * parsed, SessionDuration as sent) so tests can check what Latchkey asked for. Like AWS it refuses a
 * SessionDuration outside 900-43200 s, and it can be told to refuse everything.
 */
import { createServer } from 'node:http';

export interface FederationRequest {
  action: string | null;
  session?: Record<string, unknown>;
  sessionDuration: string | null;
}

export interface FederationStub {
  url: string;
  requests: FederationRequest[];
  /** The tokens handed out, in order. */
  tokens: string[];
  /** Answers every later getSigninToken with this status and body. */
  refuse(status: number, body: string): void;
  stop(): Promise<void>;
}

export async function startFederationStub(): Promise<FederationStub> {
  const requests: FederationRequest[] = [];
  const tokens: string[] = [];
  let refusal: { status: number; body: string } | undefined;
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://stub').searchParams;
    const request: FederationRequest = { action: query.get('Action'), sessionDuration: query.get('SessionDuration') };
    try {
      request.session = JSON.parse(query.get('Session') ?? '');
    } catch {
      // recorded without a session
    }
    requests.push(request);
    const answer = (status: number, body: string) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
    if (refusal) return answer(refusal.status, refusal.body);
    const keys = Object.keys(request.session ?? {}).sort();
    const duration = request.sessionDuration === null ? undefined : Number(request.sessionDuration);
    if (request.action !== 'getSigninToken' || keys.join(',') !== 'sessionId,sessionKey,sessionToken' || (duration !== undefined && !(duration >= 900 && duration <= 43_200)))
      return answer(400, 'Invalid credentials parameter');
    const token = `StubSigninToken-${tokens.length + 1}-${'t'.repeat(40)}`;
    tokens.push(token);
    return answer(200, JSON.stringify({ SigninToken: token }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the federation stub has no port');
  return {
    url: `http://127.0.0.1:${address.port}/federation`,
    requests,
    tokens,
    refuse: (status, body) => void (refusal = { status, body }),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
