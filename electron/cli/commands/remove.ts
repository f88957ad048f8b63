/**
 * `latchkey remove identity|mfa|role NAME`: the settings entry, its keychain secret and its cached
 * sessions. Refused while something still uses it (a role of the identity, a role using the device).
 */
import { LatchkeyError } from '../../shared/errors';
import { check, validateName } from '../../shared/validation';
import type { Settings } from '../../shared/model';
import { CliContext } from '../cli-context';
import { usageError, type Command } from '../command';
import { print } from '../io';

const KINDS = {
  identity: { list: 'identities', secret: 'identity' },
  mfa: { list: 'mfaDevices', secret: 'mfa-seed' },
  role: { list: 'roles', secret: undefined },
} as const;

export const command: Command = {
  options: {},
  positionals: { min: 2, max: 2 },
  async run({ positionals: [kindName = '', name = ''] }, io) {
    const kind = KINDS[kindName as keyof typeof KINDS];
    if (!kind) throw usageError(`what to remove must be one of ${Object.keys(KINDS).join(', ')}`);
    check(validateName('name'), name);
    const context = new CliContext(io);
    const settings = await context.settings.load();
    const entries: { name: string }[] = settings[kind.list];
    if (!entries.some((entry) => entry.name === name)) throw new LatchkeyError('not-found', `no ${kindName} is named "${name}"`);
    const users = usersOf(settings, kindName, name);
    if (users.length > 0) throw new LatchkeyError('invalid-input', `${kindName} "${name}" is still used by ${users.join(', ')}: remove those first`);

    // Cached sessions can only be found through the entry, so they go before it.
    if (kindName !== 'mfa') await (await context.engine()).forget(name).catch(() => undefined);
    await context.settings.update((s) => {
      (s[kind.list] as { name: string }[]).splice(
        (s[kind.list] as { name: string }[]).findIndex((entry) => entry.name === name),
        1,
      );
      s.published = s.published.filter((entry) => entry.source !== name);
    });
    if (kind.secret) await context.keychain().delete(kind.secret, name);
    print(io.stdout, `removed ${kindName} "${name}"`);
    return 0;
  },
};

function usersOf(settings: Settings, kind: string, name: string): string[] {
  if (kind === 'identity')
    return [
      ...settings.roles.filter((role) => role.source === name).map((role) => `role "${role.name}"`),
      ...settings.mfaDevices.filter((device) => device.identity === name).map((device) => `MFA device "${device.name}"`),
    ];
  if (kind === 'mfa') return settings.roles.filter((role) => role.mfaDevice === name).map((role) => `role "${role.name}"`);
  return settings.roles.filter((role) => role.source === name).map((role) => `role "${role.name}"`);
}
