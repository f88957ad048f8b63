/**
 * Issue 11, items 6 and 15: `latchkey agent` after real work. Its first STS call takes a file lock, which
 * loads signal-exit (through proper-lockfile); that library re-raises a signal when it believes it is the
 * last listener, so a `process.once` handler used to lose the race and the agent died by the signal with
 * its socket left behind. Each signal gets an agent of its own that has made one STS call (moto). The
 * agent also turns off its core dumps, so a crash cannot write the sessions it holds to disk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { brokerAddress } from '../../../electron/core/broker/broker-address';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, CLI, type CliWorld } from '../../helpers/latchkey-cli';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';

interface Agent {
  child: ChildProcess;
  /** Everything the agent wrote on stderr so far. */
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `latchkey agent` through `sh -c PREFIX; exec …` and resolves once it serves. */
function startAgent(world: CliWorld, shellPrefix = ':', env: NodeJS.ProcessEnv = {}): Promise<Agent> {
  const child = spawn('/bin/sh', ['-c', `${shellPrefix}; exec "$0" "$1" agent`, process.execPath, CLI], {
    env: { ...world.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('serving sessions')) resolve({ child, stderr: () => stderr, exited });
    });
    void exited.then(({ code, signal }) => reject(new Error(`the agent exited (${code ?? signal}) before serving: ${stderr}`)));
  });
}

describeWith([keyring, motoComponent], 'the agent under signals and crashes', () => {
  let moto: MotoWorld;
  let world: CliWorld;
  const socket = () => brokerAddress(world.env);
  const running: Agent[] = [];

  beforeAll(async () => {
    moto = await startMotoWorld();
    world = await aliceWorld(moto);
  }, 60_000);
  // An agent a failed test left behind would hold the socket the next one needs.
  afterEach(async () => {
    for (const agent of running.splice(0)) {
      agent.child.kill('SIGKILL');
      await agent.exited;
    }
  });
  afterAll(async () => moto?.stop());

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('after an STS call, %s stops the agent cleanly: exit 0, socket removed, "stopped"', async (signal) => {
    // No cached session anywhere, so the agent itself calls STS (and takes its lock).
    expect((await world.run(['forget', '--all'])).code).toBe(0);
    const agent = await startAgent(world);
    running.push(agent);
    const served = await world.run(['credential-process', 'dev']);
    expect(served.code, served.stderr).toBe(0);
    expect(JSON.parse(served.stdout).AccessKeyId).toMatch(/^ASIA/);
    expect(existsSync(socket())).toBe(true);

    agent.child.kill(signal);
    expect(await agent.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(socket())).toBe(false);
    expect(agent.stderr()).toContain(`latchkey agent: stopped (${signal})`);
  });

  it('turns off its core dumps, even when started with `ulimit -c unlimited`', async () => {
    const agent = await startAgent(world, 'ulimit -c unlimited');
    running.push(agent);
    const limits = readFileSync(`/proc/${agent.child.pid}/limits`, 'utf8');
    expect(limits).toMatch(/^Max core file size\s+0\s+0\s+bytes\s*$/m);
    expect(agent.stderr()).not.toContain('core dumps');
    agent.child.kill('SIGTERM');
    expect((await agent.exited).code).toBe(0);
  });

  it('says so, and how to fix it, when it cannot turn them off (no prlimit on PATH)', async () => {
    const agent = await startAgent(world, 'ulimit -c unlimited', { PATH: '/nonexistent' });
    running.push(agent);
    expect(agent.stderr()).toMatch(/^latchkey agent: core dumps are on .*ulimit -c 0/m);
    agent.child.kill('SIGTERM');
    expect((await agent.exited).code).toBe(0);
  });
});
