/**
 * Runs the built `latchkey` CLI as a new user would, in a world of its own: a fresh HOME with its own
 * ~/.aws files, settings folder, runtime folder (so its broker socket is private) and keychain service,
 * with STS pointed at the given endpoint (moto, or a counting proxy in front of it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ACCOUNT, createRole, createUser, iamClient } from './moto-iam';

export const CLI = resolve('dist/cli/latchkey.cjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A command's arguments and what to give it on stdin (a secret, a seed). */
export type SetupStep = [args: string[], input?: string];

export interface CliWorld {
  home: string;
  env: NodeJS.ProcessEnv;
  credentialsFile: string;
  configFile: string;
  run(args: string[], options?: { input?: string; env?: NodeJS.ProcessEnv }): Promise<CliResult>;
  /** Runs setup commands in turn, each with its stdin; any that fails fails the test with its stderr. */
  setUp(steps: SetupStep[]): Promise<void>;
  /** Starts `latchkey agent` and resolves once it serves. */
  startAgent(): Promise<ChildProcess>;
}

export function collect(child: ChildProcess, input?: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin?.end(input ?? '');
  return new Promise((resolveResult, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolveResult({ code, stdout, stderr }));
  });
}

export function cliWorld(stsEndpoint: string): CliWorld {
  const home = mkdtempSync(join(tmpdir(), 'latchkey-cli-'));
  const runtime = join(home, 'run');
  mkdirSync(runtime, { mode: 0o700 });
  mkdirSync(join(home, '.aws'), { mode: 0o700 });
  const credentialsFile = join(home, '.aws', 'credentials');
  const configFile = join(home, '.aws', 'config');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
    HOME: home,
    LATCHKEY_HOME: join(home, 'latchkey'),
    LATCHKEY_KEYCHAIN_SERVICE: `latchkey-test-${randomUUID()}`,
    XDG_RUNTIME_DIR: runtime,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_CONFIG_FILE: configFile,
    AWS_ENDPOINT_URL_STS: stsEndpoint,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const launch = (args: string[], extra?: NodeJS.ProcessEnv) =>
    spawn(process.execPath, [CLI, ...args], { env: { ...env, ...extra }, stdio: ['pipe', 'pipe', 'pipe'] });
  return {
    home,
    env,
    credentialsFile,
    configFile,
    run: (args, options = {}) => collect(launch(args, options.env), options.input),
    async setUp(steps) {
      for (const [args, input] of steps) {
        const result = await collect(launch(args), input);
        if (result.code !== 0) throw new Error(`latchkey ${args.join(' ')} failed: ${result.stderr}`);
      }
    },
    startAgent: () =>
      new Promise((resolveAgent, reject) => {
        const agent = launch(['agent']);
        let stderr = '';
        agent.stderr?.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('serving sessions')) resolveAgent(agent);
        });
        agent.once('exit', (code) => reject(new Error(`agent exited (${code}): ${stderr}`)));
      }),
  };
}

/**
 * The plainest world a new user sets up: alice's key in the keychain and a role `dev` she assumes,
 * without MFA, against moto at `motoUrl` (created there too).
 */
export async function aliceAndDev(motoUrl: string): Promise<CliWorld> {
  const iam = iamClient(motoUrl);
  const alice = await createUser(iam, 'alice');
  await createRole(iam, 'dev', ['alice']);
  const world = cliWorld(motoUrl);
  await world.setUp([
    [['identity', 'add', 'alice', '--access-key-id', alice.accessKeyId], alice.secretAccessKey],
    [['role', 'add', 'dev', '--role-arn', `arn:aws:iam::${ACCOUNT}:role/dev`, '--source', 'alice']],
  ]);
  return world;
}
