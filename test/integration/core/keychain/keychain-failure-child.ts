/**
 * Run by keychain-failures.test.ts in a child process with a D-Bus session of its own, so that locking
 * or freezing its keyring never disturbs the suites sharing the parent's. Takes a scenario, makes the
 * keychain fail that way, and prints one JSON line: for each call, the error code and the time it took.
 */
import { execFileSync } from 'node:child_process';
import { systemKeychain } from '../../../../electron/core/keychain/system-keychain';
import { LatchkeyError } from '../../../../electron/shared/errors';

export interface Outcome {
  code: string;
  message: string;
  ms: number;
}

const keychain = systemKeychain({ service: 'latchkey-failure-test' });

async function attempt(work: () => Promise<unknown>): Promise<Outcome> {
  const start = performance.now();
  const outcome = await work().then(
    () => ({ code: 'ok', message: '' }),
    (error: unknown) => ({ code: error instanceof LatchkeyError ? error.code : 'not a LatchkeyError', message: String(error) }),
  );
  return { ...outcome, ms: Math.round(performance.now() - start) };
}

function gdbus(destination: string, objectPath: string, method: string, ...args: string[]): string {
  return execFileSync('gdbus', ['call', '--session', '--dest', destination, '--object-path', objectPath, '--method', method, ...args], { encoding: 'utf8' });
}

async function noBus(): Promise<Record<string, Outcome>> {
  return { get: await attempt(() => keychain.get('identity', 'alice')), list: await attempt(() => keychain.list('identity')) };
}

async function locked(): Promise<Record<string, Outcome>> {
  await keychain.set('identity', 'alice', 'secret-before-lock');
  gdbus('org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', "['/org/freedesktop/secrets/collection/login']");
  return {
    get: await attempt(() => keychain.get('identity', 'alice')),
    set: await attempt(() => keychain.set('identity', 'alice', 'secret-after-lock')),
    delete: await attempt(() => keychain.delete('identity', 'alice')),
    list: await attempt(() => keychain.list('identity')),
  };
}

async function hung(): Promise<Record<string, Outcome>> {
  await keychain.set('identity', 'alice', 'secret-before-freeze');
  const reply = gdbus('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.GetConnectionUnixProcessID', 'org.freedesktop.secrets');
  const daemon = Number(/uint32 (\d+)/.exec(reply)?.[1]);
  process.kill(daemon, 'SIGSTOP');
  try {
    const [get, list] = await Promise.all([attempt(() => keychain.get('identity', 'alice')), attempt(() => keychain.list('identity'))]);
    return { get, list };
  } finally {
    // A stopped daemon would outlive its session.
    process.kill(daemon, 'SIGCONT');
  }
}

const scenarios: Record<string, () => Promise<Record<string, Outcome>>> = { 'no-bus': noBus, locked, hung };
const run = scenarios[process.argv[2] ?? ''];
if (!run) throw new Error(`unknown scenario ${process.argv[2]}`);
console.log(JSON.stringify(await run()));
// A call the library never finishes keeps the process alive after our timeout gave up on it.
process.exit(0);
