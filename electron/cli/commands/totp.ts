/** `latchkey totp DEVICE`: the device's current code, from its stored seed (the person asked to see it). */
import { LatchkeyError } from '../../shared/errors';
import { check, validateName } from '../../shared/validation';
import { totpCode } from '../../core/totp/totp-code';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';

export const command: Command = {
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals: [name = ''] }, io) {
    check(validateName('MFA device name'), name);
    const context = new CliContext(io);
    const { mfaDevices } = await context.settings.load();
    const device = mfaDevices.find((d) => d.name === name);
    if (!device) throw new LatchkeyError('not-found', `no MFA device is named "${name}"`);
    const seed = device.hasSeed ? await context.keychain().get('mfa-seed', name) : undefined;
    if (seed === undefined)
      throw new LatchkeyError('not-found', `MFA device "${name}" has no stored seed: add one with \`latchkey mfa add … --seed-stdin\`, or read the code from the device`);
    const { code, secondsLeft } = totpCode(seed, Date.now());
    print(io.stdout, code);
    print(io.stderr, `latchkey: valid for ${secondsLeft} more seconds`);
    return 0;
  },
};
