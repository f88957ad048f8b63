/**
 * `latchkey exec --server` and `latchkey serve`: the command gets a local credential endpoint instead of
 * keys, the AWS CLIs and boto3 get the assumed role from it, the grant ends with the command, and a
 * default profile whose credentials would win is named.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AWS_CLI_V2_PATH, awsCliV1, awsCliV2, boto3, keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, CLI, type CliWorld } from '../../helpers/latchkey-cli';
import { ACCOUNT } from '../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { until } from '../../helpers/until';

const ASSUMED = `arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice`;
const KEY_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

/** The endpoint's answer to the grant's own request, or the connection error once it is gone. */
function askEndpoint(uri: string, token: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(uri, { headers: { Authorization: token } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

describeWith([keyring, motoComponent, awsCliV1, awsCliV2, boto3], 'exec --server and serve', () => {
  let moto: MotoWorld;
  let world: CliWorld;

  beforeAll(async () => {
    moto = await startMotoWorld();
    world = await aliceWorld(moto);
  }, 60_000);
  afterAll(async () => moto?.stop());

  it('gives the command an endpoint and no keys; the AWS CLI v1 and v2 get the role from it', async () => {
    const env = { ...world.env, AWS_ACCESS_KEY_ID: 'AKIAPARENTKEY0000000', AWS_PROFILE: 'elsewhere' };
    const seen = await world.run(['exec', '--server', 'dev', '--', 'sh', '-c', 'env'], { env });
    expect(seen.code).toBe(0);
    const childEnv = Object.fromEntries(seen.stdout.split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    expect(childEnv.AWS_CONTAINER_CREDENTIALS_FULL_URI).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/credentials\//);
    expect(childEnv.AWS_CONTAINER_AUTHORIZATION_TOKEN).toMatch(/^[\w-]{43}$/);
    for (const key of [...KEY_VARIABLES, 'AWS_PROFILE']) expect(childEnv[key]).toBeUndefined();

    // The grant ended with the command: nothing listens there any more.
    expect(await askEndpoint(childEnv.AWS_CONTAINER_CREDENTIALS_FULL_URI as string, childEnv.AWS_CONTAINER_AUTHORIZATION_TOKEN as string)).toBe('ECONNREFUSED');

    for (const aws of ['aws', AWS_CLI_V2_PATH]) {
      const caller = await world.run(['exec', '--server', 'dev', '--', aws, 'sts', 'get-caller-identity', '--endpoint-url', moto.url, '--query', 'Arn', '--output', 'text']);
      expect(caller).toMatchObject({ code: 0, stderr: '' });
      expect(caller.stdout.trim()).toBe(ASSUMED);
    }
  }, 90_000);

  it('serve prints the two variables, boto3 gets the role from them, and it stops on SIGTERM', async () => {
    const serve = spawn(process.execPath, [CLI, 'serve', 'dev'], { env: world.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    serve.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    serve.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await until(() => stderr.includes('Ctrl-C to stop'), 'serve to serve', 30_000);
      const uri = /^export AWS_CONTAINER_CREDENTIALS_FULL_URI='(http:\/\/127\.0\.0\.1:\d+\/credentials\/[\w-]+)'$/m.exec(stdout)?.[1];
      const token = /^export AWS_CONTAINER_AUTHORIZATION_TOKEN='([\w-]+)'$/m.exec(stdout)?.[1];
      expect(uri && token).toBeTruthy();
      expect(stdout).toMatch(/^unset AWS_ACCESS_KEY_ID$/m);
      const script = `import boto3; print(boto3.client('sts', endpoint_url='${world.env.AWS_ENDPOINT_URL_STS}', region_name='us-east-1').get_caller_identity()['Arn'])`;
      const { HOME, PATH } = world.env;
      const { stdout: arn } = await promisify(execFile)('python3', ['-c', script], {
        env: { HOME, PATH, AWS_CONTAINER_CREDENTIALS_FULL_URI: uri, AWS_CONTAINER_AUTHORIZATION_TOKEN: token },
      });
      expect(arn.trim()).toBe(ASSUMED);
      const exited = new Promise<number | null>((resolve) => serve.once('close', resolve));
      serve.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toMatch(/latchkey serve: stopped \(SIGTERM\)/);
    } finally {
      serve.kill('SIGKILL');
    }
  }, 60_000);

  it('names a default profile whose credentials AWS tools would use before the endpoint', async () => {
    writeFileSync(world.env.AWS_SHARED_CREDENTIALS_FILE as string, '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
    try {
      const result = await world.run(['exec', '--server', 'dev', '--', 'true']);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^latchkey: the default profile in your AWS files has credentials of its own, which AWS tools use before the endpoint/);
    } finally {
      writeFileSync(world.env.AWS_SHARED_CREDENTIALS_FILE as string, '');
    }
  });

  it('registers its endpoint with a running agent while the command runs, so status lists it', async () => {
    const agent = await world.startAgent();
    const folder = world.env.HOME as string;
    try {
      const running = world.run(['exec', '--server', 'dev', '--', 'sh', '-c', `touch "${folder}/started"; while [ ! -e "${folder}/stop" ]; do sleep 0.1; done`]);
      await until(() => existsSync(join(folder, 'started')), 'the command to start', 30_000);
      expect((await world.run(['status'])).stdout).toMatch(/^credential endpoints:\n {2}dev for exec dev, since \S+Z$/m);
      writeFileSync(join(folder, 'stop'), '');
      expect(await running).toMatchObject({ code: 0 });
      expect((await world.run(['status'])).stdout).toMatch(/^credential endpoints:\n {2}\(none\)$/m);
    } finally {
      agent.kill('SIGTERM');
    }
  }, 60_000);

  it('refuses a port that is not one, before serving', async () => {
    const result = await world.run(['serve', 'dev', '--port', 'http']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/--port must be a port number from 1 to 65535, not "http"/);
  });
});
