import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyring } from '../../../helpers/components';
import { describeWith } from '../../../helpers/needs';
import type { Outcome } from './keychain-failure-child';
import { tempFolders } from '../../../helpers/temp-folders';

/** NapiSecretStore's own timeout for one keychain call (the child uses the default). */
const CALL_TIMEOUT_MS = 5_000;
/** Room for a busy machine: a late timer, a slow D-Bus. */
const ALLOWANCE_MS = 5_000;

const withKeyring = fileURLToPath(new URL('../../../with-keyring.sh', import.meta.url));
const keyringModule = createRequire(import.meta.url).resolve('@napi-rs/keyring');
const temp = tempFolders();
let folder: string;
let child: string;

beforeAll(async () => {
  folder = temp('keychain-child');
  child = join(folder, 'child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./keychain-failure-child.ts', import.meta.url))],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
    // The native module stays outside the bundle, loaded from this checkout by absolute path.
    plugins: [{ name: 'keyring-external', setup: (b) => b.onResolve({ filter: /^@napi-rs\/keyring$/ }, () => ({ path: keyringModule, external: true })) }],
  });
});

/** The environment without the parent's session (and any display, where an unlock prompt would wait for a person). */
function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dropped = new Set(['LATCHKEY_TEST_KEYRING', 'DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY']);
  return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !dropped.has(name))), ...extra };
}

async function runChild(command: string[], env: NodeJS.ProcessEnv): Promise<Record<string, Outcome>> {
  const [file = '', ...args] = command;
  const { stdout } = await promisify(execFile)(file, args, { env, timeout: 30_000, encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, Outcome>;
}

describe('systemKeychain without a session bus', () => {
  it("fails at once with 'keychain-unavailable', saying how to provide one", async () => {
    const outcomes = await runChild([process.execPath, child, 'no-bus'], isolatedEnv({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/latchkey-bus' }));
    for (const outcome of Object.values(outcomes)) {
      expect(outcome.code).toBe('keychain-unavailable');
      expect(outcome.message).toMatch(/start a Secret Service such as gnome-keyring.*DBUS_SESSION_BUS_ADDRESS/);
      // At once: the missing bus is the answer, not a call's timeout (which would say keychain-timeout).
      expect(outcome.ms).toBeLessThan(CALL_TIMEOUT_MS);
    }
  });
});

describeWith([keyring], 'systemKeychain on a keyring of its own that fails', () => {
  it("answers every call on a locked keyring with 'keychain-locked', without waiting for a timeout", async () => {
    const outcomes = await runChild([withKeyring, process.execPath, child, 'locked'], isolatedEnv());
    expect(Object.keys(outcomes)).toEqual(['get', 'set', 'delete', 'list']);
    for (const outcome of Object.values(outcomes)) {
      expect(outcome.code).toBe('keychain-locked');
      expect(outcome.message).toContain('unlock your login keyring');
      expect(outcome.message).not.toContain('secret-');
      // The keyring's refusal is the answer, not a call's timeout (which would say keychain-timeout).
      expect(outcome.ms).toBeLessThan(CALL_TIMEOUT_MS);
    }
  });

  it("answers calls to a frozen Secret Service with 'keychain-timeout' within its timeout", async () => {
    const outcomes = await runChild([withKeyring, process.execPath, child, 'hung'], isolatedEnv());
    for (const outcome of Object.values(outcomes)) {
      expect(outcome.code).toBe('keychain-timeout');
      expect(outcome.ms).toBeLessThan(CALL_TIMEOUT_MS + ALLOWANCE_MS);
    }
  });
});
