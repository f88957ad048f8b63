/**
 * `latchkey identity add NAME --access-key-id AKIA… [--region R] [--mfa-serial ARN] [--verify]`. The
 * secret access key is read from stdin or a no-echo prompt. Everything is checked before anything is
 * stored; the secret goes to the keychain, the rest to the settings file.
 */
import { LatchkeyError } from '../../shared/errors';
import { maskAccessKeyId } from '../../shared/mask';
import type { Identity } from '../../shared/model';
import { check, validateAccessKeyId, validateMfaSerial, validateName, validateRegion } from '../../shared/validation';
import { systemClock } from '../../core/clock';
import { lazyIamApi } from '../../core/iam/lazy-iam-api';
import { addIdentity } from '../../core/settings/add-identity';
import { assertNameFree } from '../../core/settings/assert-name-free';
import { CliContext } from '../cli-context';
import type { Command, Option } from '../command';
import { print, type Io } from '../io';
import { readSecret, SECRET_OPTION } from '../read-secret';

/** The options `identity add` and `identity update` share. */
export const ACCESS_KEY_ID: Option = {
  type: 'string',
  value: 'AKIA…',
  help: 'the access key id of the IAM user’s long-term key; its secret is read from stdin or a no-echo prompt',
  example: 'AKIAIOSFODNN7EXAMPLE',
};
export const REGION: Option = {
  type: 'string',
  value: 'REGION',
  help: 'the identity’s region: where its STS calls go (us-east-1 when left out), and AWS_REGION for exec and env',
  example: 'eu-west-1',
};

export const command: Command = {
  options: {
    'access-key-id': ACCESS_KEY_ID,
    region: REGION,
    'mfa-serial': {
      type: 'string',
      value: 'ARN',
      help: 'the user’s MFA device, added as an MFA device named like the identity',
      example: 'arn:aws:iam::123456789012:mfa/alice',
    },
    verify: { type: 'boolean', default: false, help: 'ask AWS (GetCallerIdentity) whether the key works before storing it, and record its account and ARN' },
    'secret-access-key': SECRET_OPTION,
  },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'what to call the identity in Latchkey (roles name it as their --source)' },
    examples: [
      'latchkey identity add alice --access-key-id AKIAIOSFODNN7EXAMPLE --region eu-west-1 --verify   # asks for the secret',
      'pass show aws/alice | latchkey identity add alice --access-key-id AKIAIOSFODNN7EXAMPLE --mfa-serial arn:aws:iam::123456789012:mfa/alice',
    ],
  },
  async run({ positionals: [name = ''], values }, io) {
    const accessKeyId = values['access-key-id'];
    if (typeof accessKeyId !== 'string') throw new LatchkeyError('invalid-input', '--access-key-id is required');
    const region = values.region as string | undefined;
    const mfaSerial = values['mfa-serial'] as string | undefined;
    const identity: Identity = {
      name: check(validateName('identity name'), name),
      accessKeyId: check(validateAccessKeyId, accessKeyId),
      ...(region === undefined ? {} : { region: check(validateRegion, region) }),
    };
    if (mfaSerial !== undefined) check(validateMfaSerial, mfaSerial);

    const context = new CliContext(io);
    // Checked before the secret is asked for, and again when saving.
    assertNameFree(await context.settings.load(), name);
    const secretAccessKey = await readSecretAccessKey(io);
    const { caller } = await addIdentity(
      { settings: context.settings, keychain: context.keychain(), sts: context.sts(), clock: systemClock, iam: lazyIamApi(context.env) },
      { identity, secretAccessKey, mfaSerial, verify: Boolean(values.verify) },
    );
    if (caller) print(io.stdout, `verified: ${caller.arn ?? `account ${caller.account} (the key may not call GetCallerIdentity, so its ARN is unknown)`}`);
    print(io.stdout, `added identity "${name}" (${maskAccessKeyId(identity.accessKeyId)})${mfaSerial ? ` with MFA device "${name}"` : ''}`);
    return 0;
  },
};

/** How every identity command reads a secret access key: piped on stdin, or typed at a no-echo prompt. */
export function readSecretAccessKey(io: Io): Promise<string> {
  return readSecret(io, 'secret access key');
}
