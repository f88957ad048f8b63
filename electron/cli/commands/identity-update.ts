/**
 * `latchkey identity update NAME [--access-key-id AKIA…] [--region R] [--mfa-serial ARN | --no-mfa]
 * [--no-verify]`. A new key's secret is read as `identity add` reads it, and GetCallerIdentity must
 * accept the new key before it replaces the old one (unless --no-verify): a key AWS refuses changes
 * nothing. The name stays, so roles and profiles built on it keep working; the cached sessions made
 * from what changed are dropped.
 */
import { maskAccessKeyId } from '../../shared/mask';
import { check, validateAccessKeyId, validateMfaSerial, validateName, validateRegion } from '../../shared/validation';
import { systemClock } from '../../core/clock';
import { lazyIamApi } from '../../core/iam/lazy-iam-api';
import { findEntry } from '../../core/settings/find-entry';
import { identityDevice } from '../../core/settings/identity-device';
import { assertIdentityChangeFits, updateIdentity, type IdentityChange } from '../../core/settings/update-identity';
import { CliContext } from '../cli-context';
import { usageError, type Command } from '../command';
import { forgetSuperseded } from '../forget-superseded';
import { print } from '../io';
import { SECRET_OPTION } from '../read-secret';
import { ACCESS_KEY_ID, readSecretAccessKey, REGION } from './identity-add';

export const command: Command = {
  options: {
    'access-key-id': { ...ACCESS_KEY_ID, help: 'a new key for the identity (after a rotation); its secret is read from stdin or a no-echo prompt' },
    region: REGION,
    'mfa-serial': {
      type: 'string',
      value: 'ARN',
      help: 'the identity’s MFA device: a new serial, or a device added if it has none',
      example: 'arn:aws:iam::123456789012:mfa/alice',
    },
    'no-mfa': { type: 'boolean', default: false, help: 'remove the identity’s MFA device (refused while a role uses it)' },
    'no-verify': { type: 'boolean', default: false, help: 'store a new key without first asking AWS (GetCallerIdentity) whether it works' },
    'secret-access-key': SECRET_OPTION,
  },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'the identity to change; its roles and profiles keep working' },
    examples: [
      'pass show aws/alice-new | latchkey identity update alice --access-key-id AKIAI44QH8DHBEXAMPLE',
      'latchkey identity update alice --region eu-west-1 --mfa-serial arn:aws:iam::123456789012:mfa/alice-phone',
    ],
  },
  async run({ positionals: [name = ''], values }, io) {
    const text = (option: string) => values[option] as string | undefined;
    const accessKeyId = text('access-key-id');
    const region = text('region');
    const mfaSerial = text('mfa-serial');
    const noMfa = Boolean(values['no-mfa']);
    if (mfaSerial !== undefined && noMfa) throw usageError('give --mfa-serial or --no-mfa, not both');
    if (accessKeyId === undefined && region === undefined && mfaSerial === undefined && !noMfa)
      throw usageError('nothing to change: give --access-key-id, --region, --mfa-serial or --no-mfa');
    check(validateName('identity name'), name);
    if (accessKeyId !== undefined) check(validateAccessKeyId, accessKeyId);
    if (region !== undefined) check(validateRegion, region);
    if (mfaSerial !== undefined) check(validateMfaSerial, mfaSerial);
    const mfa: IdentityChange['mfa'] = mfaSerial !== undefined ? { serial: mfaSerial } : noMfa ? 'none' : undefined;

    const context = new CliContext(io);
    // Checked before the secret is asked for, and again when saving.
    const current = assertIdentityChangeFits(await context.settings.load(), { name, mfa });
    const secretAccessKey = accessKeyId === undefined ? undefined : await readSecretAccessKey(io);
    const verify = accessKeyId !== undefined && !values['no-verify'];
    const { settings, superseded } = await updateIdentity(
      { settings: context.settings, keychain: context.keychain(), sts: context.sts(), clock: systemClock, iam: lazyIamApi(io.env) },
      // A region left out would be removed: keep the one it has.
      { name, region: region ?? current.region, accessKeyId, secretAccessKey, mfa, verify },
    );
    await forgetSuperseded(context, superseded);

    const identity = findEntry(settings.identities, 'identity', name);
    const device = identityDevice(settings, name);
    if (verify && identity.arn) print(io.stdout, `verified: ${identity.arn}`);
    const details = [
      maskAccessKeyId(identity.accessKeyId),
      ...(identity.region ? [`region ${identity.region}`] : []),
      device ? `MFA device "${device.name}" ${device.serial}` : 'no MFA device',
    ];
    print(io.stdout, `updated identity "${name}" (${details.join(', ')})`);
    return 0;
  },
};
