import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { integrityProblems } from '../../../../electron/core/settings/integrity-problems';
import { RoleSchema, SettingsSchema, type Settings } from '../../../../electron/shared/model';

const ARN = 'arn:aws:iam::123456789012';

/** A valid setup: alice with a device and a chain admin → deploy; bob with none. */
function settings(change: (draft: Settings) => void = () => undefined): Settings {
  const draft = v.parse(SettingsSchema, {
    schemaVersion: 1,
    identities: [
      { name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
      { name: 'bob', accessKeyId: 'AKIAIOSFODNN7EXAMPLF' },
    ],
    mfaDevices: [{ name: 'alice-phone', serial: `${ARN}:mfa/alice`, identity: 'alice' }],
    roles: [
      { name: 'admin', roleArn: `${ARN}:role/admin`, source: 'alice', mfaDevice: 'alice-phone' },
      { name: 'deploy', roleArn: `${ARN}:role/deploy`, source: 'admin', mfaDevice: 'alice-phone' },
      { name: 'readonly', roleArn: `${ARN}:role/readonly`, source: 'bob' },
    ],
    published: [{ profile: 'prod', source: 'deploy' }],
  });
  change(draft);
  return draft;
}

const role = (name: string, source: string, mfaDevice?: string) => ({
  ...v.parse(RoleSchema, { name, roleArn: `${ARN}:role/${name}`, source }),
  mfaDevice,
});

describe('integrityProblems', () => {
  it('accepts consistent settings and empty ones', () => {
    expect(integrityProblems(settings())).toEqual([]);
    expect(integrityProblems(v.parse(SettingsSchema, { schemaVersion: 1 }))).toEqual([]);
  });

  it('keeps identity and role names in one namespace', () => {
    expect(integrityProblems(settings((s) => s.roles.push(role('alice', 'bob'))))).toEqual([
      '"alice" is the name of an identity and a role: identities and roles each need a name of their own',
    ]);
    expect(integrityProblems(settings((s) => s.roles.push(role('admin', 'bob'), role('admin', 'bob'))))).toEqual([
      '"admin" is the name of 3 roles: identities and roles each need a name of their own',
    ]);
  });

  it('needs unique MFA device names and published profile names, and checks references only then', () => {
    const problems = integrityProblems(
      settings((s) => {
        s.mfaDevices.push({ ...s.mfaDevices[0]!, serial: `${ARN}:mfa/other` });
        s.published.push({ profile: 'prod', source: 'nobody' });
      }),
    );
    expect(problems).toEqual(['MFA device name "alice-phone" is used more than once', 'profile "prod" is published more than once']);
  });

  it("needs an MFA device's identity to exist", () => {
    expect(integrityProblems(settings((s) => (s.mfaDevices[0]!.identity = 'carol')))).toContain(
      'MFA device "alice-phone" belongs to identity "carol", which does not exist',
    );
  });

  it("needs a role's source to be an identity or a role", () => {
    expect(integrityProblems(settings((s) => (s.roles[2]!.source = 'nobody')))).toEqual([
      'role "readonly" has source "nobody", which is neither an identity nor a role',
    ]);
  });

  it("needs a role's MFA device to exist and belong to the identity at the root of its chain", () => {
    expect(integrityProblems(settings((s) => (s.roles[2]!.mfaDevice = 'bob-phone')))).toEqual([
      'role "readonly" uses MFA device "bob-phone", which does not exist',
    ]);
    expect(integrityProblems(settings((s) => (s.roles[2]!.mfaDevice = 'alice-phone')))).toEqual([
      'role "readonly" uses MFA device "alice-phone" of identity "alice", but its chain starts at identity "bob"',
    ]);
    expect(integrityProblems(settings((s) => (s.roles[0]!.source = 'bob')))).toEqual([
      'role "admin" uses MFA device "alice-phone" of identity "alice", but its chain starts at identity "bob"',
      'role "deploy" uses MFA device "alice-phone" of identity "alice", but its chain starts at identity "bob"',
    ]);
  });

  it('refuses cycles in role chains, once per cycle', () => {
    expect(integrityProblems(settings((s) => (s.roles[0]!.source = 'deploy')))).toEqual([
      'roles "admin" → "deploy" → "admin" form a cycle: a chain must start at an identity',
    ]);
    expect(integrityProblems(settings((s) => s.roles.push(role('loop', 'loop'))))).toEqual([
      'roles "loop" → "loop" form a cycle: a chain must start at an identity',
    ]);
    // A role leading into a loop is not itself reported.
    expect(integrityProblems(settings((s) => ((s.roles[0]!.source = 'deploy'), s.roles.push(role('tail', 'deploy')))))).toHaveLength(1);
  });

  it('keeps one MFA serial to one device, naming the devices that share it', () => {
    const shared = settings((s) => s.mfaDevices.push({ name: 'bob-phone', serial: `${ARN}:mfa/alice`, identity: 'bob', hasSeed: false, autoMfa: false }));
    expect(integrityProblems(shared)).toEqual([
      `MFA devices "alice-phone" and "bob-phone" have the same serial ${ARN}:mfa/alice: a device is added once; use the one already there, or correct the serial`,
    ]);
  });

  it("needs a published profile's source to exist", () => {
    expect(integrityProblems(settings((s) => (s.published[0]!.source = 'gone')))).toEqual([
      'published profile "prod" has source "gone", which is neither an identity nor a role',
    ]);
  });
});
