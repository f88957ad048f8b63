/**
 * Parallel cold `credential-process` runs — as Terraform starts them — cost one STS call per session,
 * whether each CLI works standalone (a lock file per session key) or the agent serves them (single
 * flight in memory). Calls are counted by a proxy in front of moto.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { startStsProxy, type StsProxy } from '../../helpers/sts-proxy';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PARALLEL = 16;

describeWith([keyring, motoComponent], 'parallel cold credential-process runs', () => {
  let moto: MotoWorld;
  let proxy: StsProxy;
  let world: CliWorld;
  let agent: ChildProcess | undefined;

  beforeAll(async () => {
    // Request authentication stays off: moto's GetSessionToken hands out fixed keys that fail once it is on.
    moto = await startMotoWorld({ roles: ['dev', 'ops'] });
    proxy = await startStsProxy(moto.url);
    world = await aliceWorld(moto, { roles: ['dev', 'ops'], mfa: { seed: SEED }, stsUrl: proxy.url });
  }, 60_000);
  afterAll(async () => {
    agent?.kill('SIGTERM');
    await proxy?.stop();
    await moto?.stop();
  });

  async function parallelRuns(name: string): Promise<string[]> {
    const results = await Promise.all(Array.from({ length: PARALLEL }, () => world.run(['credential-process', name])));
    for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' });
    return results.map((result) => result.stdout);
  }

  it('standalone: one GetSessionToken and one AssumeRole for all of them, the same JSON for each', async () => {
    const outputs = await parallelRuns('dev');
    expect(new Set(outputs).size).toBe(1);
    expect(JSON.parse(outputs[0] ?? '')).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(proxy.count('GetSessionToken')).toBe(1);
    expect(proxy.count('AssumeRole')).toBe(1);
  });

  it('through the agent: one AssumeRole for a new role, and the MFA session is reused', async () => {
    agent = await world.startAgent();
    const outputs = await parallelRuns('ops');
    expect(new Set(outputs).size).toBe(1);
    expect(proxy.count('GetSessionToken')).toBe(1);
    expect(proxy.count('AssumeRole')).toBe(2);
    // Warm: served from the agent's memory, no STS call.
    await parallelRuns('ops');
    expect(proxy.count('AssumeRole')).toBe(2);
  });
});
