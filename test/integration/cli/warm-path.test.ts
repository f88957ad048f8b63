/**
 * What the cached path of `credential-process`, `env` and `exec` loads, proven on the built CLI (the
 * speed itself is measured by `npm run bench`): no AWS SDK code and at most one keychain read
 * standalone, and through the broker nothing but latchkey.cjs — no keychain, no settings, no engine.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { tempFolders } from '../../helpers/temp-folders';

const TRACER = resolve('test/helpers/load-tracer.cjs');

interface Trace {
  /** Latchkey's own files, by name (latchkey.cjs, standalone.cjs…). */
  latchkeyFiles: string[];
  packages: string[];
  builtins: string[];
  keychainReads: number;
}

describeWith([keyring, motoComponent], 'what the warm path loads', () => {
  let moto: MotoWorld;
  let world: CliWorld;
  let agent: ChildProcess | undefined;
  const temp = tempFolders();
  let traces: string;
  let runs = 0;

  /** Runs the CLI with the tracer preloaded; the command must succeed. */
  async function traced(args: string[]): Promise<Trace> {
    const file = join(traces, `${runs++}.json`);
    const result = await world.run(args, { env: { NODE_OPTIONS: `--require ${TRACER}`, LOAD_TRACE_FILE: file } });
    expect(result.code, result.stderr).toBe(0);
    const { files, builtins, keychainReads } = JSON.parse(readFileSync(file, 'utf8')) as { files: string[]; builtins: string[]; keychainReads: number };
    const packages = [...new Set(files.flatMap((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1] ?? []))];
    return { latchkeyFiles: files.filter((f) => f.includes('/dist/cli/')).map((f) => basename(f)), packages, builtins, keychainReads };
  }

  beforeAll(async () => {
    traces = temp('trace');
    moto = await startMotoWorld();
    world = await aliceWorld(moto);
  }, 60_000);
  afterAll(async () => {
    agent?.kill('SIGTERM');
    await moto?.stop();
  });

  it('a cold run loads the AWS SDK to call STS', async () => {
    const cold = await traced(['credential-process', 'dev']);
    expect(cold.latchkeyFiles).toContain('sts.cjs');
    expect(cold.packages).toContain('@napi-rs/keyring');
  });

  it('a warm standalone run loads no AWS SDK code and reads the keychain once', async () => {
    for (const args of [['credential-process', 'dev'], ['env', 'dev'], ['exec', 'dev', '--', 'true']]) {
      const warm = await traced(args);
      expect(warm.latchkeyFiles.sort()).toEqual(['latchkey.cjs', 'standalone.cjs']);
      expect(warm.packages.filter((name) => name.startsWith('@aws-sdk/') || name.startsWith('@smithy/'))).toEqual([]);
      expect(warm.keychainReads).toBe(1);
    }
  });

  it('through the broker, a run loads latchkey.cjs alone and never the keychain', async () => {
    agent = await world.startAgent();
    for (const args of [['credential-process', 'dev'], ['env', 'dev'], ['exec', 'dev', '--', 'true']]) {
      const warm = await traced(args);
      expect(warm.latchkeyFiles).toEqual(['latchkey.cjs']);
      expect(warm.packages).toEqual([]);
      expect(warm.builtins).toContain('net');
      expect(warm.keychainReads).toBe(0);
    }
  });
});
