/**
 * Runs the built `latchkey` CLI as a new user would, in a world of its own: a fresh HOME with its own
 * ~/.aws files, settings folder, runtime folder (so its broker socket is private) and keychain service,
 * with STS pointed at the given endpoint (moto, or a counting proxy in front of it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { mfaSerial, roleArn, type AccessKey } from './moto-iam';
import type { MotoWorld } from './moto-world';
import { makeTempFolder } from './temp-folders';

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
  const home = makeTempFolder('cli');
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

export interface AliceSetup {
  /** Her identity's region. */
  region?: string;
  /** Her roles, each added with alice as its source (default: dev). */
  roles?: readonly string[];
  /**
   * Her MFA device "phone", which the roles then use: without a seed its codes are asked for (a person
   * at a terminal or the app's popup); with one, auto-MFA makes them.
   */
  mfa?: { seed?: string };
}

/** The CLI commands that set alice up: her key in the keychain (from stdin), her MFA device, her roles. */
export function aliceSteps(alice: AccessKey, setup: AliceSetup = {}): SetupStep[] {
  const mfa = setup.mfa;
  const region = setup.region === undefined ? [] : ['--region', setup.region];
  const steps: SetupStep[] = [[['identity', 'add', 'alice', '--access-key-id', alice.accessKeyId, ...region], alice.secretAccessKey]];
  if (mfa) {
    const args = ['mfa', 'add', 'phone', '--serial', mfaSerial('alice'), '--identity', 'alice'];
    steps.push(mfa.seed === undefined ? [args] : [[...args, '--seed-stdin', '--auto'], mfa.seed]);
  }
  for (const role of setup.roles ?? ['dev'])
    steps.push([['role', 'add', role, '--role-arn', roleArn(role), '--source', 'alice', ...(mfa ? ['--mfa', 'phone'] : [])]]);
  return steps;
}

/**
 * A new user's world, set up through the CLI against the moto world (whose IAM has alice and her
 * roles): alice's key and role dev unless `setup` says more. STS is moto itself unless `stsUrl` points
 * elsewhere (a counting proxy in front of it).
 */
export async function aliceWorld(moto: Pick<MotoWorld, 'url' | 'alice'>, setup: AliceSetup & { stsUrl?: string } = {}): Promise<CliWorld> {
  const world = cliWorld(setup.stsUrl ?? moto.url);
  await world.setUp(aliceSteps(moto.alice, setup));
  return world;
}
