/**
 * A new user's path through the CLI against moto (request authentication on) with the real keychain,
 * proven by the real clients: AWS CLI v1 and v2, and the JS SDK's fromProcess and fromIni.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromProcess } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { AWS_CLI_V2_PATH, awsCliV1, awsCliV2, keyring, moto as motoComponent } from '../../helpers/components';
import { aliceSteps, CLI as CLI_PATH, cliWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { ACCOUNT, roleArn } from '../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';

const run = promisify(execFile);
const ASSUMED = `arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice`;
const OTHER_PROFILES = '# my own profiles\r\n[other]\r\naws_access_key_id = AKIAOTHEROTHEROTHER1\r\n; keep me\r\nregion = eu-west-1\r\n';

describeWith([keyring, motoComponent, awsCliV1, awsCliV2], 'a new user sets up Latchkey from the command line', () => {
  let moto: MotoWorld;
  /** This test's own new user, who has profiles of her own in ~/.aws/credentials already. */
  let world: CliWorld;

  /** Asks STS who the given AWS CLI runs as. */
  async function callerVia(cli: string, args: string[], env: NodeJS.ProcessEnv = world.env): Promise<string> {
    const { stdout } = await run(cli, ['sts', 'get-caller-identity', '--endpoint-url', moto.url, '--output', 'json', ...args], { env });
    return JSON.parse(stdout).Arn;
  }

  /** alice's key (region us-east-1) and role dev, set up as the first test does: each test can run alone. */
  const setUpAlice = () => world.setUp(aliceSteps(moto.alice, { region: 'us-east-1' }));

  beforeAll(async () => {
    moto = await startMotoWorld({ auth: true });
  }, 60_000);
  afterAll(async () => moto?.stop());
  beforeEach(() => {
    world = cliWorld(moto.url);
    writeFileSync(world.credentialsFile, OTHER_PROFILES);
  });

  it('adds an identity (secret on stdin) and a role', async () => {
    const { alice } = moto;
    const identity = await world.run(['identity', 'add', 'alice', '--access-key-id', alice.accessKeyId, '--region', 'us-east-1', '--verify'], {
      input: `${alice.secretAccessKey}\n`,
    });
    expect(identity.stderr).toBe('');
    expect(identity.stdout).toBe(`verified: arn:aws:iam::${ACCOUNT}:user/alice\nadded identity "alice" (${alice.accessKeyId.slice(0, 4)}…${alice.accessKeyId.slice(-4)})\n`);
    const role = await world.run(['role', 'add', 'dev', '--role-arn', roleArn('dev'), '--source', 'alice']);
    expect(role).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse((await world.run(['list', '--json'])).stdout)).toMatchObject({ identities: [{ name: 'alice', secretStored: true }], roles: [{ name: 'dev', source: 'alice' }] });
  });

  it('credential-process prints exactly one JSON object with more than 15 minutes left', async () => {
    await setUpAlice();
    const { code, stdout, stderr } = await world.run(['credential-process', 'dev']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(stdout.split('\n')).toHaveLength(2);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['Version', 'AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']);
    expect(json.Version).toBe(1);
    expect(json.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(Date.parse(json.Expiration) - Date.now()).toBeGreaterThan(15 * 60_000);
  });

  it('configure-process works for AWS CLI v1 and v2', async () => {
    await setUpAlice();
    const configured = await world.run(['configure-process', 'dev']);
    expect(configured.code).toBe(0);
    expect(readFileSync(world.configFile, 'utf8')).toMatch(/^\[profile dev\]\ncredential_process = \S+ \S+latchkey\.cjs credential-process dev\nregion = us-east-1\n$/);
    expect(await callerVia('aws', ['--profile', 'dev'])).toBe(ASSUMED);
    expect(await callerVia(AWS_CLI_V2_PATH, ['--profile', 'dev'])).toBe(ASSUMED);
  });

  it('the JS SDK gets the same identity through fromProcess and fromIni', async () => {
    await setUpAlice();
    await world.setUp([[['configure-process', 'dev']]]);
    // The SDK runs credential_process with this process's environment: give it the world's.
    const saved = { ...process.env };
    Object.assign(process.env, world.env);
    try {
      const files = { profile: 'dev', filepath: world.credentialsFile, configFilepath: world.configFile };
      for (const credentials of [fromProcess(files), fromIni(files)]) {
        const sts = new STSClient({ region: 'us-east-1', endpoint: moto.url, credentials });
        expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(ASSUMED);
      }
    } finally {
      process.env = saved;
    }
  });

  it('publish and use write profiles both CLIs read, leaving other profiles byte for byte', async () => {
    await setUpAlice();
    expect((await world.run(['publish', 'dev', '--as', 'dev-keys'])).code).toBe(0);
    expect((await world.run(['use', 'dev'])).code).toBe(0);
    const text = readFileSync(world.credentialsFile, 'utf8');
    expect(text.startsWith(OTHER_PROFILES)).toBe(true);
    expect(text).toMatch(/\r\n\[dev-keys\]\r\naws_access_key_id = ASIA\w+\r\naws_secret_access_key = \S+\r\naws_session_token = \S+\r\nx_security_token_expires = \S+Z\r\n/);
    for (const cli of ['aws', AWS_CLI_V2_PATH]) {
      expect(await callerVia(cli, ['--profile', 'dev-keys'])).toBe(ASSUMED);
      expect(await callerVia(cli, [])).toBe(ASSUMED); // the active target profile, "default"
    }
    // ignoreCache: the SDK keeps files it read earlier in this process, before the profile was published.
    const published = fromIni({ profile: 'dev-keys', filepath: world.credentialsFile, configFilepath: world.configFile, ignoreCache: true });
    const sts = new STSClient({ region: 'us-east-1', endpoint: moto.url, credentials: published });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(ASSUMED);
  });

  it('exec runs a command with the session, and env lines work when evaluated by sh', async () => {
    await setUpAlice();
    const exec = await world.run(['exec', 'dev', '--', 'aws', 'sts', 'get-caller-identity', '--endpoint-url', moto.url, '--output', 'json']);
    expect(exec.code).toBe(0);
    expect(JSON.parse(exec.stdout).Arn).toBe(ASSUMED);

    const script = `eval "$("${process.execPath}" "$CLI" env dev)" && aws sts get-caller-identity --endpoint-url ${moto.url} --output json`;
    const { stdout } = await run('sh', ['-c', script], { env: { ...world.env, CLI: CLI_PATH, AWS_PROFILE: 'nonexistent' } });
    expect(JSON.parse(stdout).Arn).toBe(ASSUMED);
  });
});
