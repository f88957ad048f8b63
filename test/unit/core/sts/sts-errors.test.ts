import { describe, expect, it } from 'vitest';
import { stsError, type StsErrorContext } from '../../../../electron/core/sts/sts-errors';
import { LatchkeyError } from '../../../../electron/shared/errors';

const NOW = Date.UTC(2026, 0, 1, 12);
const ROLE = 'arn:aws:iam::123456789012:role/admin';
const SERIAL = 'arn:aws:iam::123456789012:mfa/alice';
const context: StsErrorContext = {
  action: 'AssumeRole',
  subject: 'role "admin"',
  identity: { name: 'alice', accessKeyId: 'AKIAALICEXXXXXXXXXXX' },
  signedWithSession: false,
  roleArn: ROLE,
  mfaSerial: SERIAL,
  nowMs: NOW,
};

/** Shaped like the SDK's errors. */
function aws(name: string, message: string, extra: { status?: number; attempts?: number; date?: string; code?: string } = {}) {
  const error = Object.assign(new Error(message), {
    name,
    ...(extra.code ? { code: extra.code } : {}),
    $fault: (extra.status ?? 400) >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: extra.status ?? 400, attempts: extra.attempts ?? 1 },
  });
  if (extra.date) Object.defineProperty(error, '$response', { value: { statusCode: extra.status, headers: { date: extra.date } } });
  return error;
}

const map = (error: unknown, overrides: Partial<StsErrorContext> = {}) => stsError(error, { ...context, ...overrides });

describe('stsError', () => {
  it('a wrong or reused MFA code is mfa-invalid, so the code source asks again', () => {
    const error = map(aws('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', { status: 403 }));
    expect(error.code).toBe('mfa-invalid');
    expect(error.message).toBe(
      `role "admin": AWS refused the MFA code for ${SERIAL} (wrong, expired or already used): enter the device's current code`,
    );
  });

  it('an MFA serial AWS cannot match to the user says to check the serial', () => {
    const error = map(
      aws('AccessDenied', 'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.'),
    );
    expect(error.code).toBe('sts-denied');
    expect(error.message).toContain(`AWS does not accept MFA device ${SERIAL} for identity "alice"`);
  });

  it('AccessDenied on AssumeRole names the action and the role ARN and what to check', () => {
    const error = map(aws('AccessDenied', 'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole', { status: 403 }), {
      externalId: 'ext-1',
      mfaSerial: undefined,
    });
    expect(error.code).toBe('sts-denied');
    expect(error.message).toMatch(new RegExp(`^role "admin": AWS denied sts:AssumeRole on ${ROLE} \\(User: .*\\): check that its trust policy allows identity "alice"`));
    expect(error.message).toContain('external id');
    expect(error.message).toContain('requires MFA');
  });

  it('AccessDenied on GetSessionToken names that action', () => {
    const error = map(aws('AccessDenied', 'not allowed'), { action: 'GetSessionToken', subject: 'identity "alice"', roleArn: undefined });
    expect(error.message).toBe('identity "alice": AWS denied sts:GetSessionToken to identity "alice" (not allowed): check the IAM user\'s policies');
  });

  for (const name of ['InvalidClientTokenId', 'ExpiredToken'])
    it(`${name} with the long-term key says the key is disabled or deleted and what to do`, () => {
      const error = map(aws(name, 'The security token included in the request is invalid.', { status: 403 }));
      expect(error.code).toBe('sts-credentials-invalid');
      expect(error.message).toBe(
        `role "admin": AWS does not accept access key AKIAALICEXXXXXXXXXXX of identity "alice" (${name}): it is disabled, deleted or mistyped; create a new access key for the IAM user and update the identity`,
      );
    });

  it('SignatureDoesNotMatch with the long-term key says the stored secret is wrong, with the key id masked', () => {
    const error = map(aws('SignatureDoesNotMatch', 'The request signature we calculated does not match', { status: 403, date: new Date(NOW + 30_000).toUTCString() }));
    expect(error.code).toBe('sts-credentials-invalid');
    expect(error.message).toBe(
      `role "admin": the secret access key stored for identity "alice" does not match its access key AKIA…XXXX: enter the identity's secret access key again`,
    );
  });

  it('SignatureDoesNotMatch for a secret just entered says so, not "stored"', () => {
    const error = map(aws('SignatureDoesNotMatch', 'The request signature we calculated does not match', { status: 403 }), {
      action: 'GetCallerIdentity',
      subject: 'identity "alice"',
      secretEntered: true,
    });
    expect(error.message).toBe('identity "alice": the secret access key entered for identity "alice" does not match access key AKIA…XXXX: check it and enter it again');
  });

  it('a refused session says the session expired or was revoked', () => {
    const error = map(aws('ExpiredToken', 'The security token included in the request is expired', { status: 403 }), { signedWithSession: true });
    expect(error.code).toBe('sts-credentials-invalid');
    expect(error.message).toContain('AWS no longer accepts the session this request was signed with (ExpiredToken)');
  });

  it('a signature refused for the time says how far off the clock is, from the Date header', () => {
    const awsTime = new Date(NOW - 20 * 60_000).toUTCString();
    const error = map(aws('SignatureDoesNotMatch', 'Signature expired: 20260101T120000Z is now earlier than ...', { status: 403, date: awsTime }));
    expect(error.code).toBe('sts-clock-skew');
    expect(error.message).toBe(
      "role \"admin\": this computer's clock is about 20 minutes ahead of AWS's, so STS rejected the request: turn on automatic time sync and try again",
    );
    const behind = map(aws('InvalidSignatureException', 'Signature not yet current', { date: new Date(NOW + 3 * 3_600_000).toUTCString() }));
    expect(behind.message).toContain('about 3 hours behind');
  });

  it('a time error without a Date header still blames the clock', () => {
    const error = map(aws('RequestExpired', 'Request has expired.'));
    expect(error.code).toBe('sts-clock-skew');
    expect(error.message).toContain("this computer's clock is wrong (Request has expired.)");
  });

  it('throttling, after the retries, says to wait and try again', () => {
    const error = map(aws('Throttling', 'Rate exceeded', { attempts: 3 }));
    expect(error.code).toBe('sts-throttled');
    expect(error.message).toBe('role "admin": STS is throttling requests and did not answer AssumeRole after 3 attempts: wait a minute and try again');
  });

  it('5xx, timeouts and network faults, after the retries, say STS did not answer', () => {
    const cases: [unknown, string][] = [
      [aws('InternalFailure', 'internal error', { status: 500, attempts: 3 }), 'HTTP 500'],
      [aws('TimeoutError', 'a request has exceeded the configured 3000 ms requestTimeout', { attempts: 3, code: 'ETIMEDOUT' }), 'timed out'],
      [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', $metadata: { attempts: 3 } }), 'network error ECONNREFUSED'],
    ];
    for (const [fault, reason] of cases) {
      const error = map(fault);
      expect(error.code).toBe('sts-unavailable');
      expect(error.message).toBe(
        `role "admin": STS did not answer AssumeRole after 3 attempts (${reason}): check the network connection and any STS endpoint setting, then try again`,
      );
    }
  });

  it('a ValidationError is invalid input with AWS’s reason', () => {
    const error = map(aws('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('role "admin": STS refused AssumeRole: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  });

  it('anything else is an sts-failure naming the action, without the stack or the original error', () => {
    const original = aws('Weird', 'something odd');
    const error = map(original);
    expect(error.code).toBe('sts-failure');
    expect(error.message).toBe('role "admin": STS AssumeRole failed: Weird: something odd');
    expect(error.message).not.toContain('    at ');
    expect(error.cause).toBeUndefined();
  });

  it('a call cut by its deadline names the endpoint and the bound', () => {
    const error = map(Object.assign(new Error('no complete answer within 12000 ms'), { deadlineMs: 12_000, stsUrl: 'http://127.0.0.1:4566/' }));
    expect(error.code).toBe('sts-unavailable');
    expect(error.message).toBe(
      'role "admin": STS at http://127.0.0.1:4566 did not answer within 12 s (AssumeRole): check the network connection and any STS endpoint setting, then try again',
    );
  });

  describe('an answer the SDK cannot read is one line naming the endpoint, without SDK internals', () => {
    const at = { stsUrl: 'https://user:pass@sts.example.test/sts' };
    const deserialization = (name: string, first: string) =>
      Object.assign(new Error(`${first}\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`), {
        name,
        $metadata: { httpStatusCode: 200, attempts: 1 },
        $response: { statusCode: 200, body: 'secret-ish raw body', headers: {} },
        ...at,
      });
    const cases: [string, unknown, string][] = [
      ['a date that is not one', deserialization('TypeError', 'Invalid RFC3339 timestamp format not-a-date'), 'Invalid RFC3339 timestamp format not-a-date'],
      ['truncated XML', deserialization('Error', '@aws-sdk XML parse error: missing closing tag </Arn>.'), 'XML parse error: missing closing tag </Arn>.'],
      ['HTML with 200', Object.assign(new Error('no complete credentials in it'), { unreadable: true, ...at }), 'no complete credentials in it'],
      [
        'an error page without an AWS error',
        Object.assign(new Error('Unknown'), { name: 'Unknown', $fault: 'client', $metadata: { httpStatusCode: 403 }, ...at }),
        'HTTP 403 without an AWS error in it',
      ],
      ['not HTTP at all', Object.assign(new Error('Parse Error: Expected HTTP/\u001b[2J'), { code: 'HPE_INVALID_CONSTANT', ...at }), 'not HTTP: Parse Error: Expected HTTP/ [2J'],
    ];
    for (const [what, fault, reason] of cases)
      it(what, () => {
        const error = map(fault);
        expect(error.code).toBe('sts-failure');
        expect(error.message).toBe(
          `role "admin": STS at https://sts.example.test/sts sent an answer Latchkey cannot read (${reason}): check the STS endpoint setting, then try again`,
        );
        expect(error.message).not.toMatch(/\$response|Deserialization|pass|\n/);
      });
  });

  it('a long reason is cut, and a failure before any answer names the endpoint', () => {
    const long = map(Object.assign(new Error(`x${'y'.repeat(500)}`), { unreadable: true }));
    expect(long.message).toMatch(/^role "admin": STS sent an answer Latchkey cannot read \(xy{118}…\)/);
    const tls = map(Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', stsUrl: 'https://sts.example.test' }));
    expect(tls).toMatchObject({
      code: 'sts-unavailable',
      message:
        'role "admin": STS at https://sts.example.test could not be reached for AssumeRole (DEPTH_ZERO_SELF_SIGNED_CERT): check the network connection and any STS endpoint setting, then try again',
    });
    const odd = map(Object.assign(new TypeError('Cannot read properties of undefined (reading \'x\')\n    at foo (file.js:1:1)'), { stsUrl: 'https://sts.example.test' }));
    expect(odd.message).toBe(
      "role \"admin\": STS at https://sts.example.test could not be asked for AssumeRole (Cannot read properties of undefined (reading 'x')): check the network connection and any STS endpoint setting, then try again",
    );
  });

  it('our own errors pass through unchanged', () => {
    const ours = new LatchkeyError('mfa-cancelled', 'cancelled');
    expect(map(ours)).toBe(ours);
  });
});
