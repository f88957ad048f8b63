/**
 * The broker forwarded over SSH, for real: OpenSSH's sshd on a loopback port stands in for a remote box,
 * and `ssh -R ~/.latchkey.sock:<the laptop's broker socket>` carries the laptop's `latchkey agent` there.
 * On that side — another HOME, no keychain (no D-Bus session), LATCHKEY_BROKER set to the forwarded
 * socket — `latchkey credential-process` and the AWS CLI v1 through `credential_process` get the
 * laptop's session, and leave no secret in the remote home. With nothing at the far end, the remote CLI
 * fails saying so, and never works standalone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { brokerAddress } from '../../../electron/core/broker/broker-address';
import { awsCliV1, keyring, moto as motoComponent, openssh } from '../../helpers/components';
import { aliceWorld, CLI, type CliWorld } from '../../helpers/latchkey-cli';
import { ACCOUNT } from '../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { startSshd, type Sshd } from '../../helpers/sshd';
import { tempFolders } from '../../helpers/temp-folders';
import { until } from '../../helpers/until';

const ASSUMED = `arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice`;
/** An ssh connection takes 1–4 s on this loaded machine, the AWS CLI as much again. */
const SSH_TEST_MS = 90_000;
const NO_BROKER_ADVICE = 'start the Latchkey app or `latchkey agent` on the machine it leads to, and check the forwarding (ssh -R)';

interface ProcessCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
}

describeWith([keyring, motoComponent, awsCliV1, openssh], 'the broker forwarded over SSH', () => {
  const temp = tempFolders();
  let moto: MotoWorld;
  /** The laptop: alice's key in its keychain, role dev (no MFA), and `latchkey agent` serving. */
  let laptop: CliWorld;
  let agent: ChildProcess;
  let agentSaid = '';
  let sshd: Sshd;
  /** The remote box's home (0700, as a home folder is), where ssh -R puts the laptop's broker. */
  let remoteHome: string;
  let remoteSocket: string;
  /** What the remote credential-process got; the test then looks for it where it must not be. */
  let session: ProcessCredentials | undefined;

  /** The remote side's whole environment: its own HOME, no D-Bus session, LATCHKEY_BROKER. */
  const remoteEnv = (broker: string): Record<string, string> => ({
    HOME: remoteHome,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    // Anything the CLIs put in a runtime or temp folder lands in the remote home too, and is searched.
    XDG_RUNTIME_DIR: join(remoteHome, 'run'),
    TMPDIR: join(remoteHome, 'tmp'),
    LATCHKEY_BROKER: broker,
    AWS_ENDPOINT_URL_STS: moto.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const credentialProcess = [process.execPath, CLI, 'credential-process', 'dev'];
  const forwardAgent = () => ({ remote: remoteSocket, local: brokerAddress(laptop.env) });

  beforeAll(async () => {
    // Request authentication on: the session's keys must be ones moto issued, and signed for.
    moto = await startMotoWorld({ auth: true });
    laptop = await aliceWorld(moto);
    agent = await laptop.startAgent();
    agent.stderr?.on('data', (chunk: Buffer) => (agentSaid += chunk.toString()));
    sshd = await startSshd();
    remoteHome = temp('remote-home');
    for (const folder of ['run', 'tmp']) mkdirSync(join(remoteHome, folder), { mode: 0o700 });
    remoteSocket = join(remoteHome, '.latchkey.sock');
  }, 90_000);
  afterAll(async () => {
    if (agent && agent.exitCode === null) {
      const exited = new Promise((resolve) => agent.once('exit', resolve));
      agent.kill('SIGTERM');
      await exited;
    }
    await sshd?.stop();
    await moto?.stop();
  });

  it('credential-process on the remote box gets the laptop agent’s session through ssh -R', async () => {
    const result = await sshd.run(credentialProcess, { env: remoteEnv(remoteSocket), forward: forwardAgent() });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    session = JSON.parse(result.stdout) as ProcessCredentials;
    expect(session.AccessKeyId).toMatch(/^ASIA/);
    await until(() => agentSaid.includes('latchkey agent: new session dev to credential_process dev'), 'the agent to log the request it served');
    // The laptop's own CLI gets the same session from its agent: the remote box got the laptop's.
    const local = await laptop.run(credentialProcess.slice(2));
    expect(JSON.parse(local.stdout)).toMatchObject({ AccessKeyId: session.AccessKeyId });
  }, SSH_TEST_MS);

  it('the AWS CLI there, through credential_process, runs as the assumed role (a new ssh -R replacing the stale socket)', async () => {
    mkdirSync(join(remoteHome, '.aws'), { mode: 0o700 });
    writeFileSync(join(remoteHome, '.aws', 'config'), `[profile dev]\ncredential_process = ${credentialProcess.join(' ')}\nregion = us-east-1\n`);
    // The first connection's socket is still there: sshd replaces it (StreamLocalBindUnlink), or ssh would
    // exit (ExitOnForwardFailure) before running the command.
    // (Private to the user: sshd made it with StreamLocalBindMask 0177.)
    expect(lstatSync(remoteSocket).isSocket()).toBe(true);
    expect(lstatSync(remoteSocket).mode & 0o777).toBe(0o600);
    const result = await sshd.run(['aws', 'sts', 'get-caller-identity', '--profile', 'dev', '--output', 'json'], {
      env: remoteEnv(remoteSocket),
      forward: forwardAgent(),
    });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout).Arn).toBe(ASSUMED);
  }, SSH_TEST_MS);

  it('an agent on a socket of one’s choosing (`latchkey agent --socket`, a path that does not change) serves the same way', async () => {
    const chosen = join(laptop.home, '.latchkey-agent.sock');
    const second = spawn(process.execPath, [CLI, 'agent', '--socket', chosen], { env: laptop.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    second.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const exited = new Promise((resolve) => second.once('exit', resolve));
    try {
      await until(() => said.includes(`serving sessions on ${chosen}`), `the agent to serve on ${chosen} (it said: ${said})`);
      const result = await sshd.run(credentialProcess, { env: remoteEnv(remoteSocket), forward: { remote: remoteSocket, local: chosen } });
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(result.stdout).AccessKeyId).toMatch(/^ASIA/);
      await until(() => said.includes(' dev to credential_process dev'), 'that agent to log the request it served');
    } finally {
      second.kill('SIGTERM');
      await exited;
    }
  }, SSH_TEST_MS);

  it('leaves no secret in the remote home: not the session’s, not the long-term key', () => {
    expect(session, 'the first test got a session').toBeDefined();
    const secrets = { 'secret access key': session!.SecretAccessKey, 'session token': session!.SessionToken, 'long-term secret key': moto.alice.secretAccessKey, 'long-term key id': moto.alice.accessKeyId };
    const files = (readdirSync(remoteHome, { recursive: true }) as string[]).map((path) => join(remoteHome, path)).filter((path) => lstatSync(path).isFile());
    expect(files).toContain(join(remoteHome, '.aws', 'config'));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [what, secret] of Object.entries(secrets)) expect(text.includes(secret), `${what} in ${file}`).toBe(false);
    }
  });

  it('with nothing at the far end the remote CLI fails saying so, and does not work standalone', async () => {
    // No socket at all; then the one the last connection left behind, which no one serves any more.
    const nowhere = join(remoteHome, 'nobody.sock');
    const noSocket = await sshd.run(credentialProcess, { env: remoteEnv(nowhere) });
    expect(noSocket).toEqual({ code: 1, stdout: '', stderr: `latchkey credential-process: LATCHKEY_BROKER=${nowhere}: no Latchkey broker is there; ${NO_BROKER_ADVICE}\n` });
    expect(lstatSync(remoteSocket).isSocket()).toBe(true);
    const stale = await sshd.run(credentialProcess, { env: remoteEnv(remoteSocket) });
    expect(stale).toEqual({ code: 1, stdout: '', stderr: `latchkey credential-process: LATCHKEY_BROKER=${remoteSocket}: nothing answers there; ${NO_BROKER_ADVICE}\n` });
    // Forwarded to a laptop where no broker runs: the forward accepts, then the far end closes.
    const deadEnd = await sshd.run(credentialProcess, { env: remoteEnv(remoteSocket), forward: { remote: remoteSocket, local: join(temp('laptop'), 'none.sock') } });
    expect({ code: deadEnd.code, stdout: deadEnd.stdout }).toEqual({ code: 1, stdout: '' });
    // ssh adds its own line about the failed connection; Latchkey's says what to do.
    expect(deadEnd.stderr).toContain(`latchkey credential-process: LATCHKEY_BROKER=${remoteSocket}: nothing answers there; ${NO_BROKER_ADVICE}\n`);
    // Where standalone would work (the laptop, with its keychain and alice's key), LATCHKEY_BROKER still rules.
    const named = await laptop.run(['credential-process', 'dev'], { env: { LATCHKEY_BROKER: nowhere } });
    expect(named).toEqual({ code: 1, stdout: '', stderr: `latchkey credential-process: LATCHKEY_BROKER=${nowhere}: no Latchkey broker is there; ${NO_BROKER_ADVICE}\n` });
  }, SSH_TEST_MS);
});
