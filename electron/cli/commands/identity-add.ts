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
import { addIdentity } from '../../core/settings/add-identity';
import { assertNameFree } from '../../core/settings/assert-name-free';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print, type Io } from '../io';
import { readSecret, refuseSecretOption } from '../read-secret';

export const command: Command = {
  options: {
    'access-key-id': { type: 'string' },
    region: { type: 'string' },
    'mfa-serial': { type: 'string' },
    verify: { type: 'boolean', default: false },
    'secret-access-key': { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [name = ''], values }, io) {
    refuseSecretOption('secret-access-key', values['secret-access-key']);
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
      { settings: context.settings, keychain: context.keychain(), sts: context.sts(), clock: systemClock },
      { identity, secretAccessKey, mfaSerial, verify: Boolean(values.verify) },
    );
    if (caller) print(io.stdout, `verified: ${caller.arn}`);
    print(io.stdout, `added identity "${name}" (${maskAccessKeyId(identity.accessKeyId)})${mfaSerial ? ` with MFA device "${name}"` : ''}`);
    return 0;
  },
};

/** How every identity command reads a secret access key: piped on stdin, or typed at a no-echo prompt. */
export function readSecretAccessKey(io: Io): Promise<string> {
  return readSecret(io, 'secret access key');
}
