/**
 * `latchkey mfa enroll NAME --identity IDENTITY [--store-seed [--auto]] [--show-uri]`: a new virtual
 * MFA device for the identity's IAM user, enabled with two codes Latchkey computes from its seed, and
 * recorded (core/iam/enroll-mfa-device). The seed is kept in the keychain only with --store-seed (the
 * opt-in: this machine then holds both factors), and shown — the otpauth:// URI and its QR code, for an
 * authenticator app — only with --show-uri and only on a terminal, never into a pipe or a file.
 */
import { isatty } from 'node:tty';
import QRCode from 'qrcode';
import { LatchkeyError } from '../../shared/errors';
import { check, validateName } from '../../shared/validation';
import { systemClock } from '../../core/clock';
import { ensureRuntimeFolder } from '../../core/fs/runtime-folder';
import { assertEnrollable, enrollMfaDevice } from '../../core/iam/enroll-mfa-device';
import { lazyIamApi } from '../../core/iam/lazy-iam-api';
import { SEED_WARNING } from '../../core/settings/add-mfa-device';
import { FileStepStore } from '../../core/totp/file-step-store';
import { CliContext } from '../cli-context';
import { usageError, type Command } from '../command';
import { print, type Io } from '../io';
import { sessionFor } from '../session-for';

export const command: Command = {
  options: {
    identity: { type: 'string', value: 'IDENTITY', help: 'the identity whose IAM user gets the device (required)', example: 'alice' },
    'store-seed': {
      type: 'boolean',
      default: false,
      help: 'keep the seed in the keychain, so Latchkey can make codes (latchkey totp, auto-MFA): this machine then holds both factors',
    },
    auto: { type: 'boolean', default: false, help: 'answer MFA from the stored seed without asking (needs --store-seed)' },
    'show-uri': {
      type: 'boolean',
      default: false,
      help: 'print the otpauth:// URI and its QR code for an authenticator app (only to a terminal: it is the seed)',
    },
  },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'what to call the device, in Latchkey and in IAM (roles name it with --mfa)' },
    examples: [
      'latchkey mfa enroll alice-phone --identity alice --show-uri   # scan the QR code with your authenticator app',
      'latchkey mfa enroll alice-laptop --identity alice --store-seed --auto',
    ],
  },
  async run({ positionals: [name = ''], values }, io) {
    const storeSeed = Boolean(values['store-seed']);
    const showUri = Boolean(values['show-uri']);
    if (values.auto && !storeSeed) throw usageError('--auto needs --store-seed: auto-MFA makes codes from the stored seed');
    if (!storeSeed && !showUri)
      throw usageError('the seed would be kept nowhere and no code could ever be made for the device: add --show-uri (for an authenticator app), --store-seed, or both');
    if (typeof values.identity !== 'string') throw new LatchkeyError('invalid-input', '--identity is required: the identity whose IAM user gets the device');
    check(validateName('MFA device name'), name);
    if (showUri && !stdoutIsTerminal(io))
      throw new LatchkeyError('invalid-input', '--show-uri prints the seed, and stdout is not a terminal: run it in a terminal, or store the seed with --store-seed and get codes with `latchkey totp`');

    const context = new CliContext(io);
    const showSeed = showUri ? async (uri: string) => print(io.stdout, `${await QRCode.toString(uri, { type: 'terminal', small: true })}\n${uri}`) : undefined;
    const request = { name, identity: values.identity, storeSeed, autoMfa: Boolean(values.auto) };
    // Checked before anything is asked of AWS (again in enrollMfaDevice); the QR code is drawn once the device is enabled.
    assertEnrollable(await context.settings.load(), { ...request, showSeed });
    const { device, userName } = await enrollMfaDevice(
      {
        settings: context.settings,
        keychain: context.keychain(),
        sts: context.sts(),
        iam: lazyIamApi(io.env),
        clock: systemClock,
        steps: new FileStepStore(await ensureRuntimeFolder(io.env)),
        identitySession: async (identity) => (await sessionFor(identity, `mfa enroll ${name}`, io)).session,
      },
      { ...request, showSeed },
    );
    if (storeSeed) print(io.stderr, `latchkey: ${SEED_WARNING}${device.autoMfa ? '; auto-MFA is on, so no code will be asked for' : ''}`);
    print(io.stdout, `enrolled MFA device "${name}" (${device.serial}) for IAM user "${userName}" of identity "${device.identity}"${storeSeed ? ', its seed in the keychain' : ''}`);
    return 0;
  },
};

/** Whether stdout is a terminal a person reads, rather than a pipe or a file something keeps. */
function stdoutIsTerminal(io: Io): boolean {
  return (io.stdout as { isTTY?: boolean }).isTTY ?? isatty(1);
}
