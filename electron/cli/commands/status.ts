/**
 * `latchkey status [--json]`: sessions held by the broker (or cached in the keychain when none runs),
 * the profiles Latchkey writes (session keys, each with its expiry, and credential_process lines), the
 * live credential endpoints (`exec --server`, `serve`) the broker knows of, and
 * how old each identity's access key is, against the key-age limit. Never a secret.
 */
import { BROKER_PROTOCOL } from '../../shared/broker-contract';
import { LatchkeyError } from '../../shared/errors';
import { maskAccessKeyId } from '../../shared/mask';
import type { Settings } from '../../shared/model';
import { expiresText } from '../../core/sessions/session-profile';
import { keyAgeDays, keyOverLimit } from '../../core/settings/key-age';
import { askTheBroker } from '../ask-the-broker';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';
import { rows } from '../rows';

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
    const settings = await context.settings.load();
    const processProfiles = settings.processProfiles.map(({ profile, source }) => ({ profile, source }));
    const now = Date.now();
    const keys = keyAges(settings, now);
    const heldBy = reply ? 'broker' : 'keychain';
    // Credential endpoints (exec --server, serve) register with the broker; none are known without one.
    const grants = (reply && 'grants' in reply ? reply.grants : undefined) ?? [];
    if (values.json) {
      print(io.stdout, JSON.stringify({ heldBy, sessions, published, processProfiles, grants, keys }, null, 2));
      return 0;
    }
    const lines = [`sessions (${heldBy}):`, ...(sessions.length ? sessions.map((s) => `  ${s.name}  ${describe(s.expiration, now)}`) : ['  (none)'])];
    lines.push(
      'published profiles:',
      ...(published.length
        ? published.map((p) => `  ${p.profile} ← ${p.source}${p.active ? ' (active)' : ''}  ${p.expiration ? describe(p.expiration, now) : 'no session'}`)
        : ['  (none)']),
      'credential_process profiles:',
      ...(processProfiles.length ? processProfiles.map((p) => `  ${p.profile} ← ${p.source}`) : ['  (none)']),
      'credential endpoints:',
      ...(grants.length ? grants.map((g) => `  ${g.name} for ${g.requester}, since ${g.since}`) : ['  (none)']),
      'access keys:',
      ...rows(keys.map((key) => [key.identity, key.accessKeyId, describeAge(key, settings.preferences.keyAgeDays)])),
    );
    print(io.stdout, lines.join('\n'));
    return 0;
  },
};

interface KeyAge {
  identity: string;
  /** Masked. */
  accessKeyId: string;
  /** When IAM created it, if Latchkey knows. */
  created?: string;
  ageDays?: number;
  /** Older than the key-age limit (never, with the limit at 0). */
  overLimit: boolean;
}

function keyAges({ identities, preferences }: Settings, now: number): KeyAge[] {
  return identities.map(({ name, accessKeyId, keyCreated }) => {
    const ageDays = keyCreated === undefined ? undefined : keyAgeDays(keyCreated, now);
    return {
      identity: name,
      accessKeyId: maskAccessKeyId(accessKeyId),
      ...(keyCreated === undefined ? {} : { created: keyCreated, ageDays }),
      overLimit: keyOverLimit(keyCreated, preferences.keyAgeDays, now),
    };
  });
}

function describeAge(key: KeyAge, limitDays: number): string {
  if (key.created === undefined || key.ageDays === undefined)
    return `age unknown: \`latchkey identity rotate ${key.identity}\` records it (so does \`identity add --verify\`, where the key may list itself)`;
  const age = `created ${key.created.slice(0, 10)}, ${key.ageDays} ${key.ageDays === 1 ? 'day' : 'days'} old`;
  return key.overLimit ? `${age}: past the ${limitDays}-day limit, rotate it with \`latchkey identity rotate ${key.identity}\`` : age;
}

function describe(expiration: string, now: number): string {
  const minutes = Math.floor((Date.parse(expiration) - now) / 60_000);
  return minutes < 0 ? `expired ${expiration}` : `expires ${expiration} (${minutes} min left)`;
}
