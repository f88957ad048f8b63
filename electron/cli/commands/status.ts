/**
 * `latchkey status [--json]`: sessions held by the broker (or cached in the keychain when none runs)
 * and the profiles Latchkey writes (session keys, each with its expiry, and credential_process lines). Never a secret.
 */
import { BROKER_PROTOCOL } from '../../shared/broker-contract';
import { LatchkeyError } from '../../shared/errors';
import { expiresText } from '../../core/sessions/session-profile';
import { askTheBroker } from '../ask-the-broker';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';

export const command: Command = {
  options: { json: { type: 'boolean', default: false, help: 'print JSON for programs' } },
  positionals: { min: 0, max: 0 },
  help: { examples: ['latchkey status', 'latchkey status --json'] },
  async run({ values }, io) {
    const context = new CliContext(io);
    const reply = await askTheBroker(io, { type: 'status', protocol: BROKER_PROTOCOL });
    if (reply && !reply.ok) throw new LatchkeyError('broker', reply.error.message);
    const engine = await context.engine();
    const sessions =
      reply && 'status' in reply
        ? reply.status
        : (await engine.cachedSessions()).map(({ name, expiration }) => ({ name, expiration: expiresText(expiration) }));
    const published = (await engine.published()).map((entry) => ({ ...entry, expiration: entry.expiration && expiresText(entry.expiration) }));
    const processProfiles = (await context.settings.load()).processProfiles.map(({ profile, source }) => ({ profile, source }));
    const heldBy = reply ? 'broker' : 'keychain';
    if (values.json) {
      print(io.stdout, JSON.stringify({ heldBy, sessions, published, processProfiles }, null, 2));
      return 0;
    }
    const now = Date.now();
    const lines = [`sessions (${heldBy}):`, ...(sessions.length ? sessions.map((s) => `  ${s.name}  ${describe(s.expiration, now)}`) : ['  (none)'])];
    lines.push(
      'published profiles:',
      ...(published.length
        ? published.map((p) => `  ${p.profile} ← ${p.source}${p.active ? ' (active)' : ''}  ${p.expiration ? describe(p.expiration, now) : 'no session'}`)
        : ['  (none)']),
      'credential_process profiles:',
      ...(processProfiles.length ? processProfiles.map((p) => `  ${p.profile} ← ${p.source}`) : ['  (none)']),
    );
    print(io.stdout, lines.join('\n'));
    return 0;
  },
};

function describe(expiration: string, now: number): string {
  const minutes = Math.floor((Date.parse(expiration) - now) / 60_000);
  return minutes < 0 ? `expired ${expiration}` : `expires ${expiration} (${minutes} min left)`;
}
