/**
 * What the STS fault suites share: the built CLI in a world of its own (real keychain) whose STS is the
 * counting proxy with no moto behind it, so every request is answered by the fault the test chose;
 * alice (a made-up key, never verified) and a role `dev` she assumes without MFA; and a snapshot of
 * everything Latchkey could write (files under HOME but the runtime folder, every keychain entry) to
 * show a failed command left it all as it was.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import type { SecretKind } from '../../../electron/core/keychain/keychain';
import { systemKeychain } from '../../../electron/core/keychain/system-keychain';
import { cliWorld, type CliResult, type CliWorld } from '../../helpers/latchkey-cli';
import { startStsProxy, type StsProxy } from '../../helpers/sts-proxy';

export const ALICE = { accessKeyId: 'AKIAFAKESTSALICE0001', secretAccessKey: `alice/fake/secret/${'k'.repeat(22)}` };
export const DEV_ARN = 'arn:aws:iam::123456789012:role/dev';
/** What must never reach a file, a message or a log: the long-term secret, and what the fake STS hands out. */
const SECRETS = [ALICE.secretAccessKey, 'fakeStsSecret', 'FakeStsSessionToken'];

export interface FakeStsWorld {
  proxy: StsProxy;
  world: CliWorld;
  /** Files (path → content) and keychain entries (kind → names and secrets). */
  snapshot(): Promise<unknown>;
  /** Runs a command and measures how long it took. */
  timed(args: string[], input?: string): Promise<CliResult & { ms: number }>;
  /** The files under HOME (the runtime folder too) that hold the long-term secret or a session's secret or token. */
  filesWithSecrets(): string[];
  stop(): Promise<void>;
}

export async function fakeStsWorld(): Promise<FakeStsWorld> {
  // Nothing listens at the target: a request the test did not fault fails loudly.
  const proxy = await startStsProxy('http://127.0.0.1:9');
  const world = cliWorld(proxy.url);
  await world.setUp([
    [['identity', 'add', 'alice', '--access-key-id', ALICE.accessKeyId], ALICE.secretAccessKey],
    [['role', 'add', 'dev', '--role-arn', DEV_ARN, '--source', 'alice']],
  ]);
  const keychain = systemKeychain({ service: world.env.LATCHKEY_KEYCHAIN_SERVICE });
  const runtime = world.env.XDG_RUNTIME_DIR ?? '';

  const files = (folder: string, into: Record<string, string> = {}, skip = runtime): Record<string, string> => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (path === skip) continue;
      const info = statSync(path, { throwIfNoEntry: false });
      if (!info?.isFile() && !info?.isDirectory()) continue; // a socket or a pipe holds no bytes to scan
      if (info.isDirectory()) files(path, into, skip);
      else into[relative(world.home, path)] = readFileSync(path, 'utf8');
    }
    return into;
  };
  const kinds: SecretKind[] = ['identity', 'mfa-seed', 'session'];
  return {
    proxy,
    world,
    snapshot: async () => ({
      files: files(world.home),
      keychain: Object.fromEntries(
        await Promise.all(
          kinds.map(async (kind) => {
            const names = await keychain.list(kind);
            return [kind, await Promise.all(names.map(async (name) => [name, await keychain.get(kind, name)]))] as const;
          }),
        ),
      ),
    }),
    async timed(args, input) {
      const started = Date.now();
      const result = await world.run(args, { input });
      return { ...result, ms: Date.now() - started };
    },
    filesWithSecrets: () =>
      Object.entries(files(world.home, {}, ''))
        .filter(([, text]) => SECRETS.some((secret) => text.includes(secret)))
        .map(([path]) => path),
    stop: () => proxy.stop(),
  };
}

/** A refused command: exit 1, nothing on stdout, one line of Latchkey's words on stderr, no SDK internals. */
export function expectRefused(result: CliResult, command: string, message: string | RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n')).toHaveLength(2);
  const line = result.stderr.trimEnd();
  if (typeof message === 'string') expect(line).toBe(`latchkey ${command}: ${message}`);
  else expect(line).toMatch(message);
  expect(line).not.toMatch(/\$response|Deserialization|TypeError|\s+at \S+ \(|ASIAFAKESTS/);
  for (const secret of SECRETS) expect(line).not.toContain(secret);
}

