/** `latchkey list [--json]`: identities, MFA devices and roles, with whether each secret is stored (never the secret). */
import { maskAccessKeyId } from '../../shared/mask';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';

export const command: Command = {
  options: { json: { type: 'boolean', default: false } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const context = new CliContext(io);
    const settings = await context.settings.load();
    const keychain = context.keychain();
    const [secrets, seeds] = await Promise.all([keychain.list('identity'), keychain.list('mfa-seed')]);
    const identities = settings.identities.map((identity) => ({
      ...identity,
      accessKeyId: maskAccessKeyId(identity.accessKeyId),
      secretStored: secrets.includes(identity.name),
    }));
    const mfaDevices = settings.mfaDevices.map((device) => ({ ...device, hasSeed: device.hasSeed && seeds.includes(device.name) }));
    if (values.json) {
      print(io.stdout, JSON.stringify({ identities, mfaDevices, roles: settings.roles }, null, 2));
      return 0;
    }
    const lines: string[] = [];
    lines.push('identities:', ...rows(identities.map((i) => [i.name, i.accessKeyId, i.region ?? '', i.arn ?? '', i.secretStored ? '' : '(secret missing)'])));
    lines.push('mfa devices:', ...rows(mfaDevices.map((d) => [d.name, d.serial, `identity ${d.identity}`, d.hasSeed ? (d.autoMfa ? 'seed, auto-MFA' : 'seed') : ''])));
    lines.push('roles:', ...rows(settings.roles.map((r) => [r.name, r.roleArn, `from ${r.source}`, r.mfaDevice ? `mfa ${r.mfaDevice}` : ''])));
    print(io.stdout, lines.join('\n'));
    return 0;
  },
};

/** Columns padded to line up; "  (none)" for an empty list. */
function rows(table: string[][]): string[] {
  if (table.length === 0) return ['  (none)'];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
  return table.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd());
}
