/**
 * `latchkey mfa add NAME --serial ARN --identity IDENTITY [--seed-stdin | --otpauth-stdin] [--auto]`.
 * A seed is optional and opt-in: kept next to the key it protects, it makes MFA one factor on this
 * machine, and the command says so.
 */
import { LatchkeyError } from '../../shared/errors';
import type { MfaDevice } from '../../shared/model';
import { check, validateMfaSerial, validateName } from '../../shared/validation';
import { parseOtpauthUri } from '../../core/totp/otpauth-uri';
import { normalizeSeed } from '../../core/totp/seed';
import { TOTP_DEFAULTS } from '../../core/totp/totp-code';
import { CliContext } from '../cli-context';
import { usageError, type Command } from '../command';
import { print } from '../io';
import { readSecret, refuseSecretOption } from '../read-secret';
import { saveWithSecret } from '../setup';

export const SEED_WARNING =
  'the TOTP seed is stored in the keychain next to the key it protects: anyone who can unlock this keychain now has both factors';

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
    const device: MfaDevice = {
      name: check(validateName('MFA device name'), name),
      serial: check(validateMfaSerial, values.serial),
      identity: values.identity,
      hasSeed,
      autoMfa: Boolean(values.auto),
    };

    const context = new CliContext(io);
    const settings = await context.settings.load();
    if (!settings.identities.some((identity) => identity.name === device.identity))
      throw new LatchkeyError('not-found', `no identity is named "${device.identity}": add it first with \`latchkey identity add\``);
    if (settings.mfaDevices.some((existing) => existing.name === name))
      throw new LatchkeyError('already-exists', `an MFA device is already named "${name}": pick another name, or \`latchkey remove mfa ${name}\` first`);

    const seed = hasSeed ? await readSeed(io, Boolean(values['otpauth-stdin'])) : undefined;
    await saveWithSecret(context, seed === undefined ? undefined : { kind: 'mfa-seed', name, secret: seed }, (s) => {
      s.mfaDevices.push(device);
    });
    if (seed !== undefined) print(io.stderr, `latchkey: ${SEED_WARNING}${device.autoMfa ? '; auto-MFA is on, so no code will be asked for' : ''}`);
    print(io.stdout, `added MFA device "${name}" (${device.serial}) for identity "${device.identity}"${seed ? ' with its seed' : ''}`);
    return 0;
  },
};

async function readSeed(io: Parameters<Command['run']>[1], otpauth: boolean): Promise<string> {
  const text = await readSecret(io, otpauth ? 'otpauth:// URI' : 'TOTP seed (Base32)');
  if (!otpauth) return normalizeSeed(text);
  const params = parseOtpauthUri(text);
  // The settings keep no TOTP parameters: AWS virtual MFA devices all use the defaults.
  if (params.algorithm !== TOTP_DEFAULTS.algorithm || params.digits !== TOTP_DEFAULTS.digits || params.period !== TOTP_DEFAULTS.period)
    throw new LatchkeyError('invalid-input', `the otpauth URI uses ${params.algorithm.toUpperCase()}, ${params.digits} digits, ${params.period} s: AWS MFA devices use SHA1, 6 digits, 30 s`);
  return params.secret;
}
