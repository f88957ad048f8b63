/**
 * `latchkey role add NAME --role-arn ARN --source IDENTITY|ROLE [--mfa DEVICE] [--external-id X]
 * [--duration SECONDS] [--session-name S] [--region R] [--direct-mfa]`.
 */
import { LatchkeyError } from '../../shared/errors';
import type { Role } from '../../shared/model';
import {
  check,
  validateAssumeRoleDuration,
  validateExternalId,
  validateName,
  validateRegion,
  validateRoleArn,
  validateSessionName,
} from '../../shared/validation';
import { addRole } from '../../core/settings/add-role';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';

export const command: Command = {
  options: {
    'role-arn': { type: 'string' },
    source: { type: 'string' },
    mfa: { type: 'string' },
    'external-id': { type: 'string' },
    duration: { type: 'string' },
    'session-name': { type: 'string' },
    region: { type: 'string' },
    'direct-mfa': { type: 'boolean', default: false },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [name = ''], values }, io) {
    const text = (option: string) => values[option] as string | undefined;
    const roleArn = text('role-arn');
    const source = text('source');
    if (roleArn === undefined) throw new LatchkeyError('invalid-input', '--role-arn is required (arn:aws:iam::ACCOUNT:role/NAME)');
    if (source === undefined) throw new LatchkeyError('invalid-input', '--source is required: the identity (or role, for a chain) that assumes this role');
    const duration = text('duration');
    const role: Role = {
      name: check(validateName('role name'), name),
      roleArn: check(validateRoleArn, roleArn),
      source,
      directMfa: Boolean(values['direct-mfa']),
      ...optional('mfaDevice', text('mfa'), validateName('MFA device name')),
      ...optional('externalId', text('external-id'), validateExternalId),
      ...optional('sessionName', text('session-name'), validateSessionName),
      ...optional('region', text('region'), validateRegion),
      ...(duration === undefined ? {} : { durationSeconds: check(validateAssumeRoleDuration, wholeNumber(duration)) }),
    };
    if (role.directMfa && role.mfaDevice === undefined) throw new LatchkeyError('invalid-input', '--direct-mfa needs --mfa DEVICE');

    await addRole(new CliContext(io).settings, role);
    print(io.stdout, `added role "${name}" (${role.roleArn}) from "${source}"`);
    return 0;
  },
};

function optional<K extends string>(key: K, value: string | undefined, validator: (value: string) => string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: check(validator, value) } as Record<K, string>);
}

function wholeNumber(text: string): number {
  if (!/^\d+$/.test(text)) throw new LatchkeyError('invalid-input', `--duration must be a whole number of seconds (got ${JSON.stringify(text)})`);
  return Number(text);
}
