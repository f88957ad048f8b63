/**
 * `latchkey agent` as a process: it serves on a private socket, stops cleanly on SIGINT and SIGTERM
 * removing its socket, does not fight a live agent, and replaces the socket a killed one left behind.
 * MFA codes: asked on the controlling terminal even when stdin is a pipe, and a clear error without one.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { brokerAddress } from '../../../electron/core/broker/broker-address';
import { totpCode } from '../../../electron/core/totp/totp-code';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, CLI, collect, type CliWorld } from '../../helpers/latchkey-cli';
import { roleArn } from '../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describeWith([keyring, motoComponent], 'the agent process and MFA at the terminal', () => {
  let moto: MotoWorld;
  let world: CliWorld;
  const socket = () => brokerAddress(world.env);

  beforeAll(async () => {
    moto = await startMotoWorld();
    world = await aliceWorld(moto, { mfa: {} });
  }, 60_000);
  afterAll(async () => moto?.stop());

  it('without a terminal, a session that needs MFA fails with a message naming the device', async () => {
    // setsid: no controlling terminal, as under a service or an IDE.
    const child = spawn('setsid', [process.execPath, CLI, 'credential-process', 'dev'], { env: world.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const { code, stdout, stderr } = await collect(child);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^latchkey credential-process: MFA device "phone" needs a code and there is no terminal to ask on: .*latchkey agent/);
  });

  it('asks for the code on the terminal while stdin is not the terminal (as under credential_process)', async () => {
    const code = totpCode(SEED, Date.now()).code;
    // script gives the command a terminal; its stdin is /dev/null, as a credential_process's is a pipe.
    const command = `"${process.execPath}" "${CLI}" credential-process dev < /dev/null`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: world.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      let out = '';
      let typed = false;
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // Typed once the question is on the screen, as a person would.
        if (!typed && out.includes('requested by credential_process dev: ')) {
          typed = true;
          child.stdin?.write(`${code}\r`);
        }
      });
      child.once('close', (exit) => resolve({ code: exit, out }));
    });
    expect(result.code).toBe(0);
    expect(result.out).toContain('MFA code for alice (arn:aws:iam::123456789012:mfa/alice), requested by credential_process dev:');
    expect(result.out).not.toContain(code); // no echo
    expect(result.out).toMatch(/\{"Version":1,"AccessKeyId":"ASIA\w+"/);
  });

  it('serves on a 0600 socket in a 0700 folder and stops cleanly on SIGTERM and SIGINT, removing the socket', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const agent = await world.startAgent();
      expect(statSync(socket()).mode & 0o777).toBe(0o600);
      expect(statSync(join(socket(), '..')).mode & 0o777).toBe(0o700);
      const status = await world.run(['status', '--json']);
      expect(JSON.parse(status.stdout).heldBy).toBe('broker');
      const exited = new Promise<number | null>((resolve) => agent.once('exit', resolve));
      agent.kill(signal);
      expect(await exited).toBe(0);
      expect(existsSync(socket())).toBe(false);
    }
  });

  it('a broker that answers with an error is reported, not bypassed', async () => {
    // An agent whose STS endpoint is dead: standalone would succeed, but the CLI must report the agent's answer.
    expect((await world.run(['role', 'add', 'plain', '--role-arn', roleArn('dev'), '--source', 'alice'])).code).toBe(0);
    const agent = spawn(process.execPath, [CLI, 'agent'], { env: { ...world.env, AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' }, stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise((resolve) => agent.stderr?.on('data', (chunk: Buffer) => chunk.toString().includes('serving') && resolve(undefined)));
    try {
      const result = await world.run(['env', 'plain']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^latchkey env: role "plain": STS did not answer AssumeRole/);
      expect((await world.run(['env', 'plain'], { env: { XDG_RUNTIME_DIR: join(world.home, 'no-agent-here') } })).code).toBe(0);
    } finally {
      const exited = new Promise((resolve) => agent.once('exit', resolve));
      agent.kill('SIGTERM');
      await exited;
    }
  });

  it('a second agent refuses to take over a live one; a killed agent’s socket does not block the next', async () => {
    const first = await world.startAgent();
    const second = await world.run(['agent']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already serving/);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(existsSync(socket())).toBe(true);
    const next = await world.startAgent();
    const exited = new Promise((resolve) => next.once('exit', resolve));
    next.kill('SIGTERM');
    await exited;
  });
});
