/** `latchkey totp DEVICE`: the device's current code, from its stored seed (the person asked to see it). */
import { check, validateName } from '../../shared/validation';
import { deviceCode } from '../../core/totp/device-code';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';

export const command: Command = {
  options: {},
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { DEVICE: 'an MFA device whose seed is stored (`latchkey mfa add … --seed-stdin`)' },
    examples: ['latchkey totp alice', 'latchkey totp alice | pbcopy'],
  },
  async run({ positionals: [name = ''] }, io) {
    check(validateName('MFA device name'), name);
    const context = new CliContext(io);
    const { code, secondsLeft } = await deviceCode({ settings: context.settings, keychain: context.keychain() }, name, Date.now());
    print(io.stdout, code);
    print(io.stderr, `latchkey: valid for ${secondsLeft} more seconds`);
    return 0;
  },
};
