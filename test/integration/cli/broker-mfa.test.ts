/**
 * One broker for all callers: with `latchkey agent` running at a terminal, `use` and `credential-process`
 * run elsewhere get their session through it. The MFA code is asked at the agent's terminal, the caller
 * says so while it waits, and the agent prints one line per request — never a secret.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { totpCode } from '../../../electron/core/totp/totp-code';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, CLI, type CliWorld } from '../../helpers/latchkey-cli';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { until } from '../../helpers/until';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The agent under `script`, so it has a terminal to ask on; what it writes there, as a person sees it. */
function agentAtTerminal(world: CliWorld): { agent: ChildProcess; screen: () => string } {
  const command = `"${process.execPath}" "${CLI}" agent`;
  const agent = spawn('script', ['-qec', command, '/dev/null'], { env: world.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  agent.stdout?.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  return { agent, screen: () => screen };
}

describeWith([keyring, motoComponent], 'one broker for all callers', () => {
  let moto: MotoWorld;
  let world: CliWorld;

  beforeAll(async () => {
    moto = await startMotoWorld();
    world = await aliceWorld(moto, { mfa: {} });
  }, 60_000);
  afterAll(async () => moto?.stop());

  it('`use` asks the running agent, which asks for the code at its own terminal; the caller says where', async () => {
    const { agent, screen } = agentAtTerminal(world);
    try {
      await until(() => screen().includes('serving sessions'), 'the agent to serve');
      const use = spawn(process.execPath, [CLI, 'use', 'dev'], { env: world.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let stdout = '';
      use.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      use.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => use.once('close', resolve));

      await until(() => screen().includes('requested by use dev: '), 'the agent to ask for the code');
      await until(() => stderr.includes('waiting for the MFA code at the terminal running `latchkey agent`…'), 'the caller to say where');
      const code = totpCode(SEED, Date.now()).code;
      agent.stdin?.write(`${code}\r`);

      expect(await exited).toBe(0);
      expect(stdout).toMatch(/^"dev" is active in profile "default" until /);
      expect(readFileSync(world.env.AWS_SHARED_CREDENTIALS_FILE as string, 'utf8')).toMatch(/\[default\]\naws_access_key_id = ASIA/);
      await until(() => /latchkey agent: new session dev to use dev, until \S+Z/.test(screen()), "the agent's line for the request");

      // A second caller is served from the agent's memory: no prompt, one more line.
      const served = spawn(process.execPath, [CLI, 'credential-process', 'dev'], { env: world.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let json = '';
      served.stdout?.on('data', (chunk: Buffer) => (json += chunk.toString()));
      expect(await new Promise((resolve) => served.once('close', resolve))).toBe(0);
      expect(JSON.parse(json).AccessKeyId).toMatch(/^ASIA/);
      await until(() => screen().includes('latchkey agent: served dev to credential_process dev'), 'the second line');
      expect(screen()).not.toContain(code);
      expect(screen()).not.toContain(JSON.parse(json).SecretAccessKey);
    } finally {
      agent.kill('SIGTERM');
    }
  });
});
