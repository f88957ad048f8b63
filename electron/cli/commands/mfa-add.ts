/**
 * `latchkey mfa add NAME --serial ARN --identity IDENTITY [--seed-stdin | --otpauth-stdin] [--auto]`.
 * A seed is optional and opt-in: kept next to the key it protects, it makes MFA one factor on this
 * machine, and the command says so.
 */
import { LatchkeyError } from '../../shared/errors';
import type { MfaDevice } from '../../shared/model';
import { check, validateMfaSerial, validateName } from '../../shared/validation';
import { addMfaDevice, assertDeviceFits, SEED_WARNING } from '../../core/settings/add-mfa-device';
import { parseAwsOtpauthUri } from '../../core/totp/aws-otpauth-uri';
import { normalizeSeed } from '../../core/totp/seed';
import { CliContext } from '../cli-context';
import { usageError, type Command } from '../command';
import { print } from '../io';
import { readSecret, refuseSecretOption } from '../read-secret';

export const command: Command = {
  options: {
    serial: { type: 'string' },
    identity: { type: 'string' },
    'seed-stdin': { type: 'boolean', default: false },
    'otpauth-stdin': { type: 'boolean', default: false },
    auto: { type: 'boolean', default: false },
    seed: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [name = ''], values }, io) {
    refuseSecretOption('seed', values.seed);
    if (values['seed-stdin'] && values['otpauth-stdin']) throw usageError('give --seed-stdin or --otpauth-stdin, not both');
    const hasSeed = Boolean(values['seed-stdin'] || values['otpauth-stdin']);
    if (values.auto && !hasSeed) throw usageError('--auto needs the seed: add --seed-stdin or --otpauth-stdin');
    if (typeof values.serial !== 'string') throw new LatchkeyError('invalid-input', '--serial is required (arn:aws:iam::ACCOUNT:mfa/NAME)');
    if (typeof values.identity !== 'string') throw new LatchkeyError('invalid-input', '--identity is required: the identity the device belongs to');
    const device: Omit<MfaDevice, 'hasSeed'> = {
      name: check(validateName('MFA device name'), name),
      serial: check(validateMfaSerial, values.serial),
      identity: values.identity,
      autoMfa: Boolean(values.auto),
    };

    const context = new CliContext(io);
    // Checked before the seed is asked for, and again when saving.
    assertDeviceFits(await context.settings.load(), device);

    const seed = hasSeed ? await readSeed(io, Boolean(values['otpauth-stdin'])) : undefined;
    await addMfaDevice({ settings: context.settings, keychain: context.keychain() }, device, seed);
    if (seed !== undefined) print(io.stderr, `latchkey: ${SEED_WARNING}${device.autoMfa ? '; auto-MFA is on, so no code will be asked for' : ''}`);
    print(io.stdout, `added MFA device "${name}" (${device.serial}) for identity "${device.identity}"${seed ? ' with its seed' : ''}`);
    return 0;
  },
};

async function readSeed(io: Parameters<Command['run']>[1], otpauth: boolean): Promise<string> {
  const text = await readSecret(io, otpauth ? 'otpauth:// URI' : 'TOTP seed (Base32)');
  return otpauth ? parseAwsOtpauthUri(text).secret : normalizeSeed(text);
}
