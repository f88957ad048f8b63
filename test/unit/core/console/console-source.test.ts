/** Which session a console sign-in uses, and when SessionDuration may go with it (AWS's federation rules). */
import { describe, expect, it } from 'vitest';
import { consoleSource } from '../../../../electron/core/console/console-source';
import { consoleDestination, federationEndpoint, partitionOf } from '../../../../electron/core/console/console-partition';
import type { Role } from '../../../../electron/shared/model';

const ARN = 'arn:aws:iam::123456789012';
const role = (name: string, source: string, extra: Partial<Role> = {}): Role => ({ name, roleArn: `${ARN}:role/${name}`, source, directMfa: false, ...extra });
const settings = {
  identities: [{ name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }],
  roles: [
    role('plain', 'alice', { durationSeconds: 7_200 }),
    role('mfa', 'alice', { mfaDevice: 'phone' }),
    role('direct', 'alice', { mfaDevice: 'phone', directMfa: true }),
    role('long', 'alice', { mfaDevice: 'phone', durationSeconds: 14_400 }),
    role('chained', 'plain'),
  ],
  preferences: { roleSessionSeconds: 3_600 },
};

describe('consoleSource', () => {
  it('a role assumed with the long-term key gets SessionDuration: its own duration', () => {
    expect(consoleSource(settings, 'plain')).toMatchObject({ kind: 'role', sessionDuration: 7_200 });
    expect(consoleSource(settings, 'direct')).toMatchObject({ kind: 'role', sessionDuration: 3_600 });
    // Longer than an MFA session's roles may last, so assumed with the code on AssumeRole, signed with the key.
    expect(consoleSource(settings, 'long')).toMatchObject({ kind: 'role', sessionDuration: 14_400 });
  });

  it('a chained role, or one assumed from the MFA session, goes without SessionDuration', () => {
    expect(consoleSource(settings, 'chained')).not.toHaveProperty('sessionDuration');
    expect(consoleSource(settings, 'chained')).toMatchObject({ kind: 'role', chain: [{ name: 'chained' }, { name: 'plain' }] });
    expect(consoleSource(settings, 'mfa')).not.toHaveProperty('sessionDuration');
  });

  it('an identity signs in with a federation token as long as a role session', () => {
    expect(consoleSource(settings, 'alice')).toEqual({ kind: 'federation-token', identity: settings.identities[0], durationSeconds: 3_600 });
  });
});

describe('console partitions', () => {
  it('each partition has its federation endpoint and console', () => {
    expect(federationEndpoint('aws')).toBe('https://signin.aws.amazon.com/federation');
    expect(federationEndpoint('aws-cn')).toBe('https://signin.amazonaws.cn/federation');
    expect(federationEndpoint('aws-us-gov')).toBe('https://signin.amazonaws-us-gov.com/federation');
    expect(consoleDestination('aws', 's3', 'eu-west-1')).toBe('https://console.aws.amazon.com/s3/home?region=eu-west-1');
    expect(consoleDestination('aws-cn', 'console', undefined)).toBe('https://console.amazonaws.cn/console/home?region=cn-north-1');
    expect(consoleDestination('aws-us-gov', 'ec2', undefined)).toBe('https://console.amazonaws-us-gov.com/ec2/home?region=us-gov-west-1');
  });

  it('the partition comes from the role ARN, else the identity ARN, else its region', () => {
    expect(partitionOf({}, { roleArn: 'arn:aws-cn:iam::123456789012:role/x' })).toBe('aws-cn');
    expect(partitionOf({ arn: 'arn:aws-us-gov:iam::123456789012:user/alice' })).toBe('aws-us-gov');
    expect(partitionOf({ region: 'cn-northwest-1' })).toBe('aws-cn');
    expect(partitionOf({ region: 'eu-west-1' })).toBe('aws');
  });
});
