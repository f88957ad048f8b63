/**
 * Issue 11, items 5 and 13: what a fake STS answers is checked before anyone sees it. An expiry in
 * the past, 15 minutes away or less, or further than STS can grant is refused with a line about STS's
 * answer, and nothing is cached, published or written; an answer the SDK cannot read (a timestamp that
 * is not one, HTML, truncated XML) is one line in Latchkey's words naming the endpoint; a wrong secret
 * is called "entered" or "stored" as it was, with the access key id masked.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { keyring } from '../../helpers/components';
import { describeWith } from '../../helpers/needs';
import { credentialsXml, errorXml } from '../../helpers/sts-proxy';
import { ALICE, expectRefused, fakeStsWorld, type FakeStsWorld } from './fake-sts-world';

const MINUTE = 60_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const MASKED = `AKIA…${ALICE.accessKeyId.slice(-4)}`;

describeWith([keyring], 'STS answers Latchkey refuses, in its own words, leaving everything as it was', () => {
  let fake: FakeStsWorld;
  beforeAll(async () => {
    fake = await fakeStsWorld();
  });
  afterEach(() => fake.proxy.behave());
  afterAll(async () => fake?.stop());

  /** Runs `args` against `answer`; it must fail with `message` and change nothing. */
  async function refused(args: string[], answer: { status: number; body: string; contentType?: string }, message: string | RegExp, input?: string) {
    fake.proxy.misbehave(answer);
    const before = await fake.snapshot();
    const result = await fake.timed(args, input);
    expectRefused(result, args.slice(0, args[0] === 'identity' ? 2 : 1).join(' '), message);
    expect(await fake.snapshot()).toEqual(before);
    return result;
  }

  const expirations: [string, () => string, RegExp][] = [
    ['in the past', () => '2001-01-01T00:00:00Z', /with a session that expired at 2001-01-01T00:00:00\.000Z, so Latchkey refuses it/],
    ['5 minutes away', () => at(5 * MINUTE), /with a session that expires at \S+, [45] minutes from now, so Latchkey refuses it/],
    ['absurdly far (9999-12-31)', () => '9999-12-31T23:59:59Z', /with a session that expires at 9999-12-31T23:59:59\.000Z, [\d,]+ days from now, so Latchkey refuses it/],
  ];
  for (const [what, expiration, message] of expirations) {
    it(`AssumeRole: an expiry ${what} is refused, not cached or handed out`, async () => {
      await refused(
        ['credential-process', 'dev'],
        { status: 200, body: credentialsXml('AssumeRole', expiration()) },
        new RegExp(`^latchkey credential-process: role "dev": STS answered AssumeRole ${message.source}: a session must last more than 15 minutes and at most 12 hours; check this computer's clock`),
      );
    });
    it(`GetSessionToken: an expiry ${what} is refused, not cached in the keychain`, async () => {
      await refused(
        ['credential-process', 'alice'],
        { status: 200, body: credentialsXml('GetSessionToken', expiration()) },
        new RegExp(`^latchkey credential-process: identity "alice": STS answered GetSessionToken ${message.source}: a session must last more than 15 minutes and at most 36 hours`),
      );
    });
  }

  it('AssumeRole: more than 12 hours (plus the skew allowance) away is refused; GetSessionToken may last 36', async () => {
    await refused(['credential-process', 'dev'], { status: 200, body: credentialsXml('AssumeRole', at(13 * 60 * MINUTE)) }, /STS answered AssumeRole with a session that expires at \S+, 12 hours from now/);
    fake.proxy.misbehave({ status: 200, body: credentialsXml('GetSessionToken', at(35 * 60 * MINUTE)) });
    const ok = await fake.timed(['credential-process', 'alice']);
    expect(ok.code).toBe(0);
  });

  it('publish: an expired session is not published', async () => {
    await refused(['publish', 'dev'], { status: 200, body: credentialsXml('AssumeRole', '2001-01-01T00:00:00Z') }, /^latchkey publish: role "dev": STS answered AssumeRole with a session that expired/);
  });

  const garbage: [string, { status: number; body: string; contentType?: string }, string][] = [
    ['a timestamp that is not one', { status: 200, body: credentialsXml('AssumeRole', 'not-a-date') }, 'Invalid RFC3339 timestamp format not-a-date'],
    ['an HTML page with 200', { status: 200, body: '<html><body><h1>Welcome to the captive portal</h1></body></html>', contentType: 'text/html' }, 'no complete credentials in it'],
    ['truncated XML', { status: 200, body: credentialsXml('AssumeRole', at(60 * MINUTE)).slice(0, 300) }, 'XML parse error: unexpected end of input.'],
    ['an HTML error page', { status: 403, body: '<html><body>Forbidden by proxy</body></html>', contentType: 'text/html' }, 'HTTP 403 without an AWS error in it'],
  ];
  for (const [what, answer, reason] of garbage)
    it(`${what}: one line naming the endpoint, no SDK internals`, async () => {
      await refused(
        ['credential-process', 'dev'],
        answer,
        `role "dev": STS at ${fake.proxy.url} sent an answer Latchkey cannot read (${reason}): check the STS endpoint setting, then try again`,
      );
    });

  const wrongSignature = { status: 403, body: errorXml('Sender', 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.') };

  it('a wrong secret just entered on `identity update` is called entered, with the key id masked', async () => {
    const newKey = 'AKIAFAKESTSALICE0002';
    await refused(
      ['identity', 'update', 'alice', '--access-key-id', newKey],
      wrongSignature,
      `identity "alice": the secret access key entered for identity "alice" does not match access key AKIA…0002: check it and enter it again`,
      `${'x'.repeat(40)}\n`,
    );
    expect(fake.proxy.count('GetCallerIdentity')).toBeGreaterThanOrEqual(1);
  });

  it('a wrong stored secret is called stored, with the key id masked', async () => {
    await refused(
      ['credential-process', 'dev'],
      wrongSignature,
      `role "dev": the secret access key stored for identity "alice" does not match its access key ${MASKED}: enter the identity's secret access key again`,
    );
  });

  it('after every fault above, no file under HOME holds the long-term secret or a session handed out', () => {
    expect(fake.filesWithSecrets()).toEqual([]);
  });
});
