import { describe, expect, it } from 'vitest';
import { supersededSessions } from '../../../../electron/core/settings/superseded-sessions';
import type { Role } from '../../../../electron/shared/model';

const role = (name: string, source: string): Role => ({ name, roleArn: `arn:aws:iam::123456789012:role/${name}`, source, directMfa: false });
const roles = [role('admin', 'alice'), role('deploy', 'admin'), role('audit', 'deploy'), role('plain', 'alice'), role('other', 'bob')];

describe('supersededSessions', () => {
  it('names what changed and every role whose chain passes through it, once each', () => {
    expect(supersededSessions({ roles }, ['alice'])).toEqual(['alice', 'admin', 'deploy', 'audit', 'plain']);
    expect(supersededSessions({ roles }, ['deploy'])).toEqual(['deploy', 'audit']);
    expect(supersededSessions({ roles }, ['admin', 'deploy'])).toEqual(['admin', 'deploy', 'audit']);
    expect(supersededSessions({ roles }, [])).toEqual([]);
  });

  it('stops on a cycle', () => {
    expect(supersededSessions({ roles: [role('a', 'b'), role('b', 'a')] }, ['x'])).toEqual(['x']);
  });
});
