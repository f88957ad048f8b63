/**
 * `latchkey role add NAME --role-arn ARN --source IDENTITY|ROLE [--mfa DEVICE] [--external-id X]
 * [--duration SECONDS] [--session-name S] [--region R] [--direct-mfa]`.
 */
import { LatchkeyError } from '../../shared/errors';
import type { Role } from '../../shared/model';
import {
  LIMITS,
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
    'role-arn': { type: 'string', value: 'ARN', help: 'the role to assume (required)', example: 'arn:aws:iam::123456789012:role/dev' },
    source: {
      type: 'string',
      value: 'IDENTITY|ROLE',
      help: 'who assumes it (required): an identity, or another role for a chain',
      example: 'alice',
    },
    mfa: { type: 'string', value: 'DEVICE', help: 'the MFA device the role needs (an MFA device name in Latchkey)', example: 'alice' },
    'external-id': { type: 'string', value: 'ID', help: 'the external id the role’s trust policy asks for', example: 'acme-1234' },
    duration: {
      type: 'string',
      value: 'SECONDS',
      help: `how long a session lasts, ${LIMITS.assumeRoleSeconds.min}-${LIMITS.assumeRoleSeconds.max} (default ${LIMITS.assumeRoleSeconds.default}; a chain is capped at ${LIMITS.roleChainSeconds})`,
      example: '7200',
    },
    'session-name': { type: 'string', value: 'SESSION', help: 'the role session name CloudTrail shows (default: the IAM user’s name, else the identity’s)', example: 'alice-laptop' },
    region: { type: 'string', value: 'REGION', help: 'the region of its STS calls and of AWS_REGION for exec and env (default: its source’s)', example: 'eu-west-1' },
    'direct-mfa': {
      type: 'boolean',
      default: false,
      help: 'send the MFA code on AssumeRole itself, rather than assume the role from the identity’s MFA session (a role asking for more than 1 hour does anyway)',
    },
  },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'what to call the role in Latchkey and its profiles' },
    examples: [
      'latchkey role add dev --role-arn arn:aws:iam::123456789012:role/dev --source alice',
      'latchkey role add prod-admin --role-arn arn:aws:iam::210987654321:role/admin --source alice --mfa alice --duration 3600',
      'latchkey role add audit --role-arn arn:aws:iam::210987654321:role/audit --source prod-admin   # a chain',
    ],
  },
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
