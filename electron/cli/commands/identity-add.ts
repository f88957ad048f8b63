/**
 * `latchkey identity add NAME --access-key-id AKIA… [--region R] [--mfa-serial ARN] [--verify]`. The
 * secret access key is read from stdin or a no-echo prompt. Everything is checked before anything is
 * stored; the secret goes to the keychain, the rest to the settings file.
 */
import { LatchkeyError } from '../../shared/errors';
import { maskAccessKeyId } from '../../shared/mask';
import type { Identity } from '../../shared/model';
import { check, validateAccessKeyId, validateMfaSerial, validateName, validateRegion, validateSecretAccessKey } from '../../shared/validation';
import { systemClock } from '../../core/clock';
import { verifyIdentity } from '../../core/sts/verify-identity';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';
import { readSecret, refuseSecretOption } from '../read-secret';
import { assertNameFree, saveWithSecret } from '../setup';

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
    let identity: Identity = {
      name: check(validateName('identity name'), name),
      accessKeyId: check(validateAccessKeyId, accessKeyId),
      ...(region === undefined ? {} : { region: check(validateRegion, region) }),
    };
    if (mfaSerial !== undefined) check(validateMfaSerial, mfaSerial);

    const context = new CliContext(io);
    assertNameFree(await context.settings.load(), name);
    const secret = check(validateSecretAccessKey, await readSecret(io, 'secret access key'));
    if (values.verify) {
      const caller = await verifyIdentity(identity, secret, context.sts(), systemClock);
      identity = { ...identity, accountId: caller.account, arn: caller.arn };
      print(io.stdout, `verified: ${caller.arn}`);
    }

    await saveWithSecret(context, { kind: 'identity', name, secret }, (settings) => {
      settings.identities.push(identity);
      // The device takes the identity's name: one virtual MFA device per IAM user is the common case.
      if (mfaSerial !== undefined) settings.mfaDevices.push({ name, serial: mfaSerial, identity: name, hasSeed: false, autoMfa: false });
    });
    print(io.stdout, `added identity "${name}" (${maskAccessKeyId(identity.accessKeyId)})${mfaSerial ? ` with MFA device "${name}"` : ''}`);
    return 0;
  },
};
