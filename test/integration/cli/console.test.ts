/**
 * `latchkey console` against moto (request authentication on) and a stub federation endpoint on
 * 127.0.0.1: the sign-in token request carries the session JSON (SessionDuration only for a role
 * assumed with the key), the URL goes to stdout only with --print; otherwise the system's opener (a fake
 * `xdg-open` on PATH that fetches what it is given, as a browser would) gets only a loopback redirect,
 * whose 302 leads to the sign-in URL, and the command waits for that fetch, saying so; per-role browser
 * profiles run Chromium (a fake on PATH too) with a profile folder each, and Firefox containers (which
 * win) run Firefox with one ext+container: URL naming the role and the redirect; an identity signs in through
 * GetFederationToken and is told it carries no MFA — and the URL shows up in no argv, no stderr, nor in
 * a running agent's log.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { startFederationStub, type FederationStub } from '../../helpers/federation-stub';
import { SELF_SERVICE } from '../../helpers/iam-self-service';
import { cliWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { startMoto, type Moto } from '../../helpers/moto';
import { createRole, createUser, iamClient, roleArn } from '../../helpers/moto-iam';
import { describeWith } from '../../helpers/needs';
import { until } from '../../helpers/until';

interface Launched {
  program: string;
  args: string[];
  status?: number;
  location?: string | null;
  error?: string;
}

describeWith([keyring, motoComponent], 'opening the AWS console', () => {
  let moto: Moto;
  let stub: FederationStub;
  let world: CliWorld;
  let bin: string;
  /** What the fake opener and the fake Chromium were run with, and where fetching their URL led: one JSON line each. */
  let launches: string;

  const launched = (): Launched[] => (existsSync(launches) ? readFileSync(launches, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Launched) : []);
  /**
   * A program on the world's PATH that, like a browser, fetches the URL it is given (its last argument,
   * or for Firefox with the container add-on, the `url` of its ext+container: URL), without following
   * the redirect, and writes its arguments and the answer to `launches`.
   */
  const fakeProgram = (name: string) => {
    const script = `#!${process.execPath}
const args = process.argv.slice(2);
const target = args.at(-1).startsWith('ext+container:') ? new URLSearchParams(args.at(-1).slice('ext+container:'.length)).get('url') : args.at(-1);
fetch(target, { redirect: 'manual' })
  .then((r) => ({ status: r.status, location: r.headers.get('location') }), (e) => ({ error: String(e) }))
  .then(async (answer) => (await import('node:fs')).appendFileSync(${JSON.stringify(launches)}, JSON.stringify({ program: ${JSON.stringify(name)}, args, ...answer }) + '\\n'));
`;
    writeFileSync(join(bin, name), script);
    chmodSync(join(bin, name), 0o755);
  };
  const WAITING = 'latchkey: waiting for the browser to open the AWS console (at most 60 s)…\n';
  const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+\/[\w-]{43}$/;
  const noSecretIn = (text: string) => {
    for (const token of stub.tokens) expect(text).not.toContain(token);
    expect(text).not.toMatch(/SigninToken|federation\?/);
  };

  beforeAll(async () => {
    moto = await startMoto();
    const iam = iamClient(moto.url);
    const carol = await createUser(iam, 'carol', SELF_SERVICE);
    for (const role of ['dev', 'ops']) await createRole(iam, role, ['carol']);
    await moto.enableAuth();
    stub = await startFederationStub();
    world = cliWorld(moto.url);
    bin = join(world.home, 'bin');
    mkdirSync(bin);
    launches = join(world.home, 'launches.txt');
    fakeProgram('xdg-open');
    Object.assign(world.env, { LATCHKEY_FEDERATION_URL: stub.url, PATH: `${bin}:${world.env.PATH}` });
    await world.setUp([
      [['identity', 'add', 'carol', '--access-key-id', carol.accessKeyId, '--region', 'eu-west-1', '--verify'], carol.secretAccessKey],
      [['role', 'add', 'dev', '--role-arn', roleArn('dev'), '--source', 'carol', '--duration', '7200']],
      [['role', 'add', 'ops', '--role-arn', roleArn('ops'), '--source', 'carol', '--region', 'us-west-2']],
    ]);
  }, 60_000);
  afterAll(async () => {
    await stub?.stop();
    await moto?.stop();
  });

  it('--print: the role\'s session goes to the federation endpoint, the sign-in URL to stdout and nowhere else', async () => {
    const result = await world.run(['console', 'dev', '--print', '--service', 's3']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const request = stub.requests.at(-1);
    expect(request).toMatchObject({ action: 'getSigninToken', sessionDuration: '7200', session: { sessionId: expect.stringMatching(/^ASIA/) } });
    expect(Object.keys(request?.session ?? {}).sort()).toEqual(['sessionId', 'sessionKey', 'sessionToken']);
    const url = new URL(result.stdout.trim());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Action: 'login',
      Issuer: 'Latchkey',
      Destination: 'https://console.aws.amazon.com/s3/home?region=eu-west-1',
      SigninToken: stub.tokens.at(-1),
    });
    expect(launched()).toEqual([]);
  });

  it('without --print, the system opener gets only a loopback redirect to the URL, and the command waits for the browser to fetch it', async () => {
    const result = await world.run(['console', 'ops']);
    expect(result).toEqual({ code: 0, stderr: WAITING, stdout: 'opened the AWS console as "ops" in the default browser\n' });
    // The command returned only after the fetch, so the opener has written what it got.
    await until(() => launched().length === 1, 'xdg-open to record its fetch');
    const [launch] = launched();
    expect(launch).toMatchObject({ program: 'xdg-open', args: [expect.stringMatching(LOOPBACK)], status: 302 });
    noSecretIn(JSON.stringify(launch?.args));
    const url = new URL(launch?.location ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(stub.url);
    expect(url.searchParams.get('SigninToken')).toBe(stub.tokens.at(-1));
    expect(url.searchParams.get('Destination')).toBe('https://console.aws.amazon.com/console/home?region=us-west-2');
    noSecretIn(result.stderr + result.stdout);
  });

  it('an identity signs in with a federation token, without SessionDuration, and is told it carries no MFA', async () => {
    const result = await world.run(['console', 'carol', '--print']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^latchkey: the console session of identity "carol" is a federation token made with its long-term key: it carries no MFA, .*latchkey console ROLE\)\n$/);
    expect(stub.requests.at(-1)).toMatchObject({ sessionDuration: null, session: { sessionId: expect.any(String) } });
    expect(new URL(result.stdout.trim()).searchParams.get('SigninToken')).toBe(stub.tokens.at(-1));
    noSecretIn(result.stderr);
  });

  it('with per-role browser profiles, two roles open in Chromium with a profile folder each, given only the redirect', async () => {
    fakeProgram('chromium');
    expect((await world.run(['preferences', 'console-browser-profiles', 'true'])).code).toBe(0);
    const before = launched().length;
    for (const role of ['dev', 'ops']) expect(await world.run(['console', role])).toEqual({ code: 0, stderr: WAITING, stdout: `opened the AWS console as "${role}" in its own browser profile\n` });
    await until(() => launched().length === before + 2, 'Chromium to run twice');
    const runs = launched().slice(before);
    const profiles = join(world.env.LATCHKEY_HOME ?? '', 'browser-profiles');
    expect(runs.map(({ program, args }) => [program, args[0]])).toEqual([
      ['chromium', `--user-data-dir=${join(profiles, 'dev')}`],
      ['chromium', `--user-data-dir=${join(profiles, 'ops')}`],
    ]);
    for (const run of runs) {
      expect(run.args.at(-1)).toMatch(LOOPBACK);
      noSecretIn(JSON.stringify(run.args));
      expect(new URL(run.location ?? '').searchParams.get('SigninToken')).toMatch(/^StubSigninToken-/);
    }
  });

  it('with Firefox containers on too, each role opens in Firefox in a container of its name, given only the redirect', async () => {
    fakeProgram('firefox');
    expect((await world.run(['preferences', 'console-firefox-containers', 'true'])).code).toBe(0);
    const before = launched().length;
    for (const role of ['dev', 'ops']) expect(await world.run(['console', role])).toEqual({ code: 0, stderr: WAITING, stdout: `opened the AWS console as "${role}" in its own Firefox container\n` });
    await until(() => launched().length === before + 2, 'Firefox to run twice');
    const runs = launched().slice(before);
    expect(runs.map(({ program, args }) => [program, args.length, new URLSearchParams(args[0]?.replace(/^ext\+container:/, '')).get('name')])).toEqual([
      ['firefox', 1, 'dev'],
      ['firefox', 1, 'ops'],
    ]);
    for (const run of runs) {
      expect(new URLSearchParams(run.args[0]?.replace(/^ext\+container:/, '')).get('url')).toMatch(LOOPBACK);
      noSecretIn(JSON.stringify(run.args));
      expect(new URL(run.location ?? '').searchParams.get('SigninToken')).toMatch(/^StubSigninToken-/);
    }
    expect((await world.run(['preferences', 'console-firefox-containers', 'false'])).code).toBe(0);
  });

  it('with an agent serving the session, the URL is in neither the CLI\'s stderr nor the agent\'s log', async () => {
    const agent = await world.startAgent();
    let log = '';
    agent.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      const result = await world.run(['console', 'dev', '--print']);
      expect(result.code).toBe(0);
      await until(() => log.includes('dev'), 'the agent to log the request');
      noSecretIn(result.stderr + log);
      expect(log).not.toContain(result.stdout.trim());
    } finally {
      agent.kill('SIGTERM');
    }
  });
});
