/**
 * Issue 11, items 2, 14 and 16: what the CLI and the agent believe of the broker's socket.
 * - Another local user who creates the shared-temp runtime folder first (XDG_RUNTIME_DIR unset) and
 *   listens there gets no request and hands out no keys: the client checks the folder and the socket
 *   before it connects, warns, and works standalone. Needs root, for a second user made with useradd.
 * - Text a client puts in its request (`requester`) reaches the agent's terminal without control
 *   characters: no retitled window, erased line or fake prompt.
 * - A session too large for the broker to relay (a 2 MB token) still works: the broker says so, and the
 *   CLI gets it standalone with a one-line notice.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { brokerAddress } from '../../../electron/core/broker/broker-address';
import { keyring } from '../../helpers/components';
import { CLI } from '../../helpers/latchkey-cli';
import { describeWith } from '../../helpers/needs';
import { credentialsXml, type StsProxyAnswer } from '../../helpers/sts-proxy';
import { fakeStsWorld, type FakeStsWorld } from './fake-sts-world';
import { until } from '../../helpers/until';
import { rootForUseradd } from './fault-setup';
import { tempFolders } from '../../helpers/temp-folders';

const ATTACKER = 'latchkey-attacker';
const ATTACKER_KEY = 'ASIAATTACKERCHOSEN01';
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const goodAnswer = (): StsProxyAnswer => ({ status: 200, body: credentialsXml('AssumeRole', inAnHour()) });


/** The fake broker another user runs: it records each connection and answers with keys of its choosing. */
const ATTACKER_SCRIPT = `
const { createServer } = require('node:net');
const { chmodSync, mkdirSync } = require('node:fs');
const [folder, socketPath, expiration] = process.argv.slice(2);
mkdirSync(folder, { recursive: true });
try { chmodSync(folder, 0o777); } catch {}
const reply = JSON.stringify({ ok: true, credentials: { accessKeyId: '${ATTACKER_KEY}', secretAccessKey: 'attacker-secret', sessionToken: 'attacker-token', expiration } });
createServer((socket) => {
  console.log('connection');
  socket.on('error', () => {});
  socket.on('data', () => socket.end(reply + '\\n'));
}).listen(socketPath, () => { chmodSync(socketPath, 0o777); console.log('listening'); });
`;

describeWith([keyring, rootForUseradd], 'a broker socket that another local user set up', () => {
  let sts: FakeStsWorld;
  const temp = tempFolders();
  let shared: string;
  let folder: string;
  let socketPath: string;
  let attackerUid: number;
  let attacker: { child: ChildProcess; output: () => string } | undefined;

  beforeAll(async () => {
    const added = spawnSync('useradd', ['-M', '-s', '/usr/sbin/nologin', ATTACKER], { encoding: 'utf8' });
    // 9: the user is left from a run that was killed before its cleanup.
    if (added.status !== 0 && added.status !== 9) throw new Error(`useradd failed: ${added.stderr}`);
    attackerUid = Number(execFileSync('id', ['-u', ATTACKER], { encoding: 'utf8' }).trim());
    sts = await fakeStsWorld();
    sts.proxy.misbehave(goodAnswer());
    // A temp folder like /tmp: anyone may create names in it, no one may remove another's.
    shared = temp('shared-tmp');
    chmodSync(shared, 0o1777);
    writeFileSync(join(shared, 'attacker.cjs'), ATTACKER_SCRIPT, { mode: 0o644 });
    // Where the CLI looks with XDG_RUNTIME_DIR unset: TMPDIR/latchkey-UID, and this setup's socket name.
    folder = join(shared, `latchkey-${process.getuid?.()}`);
    socketPath = join(folder, basename(brokerAddress(sts.world.env)));
  }, 60_000);

  afterEach(async () => stopAttacker());
  afterAll(async () => {
    await sts?.stop();
    spawnSync('userdel', [ATTACKER]);
  });

  async function startAttacker(): Promise<void> {
    // Its own process group, so runuser and its node stop together.
    const child = spawn('runuser', ['-u', ATTACKER, '--', process.execPath, join(shared, 'attacker.cjs'), folder, socketPath, inAnHour()], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    attacker = { child, output: () => output };
    await until(() => output.includes('listening'), 'the attacker to listen');
  }

  async function stopAttacker(): Promise<void> {
    if (!attacker) return;
    const { child } = attacker;
    attacker = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    await exited;
  }

  /** Runs the CLI as this user with XDG_RUNTIME_DIR unset, so its runtime folder is in the shared temp folder. */
  const run = (args: string[]) => sts.world.run(args, { env: { XDG_RUNTIME_DIR: undefined, TMPDIR: shared } });

  it('a folder the other user made first (0777, theirs): every command warns, never connects, and never uses their keys', async () => {
    await startAttacker();
    expect(lstatSync(folder).uid).toBe(attackerUid);
    const warning = `latchkey: ignoring the broker at ${socketPath}: ${folder} belongs to another user (uid ${attackerUid}, you are 0); remove it, or set XDG_RUNTIME_DIR to a folder of your own`;

    const served = await run(['credential-process', 'dev']);
    expect(served.stdout).not.toContain(ATTACKER_KEY);
    // Standalone refuses the folder too (it keeps its locks there), so the command fails, saying why.
    expect(served.code).toBe(1);
    expect(served.stderr.split('\n')).toEqual([warning, expect.stringMatching(/^latchkey credential-process: .* belongs to another user/), '']);

    for (const args of [['status'], ['forget', '--all'], ['env', 'dev']]) {
      const result = await run(args);
      expect(result.stdout).not.toContain(ATTACKER_KEY);
      expect(result.stderr.split('\n')[0]).toBe(warning);
    }
    expect(attacker?.output()).not.toContain('connection');
  });

  it('a folder of ours left open (0777) with their socket in it: warns and works standalone, then refuses their socket', async () => {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    await startAttacker();
    expect(lstatSync(socketPath).uid).toBe(attackerUid);

    const first = await run(['credential-process', 'dev']);
    expect(first.stderr).toBe(`latchkey: ignoring the broker at ${socketPath}: ${folder} is open to other users (mode 777); run chmod 700 on it\n`);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).AccessKeyId).toBe('ASIAFAKESTSEXAMPLE01');

    // Standalone closed the folder (0700, ours), but the socket inside is still theirs.
    expect(lstatSync(folder).mode & 0o777).toBe(0o700);
    const second = await run(['credential-process', 'dev']);
    expect(second.stderr).toBe(`latchkey: ignoring the broker at ${socketPath}: it belongs to another user (uid ${attackerUid}, you are 0); remove it\n`);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).AccessKeyId).toBe('ASIAFAKESTSEXAMPLE01');
    expect(attacker?.output()).not.toContain('connection');
  });
});

describeWith([keyring], 'text from a request on the agent’s terminal, and sessions too large to relay', () => {
  let sts: FakeStsWorld;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    sts = await fakeStsWorld();
    await sts.world.setUp([
      [['mfa', 'add', 'phone', '--serial', 'arn:aws:iam::123456789012:mfa/alice', '--identity', 'alice']],
      [['role', 'add', 'prod', '--role-arn', 'arn:aws:iam::123456789012:role/prod', '--source', 'alice', '--mfa', 'phone']],
    ]);
  }, 60_000);
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
  });
  afterAll(async () => sts?.stop());

  it('a requester full of escape sequences reaches the MFA prompt as plain text', async () => {
    // script gives the agent a terminal of its own (a pty): what it shows there is script's stdout.
    const agent = spawn('script', ['-qec', `"${process.execPath}" "${CLI}" agent`, '/dev/null'], { env: sts.world.env, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(agent);
    let screen = '';
    agent.stdout?.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
    const closed = new Promise((resolve) => agent.once('close', resolve));
    await until(() => screen.includes('serving sessions'), 'the agent to serve');

    // A raw client, as any program of this user could be: retitle the window, erase the line, fake a prompt.
    const requester = '\u001b]0;owned\u0007\u001b[2K\rMFA code for root@prod (arn:aws:iam::999999999999:mfa/root)\u202e: ';
    const client = createConnection(brokerAddress(sts.world.env));
    let reply = '';
    client.setEncoding('utf8');
    client.on('data', (chunk: string) => (reply += chunk));
    client.write(`${JSON.stringify({ type: 'credentials', protocol: 1, name: 'prod', requester })}\n`);

    await until(() => screen.includes('requested by'), 'the MFA prompt');
    const shown = screen;
    const prompt = shown.slice(shown.indexOf('MFA code for alice'));
    expect(prompt).toContain('requested by \ufffd]0;owned\ufffd\ufffd[2K\ufffdMFA code for root@prod (arn:aws:iam::999999999999:mfa/root)\ufffd: ');
    // Nothing a terminal would act on: no ESC, BEL or bidi override, and no carriage return but a line's end.
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(shown).not.toMatch(/[\u001b\u0007\u202e]|\r(?!\n)/);

    agent.stdin?.write('\u001b'); // Esc: no code
    await until(() => reply.includes('"ok"') && reply.endsWith('\n'), 'the broker’s reply');
    // First the progress line (the code is asked at the agent's terminal), then the reply.
    const [progress, answer] = reply.trim().split('\n');
    expect(JSON.parse(progress ?? '')).toEqual({ progress: 'mfa', where: 'agent' });
    expect(JSON.parse(answer ?? '')).toMatchObject({ ok: false, error: { code: 'mfa-cancelled' } });
    client.destroy();
    agent.stdin?.write('\u0003'); // Ctrl-C stops the agent
    await closed;
    expect(screen).toContain('latchkey agent: stopped (SIGINT)');
  });

  it('a 2 MB session token: the broker says it cannot relay it, and the CLI gets it standalone with a notice', async () => {
    const token = `FakeStsHugeToken${'T'.repeat(2 * 1024 * 1024)}`;
    const body = credentialsXml('AssumeRole', inAnHour()).replace(/<SessionToken>[^<]*<\/SessionToken>/, `<SessionToken>${token}</SessionToken>`);
    sts.proxy.misbehave({ status: 200, body });
    const agent = await sts.world.startAgent();
    children.push(agent);

    const result = await sts.world.run(['credential-process', 'dev']);
    expect(result.stderr).toBe('latchkey: the Latchkey broker cannot relay this answer: it is 2049 KB, more than its limit of 64 KB; working without it\n');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).SessionToken).toBe(token);
    // The agent is unharmed and still serves.
    expect(JSON.parse((await sts.world.run(['status', '--json'])).stdout).heldBy).toBe('broker');
  });
});
