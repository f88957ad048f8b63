/**
 * Issue 11, items 4, 7, 10 and 17: the keychain forged, killed, stopped and locked, on a keyring of the
 * test's own. Before: a forged chunk index (`latchkey-chunks/1 deadbeef 99999999`) ran the CLI out of
 * memory, and 2,000 chunks opened a D-Bus connection each for 20 minutes; a daemon that died mid-call
 * made calls say the secret "is not in the keychain" (it was there after a restart); `list` failed on a
 * locked keyring and never exited with the daemon stopped; `latchkey agent` without a Secret Service
 * said it served, then failed every request.
 */
import { totpCode } from '../../../electron/core/totp/totp-code';
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CLI, cliWorld, collect, type CliWorld } from '../../helpers/latchkey-cli';
import { describeWith } from '../../helpers/needs';
import { timed } from './fault-setup';
import { privateKeyringTools, startPrivateKeyring, type PrivateKeyring } from './private-keyring';

/** A command here takes ~1 s; a refusal must come before any wait. */
const BOUND_MS = 5_000;
/** Against a stopped daemon the library's own call gives up after ~2 s, and the command then ends. */
const STOPPED_BOUND_MS = 8_000;
const SECRET = `wJalrXUtnFEMI/K7MDENG/${'k'.repeat(18)}`;
const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const INTERNALS = /identity:alice|session:dev|mfa-seed:phone|chunk:|DBus error|zbus|org\.freedesktop/;
const NO_KEYCHAIN = (doing: string) =>
  `no keychain answered while ${doing}: if your Secret Service was just stopped or restarted, try again in a moment; otherwise start a Secret Service such as gnome-keyring with a default (login) keyring, and make sure DBUS_SESSION_BUS_ADDRESS points at its session bus`;

describeWith([privateKeyringTools], 'the keychain forged, killed, stopped and locked', () => {
  let keyring: PrivateKeyring;
  let world: CliWorld;
  let service: string;
  const run = (args: string[], env?: NodeJS.ProcessEnv) => timed(() => world.run(args, { env }));
  /** As `run`, but a command that outlives twice the bound is killed, so a regression fails rather than hangs. */
  const runBounded = (args: string[], env?: NodeJS.ProcessEnv) =>
    timed(() => {
      const child = spawn(process.execPath, [CLI, ...args], { env: { ...world.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
      const timer = setTimeout(() => child.kill('SIGKILL'), 2 * STOPPED_BOUND_MS);
      return collect(child).finally(() => clearTimeout(timer));
    });

  beforeAll(async () => {
    keyring = await startPrivateKeyring();
    await keyring.start();
    // Nothing listens there: a command that gets past the keychain fails at STS at once.
    world = cliWorld('http://127.0.0.1:9');
    world.env.DBUS_SESSION_BUS_ADDRESS = keyring.address;
    service = world.env.LATCHKEY_KEYCHAIN_SERVICE as string;
    await world.setUp([
      [['identity', 'add', 'alice', '--access-key-id', 'AKIAFAKEKEYCHAINF001'], SECRET],
      [['mfa', 'add', 'phone', '--serial', 'arn:aws:iam::123456789012:mfa/alice', '--identity', 'alice', '--seed-stdin'], SEED],
      [['role', 'add', 'dev', '--role-arn', 'arn:aws:iam::123456789012:role/dev', '--source', 'alice']],
    ]);
  }, 30_000);
  afterAll(async () => keyring?.close());
  // Whatever a test left, stopped or dead (a failed one too), the next starts with a running daemon.
  afterEach(async () => keyring.recover());

  it('refuses a forged index naming 99,999,999 or 2,000 chunks at once, naming the identity, and list still works', async () => {
    try {
      for (const count of ['99999999', '2000']) {
        keyring.store(service, 'identity:alice', `latchkey-chunks/1 deadbeef ${count}`);
        const result = await runBounded(['credential-process', 'dev']);
        expect(result.stderr).toBe(
          `latchkey credential-process: the keychain entry for identity "alice" is damaged (its index names ${count} parts, and Latchkey writes at most 16): ` +
            'store its key again with `latchkey identity update alice --access-key-id AKIA…`, or remove it with `latchkey remove identity alice --delete-key`\n',
        );
        expect(result.code).toBe(1);
        expect(result.ms).toBeLessThan(BOUND_MS);
        const list = await run(['list']);
        expect(list.code).toBe(0);
        expect(list.stdout).toMatch(/^ {2}alice {2}AKIA…F001$/m);
      }
    } finally {
      keyring.store(service, 'identity:alice', SECRET);
    }
  });

  it('refuses a forged session index by name, and `forget` removes it with the chunks it names', async () => {
    const forged = ['session:dev', ...[0, 1, 1999].map((n) => `chunk:0badf00d:${n}:session:dev`)];
    try {
      keyring.store(service, 'session:dev', 'latchkey-chunks/1 0badf00d 2000');
      for (const chunk of forged.slice(1)) keyring.store(service, chunk, 'forged');
      const result = await runBounded(['credential-process', 'dev']);
      expect(result.stderr).toBe(
        'latchkey credential-process: the keychain entry for the cached session of "dev" is damaged (its index names 2000 parts, and Latchkey writes at most 16): drop it with `latchkey forget dev`\n',
      );
      expect(result.ms).toBeLessThan(BOUND_MS);
      const forget = await run(['forget', 'dev']);
      expect(forget).toMatchObject({ code: 0, stdout: 'forgot the cached session of "dev"\n' });
      expect(keyring.accounts(service)).toEqual(['identity:alice', 'mfa-seed:phone']);
    } finally {
      for (const account of forged) keyring.remove(service, account);
    }
  });

  it('says "no keychain, try again" for a daemon killed in the middle of a call, and the secret is there after a restart', async () => {
    // Frozen, the daemon holds the call; killed, it leaves it unanswered, as a crash does.
    const watch = await keyring.watchFor('OpenSession');
    keyring.freeze();
    const during = run(['totp', 'phone']);
    await watch.called;
    await keyring.kill();
    const result = await during;
    expect(result.stderr).toBe(`latchkey totp: ${NO_KEYCHAIN('reading the TOTP seed of MFA device "phone"')}\n`);
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(BOUND_MS);

    // And with no daemon at all: never "not in the keychain".
    const gone = await run(['credential-process', 'dev']);
    expect(gone.stderr).toBe(`latchkey credential-process: ${NO_KEYCHAIN('reading the cached session of "dev"')}\n`);
    expect(gone.stderr).not.toMatch(INTERNALS);

    await keyring.start();
    const after = await run(['totp', 'phone']);
    expect(after.code).toBe(0);
    expect(after.stdout.trim()).toMatch(/^\d{6}$/);
    expect([totpCode(SEED, Date.now() - 30_000).code, totpCode(SEED, Date.now()).code]).toContain(after.stdout.trim());
  });

  it('keeps an agent working across a daemon restart: its connections to the dead daemon are replaced', async () => {
    const agent = await world.startAgent();
    try {
      // Past the keychain (the session and the key read through the agent's connections), STS refuses.
      const before = await run(['credential-process', 'dev']);
      expect(before.code).toBe(1);
      expect(before.stderr).toMatch(/STS/);
      await keyring.kill();
      await keyring.start();
      const after = await run(['credential-process', 'dev']);
      expect(after.stderr).toBe(before.stderr);
    } finally {
      const stopped = new Promise((resolve) => agent.once('exit', resolve));
      agent.kill('SIGTERM');
      await stopped;
    }
  });

  it('lists from the settings with a locked keyring, saying what is unknown and why', async () => {
    keyring.lock();
    try {
      const result = await run(['list']);
      expect(result.code).toBe(0);
      expect(result.ms).toBeLessThan(BOUND_MS);
      expect(result.stdout).toMatch(/^ {2}alice {2}AKIA…F001 +secret stored: unknown \(keychain locked\)$/m);
      // A device's seed is what the settings record (hasSeed), which needs no keychain.
      expect(result.stdout).toMatch(/^ {2}phone .* {2}seed$/m);
      expect(result.stderr).toMatch(/^latchkey list: which secrets are stored is unknown: the keychain is locked while listing the identities: unlock your login keyring and try again\n$/);
      const json = JSON.parse((await run(['list', '--json'])).stdout);
      expect(json.identities[0]).toMatchObject({ name: 'alice', secretStored: null });
      expect(json.mfaDevices[0]).toMatchObject({ name: 'phone', hasSeed: true });
    } finally {
      // A restart unlocks it again.
      await keyring.kill();
      await keyring.start();
    }
    expect(JSON.parse((await run(['list', '--json'])).stdout).identities[0]).toMatchObject({ secretStored: true });
  });

  it('a removal the locked keyring stops leaves the entry in the settings, so running it again finishes the job', async () => {
    await world.setUp([[['identity', 'add', 'carol', '--access-key-id', 'AKIAFAKEKEYCHAINC001'], SECRET]]);
    keyring.lock();
    try {
      const result = await run(['remove', 'identity', 'carol', '--delete-key']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^latchkey remove: the keychain is locked while deleting the secret access key of identity "carol": unlock your login keyring and try again\n$/);
      // The secret stays, and so does the entry that names it: nothing is stranded.
      expect(JSON.parse((await run(['list', '--json'])).stdout).identities.map((i: { name: string }) => i.name)).toContain('carol');
    } finally {
      await keyring.kill();
      await keyring.start();
    }
    expect(keyring.accounts(service)).toContain('identity:carol');
    const again = await run(['remove', 'identity', 'carol', '--delete-key']);
    expect(again).toMatchObject({ code: 0, stdout: 'removed identity "carol"\n' });
    expect(keyring.accounts(service)).not.toContain('identity:carol');
    expect(JSON.parse((await run(['list', '--json'])).stdout).identities.map((i: { name: string }) => i.name)).not.toContain('carol');
  });

  it('ends list and a read within a bound with the daemon stopped', async () => {
    keyring.freeze();
    const list = await runBounded(['list']);
    expect(list.code).toBe(0);
    expect(list.ms).toBeLessThan(STOPPED_BOUND_MS);
    expect(list.stdout).toMatch(/secret stored: unknown \(keychain not answering\)$/m);
    const read = await runBounded(['totp', 'phone']);
    expect(read.code).toBe(1);
    expect(read.ms).toBeLessThan(STOPPED_BOUND_MS);
    expect(read.stderr).toMatch(/^latchkey totp: the keychain did not answer in time while reading the TOTP seed of MFA device "phone": /);
  });

  it('refuses to start an agent where no Secret Service answers, saying what to do instead', async () => {
    // No bus at all, and a bus without a Secret Service on it.
    await keyring.kill();
    for (const address of ['unix:path=/nonexistent/latchkey-bus', keyring.address]) {
      const result = await runBounded(['agent'], { DBUS_SESSION_BUS_ADDRESS: address });
      expect(result.code).toBe(1);
      expect(result.ms).toBeLessThan(BOUND_MS);
      expect(result.stderr).toMatch(/^latchkey agent: no keychain \(Secret Service\) answers on this session, so the agent could neither read a key nor keep a session, and did not start\. /);
      expect(result.stderr).toContain('gnome-keyring-daemon --unlock');
      expect(result.stderr).toContain('LATCHKEY_BROKER');
      expect(result.stderr).not.toContain('serving');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
