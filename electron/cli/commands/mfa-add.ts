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
import { usageError, type Command, type CommandInput, type Option, type Options } from '../command';
import { print, type Io } from '../io';
import { readSecret, SECRET_OPTION } from '../read-secret';

/** The seed options of `mfa add` and `mfa update`; `--seed` is declared only to be refused with a reason (read-secret). */
export const SEED_OPTIONS: Options = {
  'seed-stdin': {
    type: 'boolean',
    default: false,
    help: 'store the device’s TOTP seed (Base32), read from stdin or a no-echo prompt: this machine then holds both factors',
  },
  'otpauth-stdin': { type: 'boolean', default: false, help: 'store the seed from an otpauth:// URI (what the QR code holds), read as for --seed-stdin' },
  seed: SECRET_OPTION,
};

/** The device's serial, for `mfa add` and `mfa update`. */
export const SERIAL: Option = {
  type: 'string',
  value: 'ARN',
  help: 'the device’s serial: its ARN, or a hardware token’s serial number',
  example: 'arn:aws:iam::123456789012:mfa/alice',
};

export const command: Command = {
  options: {
    serial: { ...SERIAL, help: `${SERIAL.help} (required)` },
    identity: { type: 'string', value: 'IDENTITY', help: 'the identity the device belongs to (required)', example: 'alice' },
    ...SEED_OPTIONS,
    auto: { type: 'boolean', default: false, help: 'answer MFA from the stored seed without asking (needs the seed)' },
  },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'what to call the device in Latchkey (roles name it with --mfa)' },
    examples: [
      'latchkey mfa add alice-phone --serial arn:aws:iam::123456789012:mfa/alice-phone --identity alice',
      'pass show aws/alice-totp | latchkey mfa add alice-phone --serial arn:aws:iam::123456789012:mfa/alice-phone --identity alice --seed-stdin --auto',
    ],
  },
  async run({ positionals: [name = ''], values }, io) {
    const seedFrom = seedSource(values);
    if (values.auto && !seedFrom) throw autoNeedsSeed();
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

    const seed = seedFrom ? await readSeed(io, seedFrom) : undefined;
    await addMfaDevice({ settings: context.settings, keychain: context.keychain() }, device, seed);
    if (seed !== undefined) print(io.stderr, `latchkey: ${SEED_WARNING}${device.autoMfa ? '; auto-MFA is on, so no code will be asked for' : ''}`);
    print(io.stdout, `added MFA device "${name}" (${device.serial}) for identity "${device.identity}"${seed ? ' with its seed' : ''}`);
    return 0;
  },
};

/** Where the options say a seed comes from (`mfa add`, `mfa update`); never from argv. */
export function seedSource(values: CommandInput['values']): 'seed' | 'otpauth' | undefined {
  if (values['seed-stdin'] && values['otpauth-stdin']) throw usageError('give --seed-stdin or --otpauth-stdin, not both');
  return values['seed-stdin'] ? 'seed' : values['otpauth-stdin'] ? 'otpauth' : undefined;
}

/** Auto-MFA answers from the stored seed, so `--auto` comes with one. */
export const autoNeedsSeed = () => usageError('--auto needs the seed: add --seed-stdin or --otpauth-stdin');

/** A Base32 seed, or the seed of an AWS otpauth:// URI, from stdin or a no-echo prompt. */
export async function readSeed(io: Io, from: 'seed' | 'otpauth'): Promise<string> {
  const text = await readSecret(io, from === 'otpauth' ? 'otpauth:// URI' : 'TOTP seed (Base32)');
  return from === 'otpauth' ? parseAwsOtpauthUri(text).secret : normalizeSeed(text);
}
