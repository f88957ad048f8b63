/**
 * A Secret Service of a test's own, to kill, stop, lock and restart without disturbing the suites that
 * share the run's keyring: a private session bus that starts no service on demand (as
 * test/with-keyring.sh's, so a stopped daemon stays stopped), and a gnome-keyring-daemon on it whose
 * keyring file outlives the daemon, so a restart finds the same secrets.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Component } from '../../helpers/needs';
import { until } from '../../helpers/until';

const TOOLS = ['dbus-daemon', 'dbus-send', 'dbus-monitor', 'gnome-keyring-daemon', 'secret-tool'];
const PASSWORD = 'latchkey-fault-test';
const DEADLINE_MS = 10_000;

export const privateKeyringTools: Component = {
  name: 'D-Bus and gnome-keyring tools, for a keyring of the test’s own',
  get problem() {
    // Looked up on PATH directly: a probe that spawns a shell can fail on a busy machine, and skip for nothing.
    const folders = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
    const missing = TOOLS.filter((tool) => !folders.some((folder) => existsSync(join(folder, tool))));
    return missing.length === 0 ? '' : `not found: ${missing.join(', ')}`;
  },
  install: 'apt-get install dbus dbus-x11 gnome-keyring libsecret-tools',
};

/** The run's own bus configuration (test/with-keyring.sh): a bus that starts no service on demand. */
const BUS_CONFIG = fileURLToPath(new URL('../../session-bus.conf', import.meta.url));

export interface PrivateKeyring {
  /** DBUS_SESSION_BUS_ADDRESS of the private bus. */
  address: string;
  /** Starts the daemon (again), unlocked, and resolves once it owns its bus name. */
  start(): Promise<void>;
  /** SIGKILL, as a crash; resolves once the daemon is gone. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: a daemon that is there but never answers. */
  freeze(): void;
  thaw(): void;
  /** Back to a running, answering daemon, whatever a test left (a keyring locked in it stays locked). */
  recover(): Promise<void>;
  lock(): void;
  /** Writes an item as another program would: `secret-tool store` with Latchkey's attributes. */
  store(service: string, account: string, secret: string): void;
  /** Removes an item if there is one. */
  remove(service: string, account: string): void;
  /** The accounts of every item under a service. */
  accounts(service: string): string[];
  /**
   * Resolves once `dbus-monitor` watches the bus, with `called`: a promise kept when a method call named
   * `member` goes to the Secret Service.
   */
  watchFor(member: string): Promise<{ called: Promise<void> }>;
  close(): Promise<void>;
}

export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  const folder = mkdtempSync(join(tmpdir(), 'latchkey-private-keyring-'));
  const bus = spawn('dbus-daemon', ['--config-file', BUS_CONFIG, '--nofork', '--print-address'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await firstLine(bus);
  const daemonEnv = { PATH: process.env.PATH, HOME: folder, DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: join(folder, 'data'), XDG_RUNTIME_DIR: join(folder, 'run') };
  const toolEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address };
  const tool = (command: string, args: string[], input?: string) => execFileSync(command, args, { env: toolEnv, input, encoding: 'utf8', timeout: DEADLINE_MS });
  let daemon: ChildProcess | undefined;
  const owned = () => tool('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets']).includes('boolean true');

  const keyring: PrivateKeyring = {
    address,
    async start() {
      mkdirSync(daemonEnv.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });
      daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env: daemonEnv, stdio: ['pipe', 'ignore', 'ignore'] });
      daemon.stdin?.end(PASSWORD);
      await until(owned, 'the keyring daemon to own org.freedesktop.secrets', DEADLINE_MS);
    },
    async kill() {
      const running = daemon;
      daemon = undefined;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const gone = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await gone;
      await until(() => !owned(), 'the bus to drop the dead daemon’s name', DEADLINE_MS);
    },
    freeze: () => daemon?.kill('SIGSTOP'),
    thaw: () => daemon?.kill('SIGCONT'),
    async recover() {
      keyring.thaw();
      if (!daemon || daemon.exitCode !== null || daemon.signalCode !== null) await keyring.start();
    },
    lock() {
      tool('dbus-send', [
        '--session', '--print-reply', '--dest=org.freedesktop.secrets', '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.Lock', 'array:objpath:/org/freedesktop/secrets/collection/login',
      ]);
    },
    store(service, account, secret) {
      tool('secret-tool', ['store', '--label', 'x', 'service', service, 'username', account], secret);
    },
    remove(service, account) {
      // It fails when nothing matched, which is fine here.
      spawnSync('secret-tool', ['clear', 'service', service, 'username', account], { env: toolEnv, timeout: DEADLINE_MS });
    },
    accounts(service) {
      const found = spawnSync('secret-tool', ['search', '--all', 'service', service], { env: toolEnv, encoding: 'utf8', timeout: DEADLINE_MS });
      return [...`${found.stdout}${found.stderr}`.matchAll(/^attribute\.username = (.*)$/gm)].map((match) => match[1] as string).sort();
    },
    async watchFor(member) {
      const monitor = spawn('dbus-monitor', ['--address', address, "type='method_call',destination='org.freedesktop.secrets'"], { stdio: ['ignore', 'pipe', 'ignore'] });
      let seen = '';
      let watching!: () => void;
      const ready = new Promise<void>((resolve) => (watching = resolve));
      const called = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${member} call within ${DEADLINE_MS} ms`)), DEADLINE_MS);
        monitor.stdout?.on('data', (chunk: Buffer) => {
          // Its first words (its own NameAcquired) say it is watching.
          watching();
          seen += chunk.toString();
          if (seen.includes(`member=${member}`)) {
            clearTimeout(timer);
            resolve();
          }
        });
      }).finally(() => monitor.kill());
      await ready;
      return { called };
    },
    async close() {
      daemon?.kill('SIGCONT');
      await keyring.kill();
      bus.kill();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return keyring;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code}) before giving its address`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] as string);
    });
  });
}
