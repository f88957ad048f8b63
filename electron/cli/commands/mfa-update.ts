/**
 * `latchkey mfa update NAME [--seed-stdin | --otpauth-stdin | --remove-seed] [--auto | --no-auto]
 * [--serial ARN]`. What is left out stays. A seed is read as `mfa add` reads it, with the same warning;
 * auto-MFA needs a seed, so removing the seed turns it off. A new serial drops the cached sessions
 * made with the old one.
 */
import { check, validateMfaSerial, validateName } from '../../shared/validation';
import { SEED_WARNING } from '../../core/settings/add-mfa-device';
import { findEntry } from '../../core/settings/find-entry';
import { updateMfaDevice } from '../../core/settings/update-mfa-device';
import { CliContext } from '../cli-context';
import { usageError, type Command } from '../command';
import { forgetSuperseded } from '../forget-superseded';
import { print } from '../io';
import { autoNeedsSeed, readSeed, SEED_OPTIONS, seedSource, SERIAL } from './mfa-add';

export const command: Command = {
  options: {
    ...SEED_OPTIONS,
    'remove-seed': { type: 'boolean', default: false, help: 'delete the stored seed from the keychain (auto-MFA goes with it)' },
    auto: { type: 'boolean', default: false, help: 'answer MFA from the stored seed without asking' },
    'no-auto': { type: 'boolean', default: false, help: 'ask for every MFA code again, keeping the seed' },
    serial: { ...SERIAL, help: `a new serial for the device (cached sessions made with the old one are dropped)` },
  },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'the MFA device to change' },
    examples: ['pass show aws/alice-totp | latchkey mfa update alice --seed-stdin --auto', 'latchkey mfa update alice --remove-seed'],
  },
  async run({ positionals: [name = ''], values }, io) {
    const seedFrom = seedSource(values);
    const removeSeed = Boolean(values['remove-seed']);
    const serial = values.serial as string | undefined;
    if (seedFrom && removeSeed) throw usageError('give a seed to store or --remove-seed, not both');
    if (values.auto && values['no-auto']) throw usageError('give --auto or --no-auto, not both');
    if (values.auto && removeSeed) throw autoNeedsSeed();
    if (!seedFrom && !removeSeed && !values.auto && !values['no-auto'] && serial === undefined)
      throw usageError('nothing to change: give --serial, --seed-stdin, --otpauth-stdin, --remove-seed, --auto or --no-auto');
    check(validateName('MFA device name'), name);
    if (serial !== undefined) check(validateMfaSerial, serial);

    const context = new CliContext(io);
    // Checked before the seed is asked for, and again when saving.
    const current = findEntry((await context.settings.load()).mfaDevices, 'MFA device', name);
    if (values.auto && !seedFrom && !current.hasSeed) throw autoNeedsSeed();
    const seed = seedFrom ? await readSeed(io, seedFrom) : undefined;
    const autoMfa = values.auto ? true : values['no-auto'] || removeSeed ? false : undefined;
    const { settings, superseded } = await updateMfaDevice(
      { settings: context.settings, keychain: context.keychain() },
      { name, serial, autoMfa, seed: seed !== undefined ? { seed } : removeSeed ? 'remove' : 'keep' },
    );
    await forgetSuperseded(context, superseded);

    const device = findEntry(settings.mfaDevices, 'MFA device', name);
    if (seed !== undefined) print(io.stderr, `latchkey: ${SEED_WARNING}${device.autoMfa ? '; auto-MFA is on, so no code will be asked for' : ''}`);
    const seedState = device.hasSeed ? (device.autoMfa ? 'seed, auto-MFA' : 'seed') : 'no seed';
    print(io.stdout, `updated MFA device "${name}" (${device.serial}, ${seedState}) for identity "${device.identity}"`);
    return 0;
  },
};
