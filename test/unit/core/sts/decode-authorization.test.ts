/**
 * Encoded authorization failure messages: an AccessDenied that carries one says to decode it (with all
 * of it, where the one-line message would cut it off), and decoding explains the refusal in a sentence.
 */
import { describe, expect, it } from 'vitest';
import { decodeAuthorization, encodedMessageIn } from '../../../../electron/core/sts/decode-authorization';
import { stsError } from '../../../../electron/core/sts/sts-errors';
import type { StsHelperApi } from '../../../../electron/core/sts/sts-api';
import { iamError } from '../../../../electron/core/iam/iam-errors';
import type { Settings } from '../../../../electron/shared/model';
import { FakeClock } from '../../../fakes/fake-clock';

const ENCODED = `4Ys-${'Ab0_+/='.repeat(200)}`;
const denied = Object.assign(new Error(`You are not authorized to perform this operation. Encoded authorization failure message: ${ENCODED}`), {
  name: 'AccessDenied',
  $fault: 'client',
  $metadata: { httpStatusCode: 403 },
});
const identity = { name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' };

const settings = {
  identities: [{ name: 'alice', accessKeyId: identity.accessKeyId, region: 'eu-west-1' }],
  roles: [{ name: 'dev', roleArn: 'arn:aws:iam::123456789012:role/dev', source: 'alice', directMfa: false, region: 'us-west-2' }],
  mfaDevices: [],
} as unknown as Settings;

const DOCUMENT = {
  allowed: false,
  explicitDeny: true,
  matchedStatements: { items: [{ statementId: 'DenyAll', effect: 'DENY' }] },
  failures: { items: [] },
  context: { principal: { id: 'AROA:dev', arn: 'arn:aws:sts::123456789012:assumed-role/dev/alice' }, action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-west-2:123456789012:instance/*' },
};

function sts(answer: () => Promise<string>) {
  const asked: Parameters<StsHelperApi['decodeAuthorizationMessage']>[0][] = [];
  const api = { decodeAuthorizationMessage: async (input: (typeof asked)[number]) => (asked.push(input), answer()) } as unknown as StsHelperApi;
  return { api, asked };
}

describe('an AccessDenied with an encoded message', () => {
  it('STS errors say to decode it, with the whole message, and keep AWS\'s words short', () => {
    const error = stsError(denied, { action: 'GetCallerIdentity', subject: 'identity "alice"', identity, signedWithSession: false, nowMs: 0 });
    expect(error.message).toBe(
      `identity "alice": AWS denied sts:GetCallerIdentity to identity "alice" (You are not authorized to perform this operation.): check the IAM user's policies; AWS says why in an encoded message: run \`latchkey decode-auth\` and paste it: ${ENCODED}`,
    );
  });

  it('IAM errors too', () => {
    const error = iamError(denied, { action: 'CreateAccessKey', identity, userName: 'alice', signedWithMfa: true });
    expect(error.message).toMatch(/^identity "alice": AWS denied iam:CreateAccessKey on IAM user "alice" to the MFA session of identity "alice" \(You are not authorized to perform this operation\.\): .*run `latchkey decode-auth` and paste it: 4Ys-/);
    expect(error.message.endsWith(ENCODED)).toBe(true);
  });
});

describe('decodeAuthorization', () => {
  it('asks STS with the session of the name, in its region, and explains an explicit deny', async () => {
    const { api, asked } = sts(async () => JSON.stringify(DOCUMENT));
    const sessions: string[] = [];
    const session = { accessKeyId: 'ASIADEV', secretAccessKey: 's', sessionToken: 't', expiration: new Date(0) };
    const decoded = await decodeAuthorization({ sts: api, clock: new FakeClock(), session: async (name) => (sessions.push(name), session) }, settings, 'dev', denied.message);
    expect(sessions).toEqual(['dev']);
    expect(asked).toEqual([{ credentials: session, region: 'us-west-2', stsEndpoint: undefined, message: ENCODED }]);
    expect(decoded.document).toEqual(DOCUMENT);
    expect(decoded.explanation).toBe(
      'arn:aws:sts::123456789012:assumed-role/dev/alice was refused ec2:RunInstances on arn:aws:ec2:us-west-2:123456789012:instance/* by an explicit Deny, which beats every Allow: find the statement below (matchedStatements) in the identity\'s, the resource\'s or the organization\'s policies',
    );
  });

  it('explains a refusal no policy allowed', async () => {
    const { api } = sts(async () => JSON.stringify({ ...DOCUMENT, explicitDeny: false }));
    const decoded = await decodeAuthorization({ sts: api, clock: new FakeClock(), session: async () => ({ accessKeyId: 'A', secretAccessKey: 's', sessionToken: 't', expiration: new Date(0) }) }, settings, 'alice', ENCODED);
    expect(decoded.explanation).toMatch(/was refused ec2:RunInstances on .* because no policy allows it: add an Allow/);
  });

  it('says what STS says of a message it did not encode, and what a denied caller lacks', async () => {
    const session = async () => ({ accessKeyId: 'A', secretAccessKey: 's', sessionToken: 't', expiration: new Date(0) });
    const invalid = sts(async () => Promise.reject(Object.assign(new Error('bad'), { name: 'InvalidAuthorizationMessageException', $fault: 'client' })));
    await expect(decodeAuthorization({ sts: invalid.api, clock: new FakeClock(), session }, settings, 'alice', ENCODED)).rejects.toThrow(/STS says the message is not one it encoded/);
    const refused = sts(async () => Promise.reject(Object.assign(new Error('not authorized to perform: sts:DecodeAuthorizationMessage'), { name: 'AccessDenied', $fault: 'client' })));
    await expect(decodeAuthorization({ sts: refused.api, clock: new FakeClock(), session }, settings, 'alice', ENCODED)).rejects.toThrow(/^identity "alice": AWS denied sts:DecodeAuthorizationMessage to the source session/);
  });
});

describe('encodedMessageIn', () => {
  it('takes the encoded part of a whole error message, or the message alone', () => {
    expect(encodedMessageIn(denied.message)).toBe(ENCODED);
    expect(encodedMessageIn(`  ${ENCODED}\n`)).toBe(ENCODED);
  });

  it.each(['', 'short', 'has spaces in it and more', `${ENCODED}\u0007`])('refuses %j', (text) => {
    expect(() => encodedMessageIn(text)).toThrow(/not an encoded authorization message/);
  });
});
