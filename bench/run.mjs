// `npm run bench`: wall time of `latchkey credential-process` against a bare `node -e 0`, measured in
// one run on this machine with the real keychain and moto as STS, runs interleaved so drift hits every
// case alike. Writes the results into bench/README.md. Targets (median ratios to `node -e 0`):
// through the broker at most 1.15×, standalone warm (one keychain read) at most 1.5×.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
if (process.env.LATCHKEY_TEST_KEYRING !== '1') {
  // A private D-Bus session with a fresh unlocked keyring, as the tests use.
  const { status } = spawnSync(join(root, 'test/with-keyring.sh'), [process.execPath, fileURLToPath(import.meta.url)], { stdio: 'inherit' });
  process.exit(status ?? 1);
}

const CLI = join(root, 'dist/cli/latchkey.cjs');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const COLD_RUNS = 10;
const home = mkdtempSync(join(tmpdir(), 'latchkey-bench-'));
const runtime = join(home, 'run');
mkdirSync(runtime, { mode: 0o700 });
const port = 20_000 + Math.floor(Math.random() * 20_000);
// The machine's own environment, as a credential_process inherits it, with Latchkey's world on top.
const machineEnv = {
  ...process.env,
  HOME: home,
  LATCHKEY_HOME: join(home, 'latchkey'),
  LATCHKEY_KEYCHAIN_SERVICE: 'latchkey-bench',
  XDG_RUNTIME_DIR: runtime,
  AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}`,
};
// NODE_EXTRA_CA_CERTS (set on these machines) makes every Node start read a CA bundle, ~30 ms; without
// it the baseline is much shorter and the same milliseconds weigh more. Both are reported.
const { NODE_EXTRA_CA_CERTS: _caCerts, ...leanEnv } = machineEnv;
let env = machineEnv;

function latchkey(args, input) {
  const result = spawnSync(process.execPath, [CLI, ...args], { env, input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`latchkey ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Wall time of one run, in ms. */
function timed(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

/** Peak resident memory of one run, in MB (GNU time). */
function peakMb(command, args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { env, encoding: 'utf8' });
  return result.status === 0 ? Number(result.stderr.trim().split('\n').at(-1)) / 1024 : NaN;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p90 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)];

/** Each case once per round, in turn, so machine drift lands on all of them alike. */
function interleaved(cases) {
  const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (const [command, args] of Object.values(cases)) timed(command, args); // warm the page cache
  for (let round = 0; round < ROUNDS; round++) for (const [name, [command, args]] of Object.entries(cases)) times[name].push(timed(command, args));
  return times;
}

const moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
  env: { ...process.env, INITIAL_NO_AUTH_ACTION_COUNT: 'inf' },
  stdio: 'ignore',
});
let agent;
try {
  for (let i = 0; ; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/moto-api/`).catch(() => undefined))?.ok) break;
    if (i > 150) throw new Error('moto did not start');
    await sleep(100);
  }
  latchkey(['identity', 'add', 'alice', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  for (let i = 0; i <= 2 * (COLD_RUNS + 1); i++) latchkey(['role', 'add', `role-${i}`, '--role-arn', `arn:aws:iam::123456789012:role/role-${i}`, '--source', 'alice']);
  latchkey(['credential-process', 'role-0']); // cached from here on

  const baseline = [process.execPath, ['-e', '0']];
  const warm = [process.execPath, [CLI, 'credential-process', 'role-0']];
  // The agent names its socket (which carries a digest of the setup) when it starts serving.
  const socket = (address) => [process.execPath, [join(root, 'bench/socket-round-trip.cjs'), address, 'role-0']];
  let nextColdRole = 1;

  /** Every case under the current `env`: standalone first, then with the agent running. */
  async function measure() {
    const standalone = interleaved({ baseline, standalone: warm });
    // Cold: a role never asked for before, so one AssumeRole to moto (and the SDK loaded).
    const cold = [];
    for (let i = 0; i < COLD_RUNS; i++) cold.push(timed(process.execPath, [CLI, 'credential-process', `role-${nextColdRole++}`]));
    const peaks = {
      baseline: peakMb(...baseline),
      standalone: peakMb(...warm),
      cold: peakMb(process.execPath, [CLI, 'credential-process', `role-${nextColdRole++}`]),
    };

    agent = spawn(process.execPath, [CLI, 'agent'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const address = await new Promise((resolve, reject) => {
      let stderr = '';
      agent.stderr.on('data', (chunk) => {
        stderr += chunk.toString();
        const serving = /serving sessions on (.+); Ctrl-C to stop/.exec(stderr);
        if (serving) resolve(serving[1]);
      });
      agent.once('exit', () => reject(new Error('the agent did not start')));
    });
    latchkey(['credential-process', 'role-0']); // into the agent's memory
    const broker = interleaved({ baseline, socket: socket(address), broker: warm });
    peaks.broker = peakMb(...warm);
    const stopped = new Promise((resolve) => agent.once('exit', resolve));
    agent.kill('SIGTERM');
    await stopped;
    agent = undefined;

    const base = median(standalone.baseline);
    const brokerBase = median(broker.baseline);
    return [
      ['`node -e 0` (baseline)', standalone.baseline, 1, peaks.baseline, ''],
      ['warm, standalone (one keychain read)', standalone.standalone, median(standalone.standalone) / base, peaks.standalone, '≤ 1.5×'],
      ['bare Unix-socket round trip (floor)', broker.socket, median(broker.socket) / brokerBase, NaN, ''],
      ['warm, through the agent', broker.broker, median(broker.broker) / brokerBase, peaks.broker, '≤ 1.15×'],
      ['cold: one AssumeRole to moto', cold, median(cold) / base, peaks.cold, ''],
    ];
  }

  /**
   * What one AWS CLI call costs under `exec --server` (the CLI asks the endpoint for its credentials)
   * against plain `exec` (keys in its environment), lean environment, session cached. Written into
   * bench/README.md between its exec-server markers.
   */
  async function execServer() {
    env = leanEnv;
    const aws = ['aws', 'sts', 'get-caller-identity', '--region', 'us-east-1', '--endpoint-url', `http://127.0.0.1:${port}`];
    const rounds = Number(process.env.BENCH_EXEC_ROUNDS ?? 10);
    const times = { exec: [], server: [] };
    const cases = { exec: [process.execPath, [CLI, 'exec', 'role-0', '--', ...aws]], server: [process.execPath, [CLI, 'exec', '--server', 'role-0', '--', ...aws]] };
    for (const [command, args] of Object.values(cases)) timed(command, args);
    for (let round = 0; round < rounds; round++) for (const [name, [command, args]] of Object.entries(cases)) times[name].push(timed(command, args));
    const base = median(times.exec);
    const rows = [
      `| \`latchkey exec role -- aws sts get-caller-identity\` | ${median(times.exec).toFixed(0)} | ${p90(times.exec).toFixed(0)} | 1.00× |`,
      `| \`latchkey exec --server role -- aws sts get-caller-identity\` | ${median(times.server).toFixed(0)} | ${p90(times.server).toFixed(0)} | ${(median(times.server) / base).toFixed(2)}× |`,
    ];
    const result = [`${rounds} interleaved rounds, lean environment, ${new Date().toISOString().slice(0, 10)}`, '', '| case | median ms | p90 ms | ratio |', '| --- | ---: | ---: | ---: |', ...rows].join('\n');
    console.log(`\n${result}`);
    const readme = join(root, 'bench/README.md');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace(/<!-- exec-server:start -->[\s\S]*<!-- exec-server:end -->/, `<!-- exec-server:start -->\n${result}\n<!-- exec-server:end -->`));
  }

  /**
   * `latchkey publish` into a credentials file of 3,000 profiles against one of a single profile, and
   * `aws configure set` on the same large file, lean environment, session cached. Each run starts from
   * the file as generated (copied back before it, outside the timing), so every run adds a profile.
   * Written into bench/README.md between its publish-file markers. Target: the large file costs at most
   * 20 ms more than the small one.
   */
  async function publishFile() {
    env = leanEnv;
    const folder = join(home, 'publish-file');
    mkdirSync(folder);
    const target = join(folder, 'credentials');
    // 3,000 profiles of long-term keys, every tenth with a session as well: 12,600 lines, 475 KB.
    const profiles = (count) =>
      Array.from({ length: count }, (_, i) => {
        const keys = [`aws_access_key_id = AKIA${String(i).padStart(16, '0')}`, `aws_secret_access_key = ${'s'.repeat(40)}`];
        if (i % 10 === 0) keys.push(`aws_session_token = ${'t'.repeat(300)}`, 'x_security_token_expires = 2030-01-01T00:00:00Z');
        return `[profile-${i}]\n${keys.join('\n')}\n`;
      }).join('\n');
    const files = { small: join(folder, 'small'), large: join(folder, 'large') };
    writeFileSync(files.small, profiles(1));
    writeFileSync(files.large, profiles(3000));
    const saved = env;
    env = { ...leanEnv, AWS_SHARED_CREDENTIALS_FILE: target, AWS_CONFIG_FILE: join(folder, 'config') };
    const publish = [process.execPath, [CLI, 'publish', 'role-0', '--as', 'bench']];
    const floor = [process.execPath, [join(root, 'bench/rewrite-floor.mjs'), target]];
    const cases = {
      floorSmall: [files.small, floor],
      floorLarge: [files.large, floor],
      small: [files.small, publish],
      large: [files.large, publish],
      aws: [files.large, ['aws', ['configure', 'set', 'aws_access_key_id', 'ASIAEXAMPLEEXAMPLE01', '--profile', 'bench']]],
    };
    const rounds = Number(process.env.BENCH_FILE_ROUNDS ?? 20);
    const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
    for (let round = -1; round < rounds; round++)
      for (const [name, [file, [command, args]]] of Object.entries(cases)) {
        copyFileSync(file, target);
        const ms = timed(command, args);
        if (round >= 0) times[name].push(ms); // round -1 warms the page cache
      }
    env = saved;
    const row = (name, values, small) =>
      `| ${name} | ${median(values).toFixed(1)} | ${p90(values).toFixed(1)} | ${(median(values) - median(small)).toFixed(1)} | ${(median(values) / median(small)).toFixed(2)}× |`;
    // Round by round, so that the machine's drift between rounds cancels out.
    const own = median(times.large.map((large, i) => large - times.small[i] - (times.floorLarge[i] - times.floorSmall[i])));
    const result = [
      `${rounds} interleaved rounds, lean environment, ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| case | median ms | p90 ms | more than the small file, ms | ratio |',
      '| --- | ---: | ---: | ---: | ---: |',
      row('the least a safe edit does (bench/rewrite-floor.mjs), 1-profile file', times.floorSmall, times.floorSmall),
      row('the least a safe edit does, 3,000-profile file', times.floorLarge, times.floorSmall),
      row('`latchkey publish` into a 1-profile file', times.small, times.small),
      row('`latchkey publish` into a 3,000-profile file (target: at most 20 ms more)', times.large, times.small),
      row('`aws configure set` on the 3,000-profile file', times.aws, times.small),
      '',
      `Of the large file's cost to \`latchkey publish\`, ${own.toFixed(1)} ms is more than the least a safe edit of it costs (the median, round by round).`,
    ].join('\n');
    console.log(`\n${result}`);
    const readme = join(root, 'bench/README.md');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace(/<!-- publish-file:start -->[\s\S]*<!-- publish-file:end -->/, `<!-- publish-file:start -->\n${result}\n<!-- publish-file:end -->`));
  }

  const ms = (value) => value.toFixed(1);
  const table = (rows) =>
    [
      '| case | median ms | p90 ms | ratio to `node -e 0` | peak RSS MB | target |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      ...rows.map(
        ([name, times, ratio, peak, target]) =>
          `| ${name} | ${ms(median(times))} | ${ms(p90(times))} | ${ratio.toFixed(2)}× | ${Number.isNaN(peak) ? '—' : peak.toFixed(0)} | ${target} |`,
      ),
    ].join('\n');

  const sections = [];
  const only = process.env.BENCH_ONLY;
  if (only === undefined) {
    // The lean environment first: it is what a user's machine has.
    for (const [title, chosen] of [
      ['A lean Node start (no NODE_EXTRA_CA_CERTS), as on a user\'s machine', leanEnv],
      ['With this machine\'s NODE_EXTRA_CA_CERTS (a CA bundle every Node start loads)', machineEnv],
    ]) {
      env = chosen;
      sections.push(`### ${title}\n\n${table(await measure())}`);
    }
    const machine = `${cpus().length} cores, Node ${process.version}, ${ROUNDS} interleaved rounds, ${COLD_RUNS} cold runs, ${new Date().toISOString().slice(0, 10)}`;
    const results = `${machine}\n\n${sections.join('\n\n')}`;
    console.log(results);
    const readme = join(root, 'bench/README.md');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace(/<!-- results:start -->[\s\S]*<!-- results:end -->/, `<!-- results:start -->\n${results}\n<!-- results:end -->`));
  }
  if (only === undefined || only === 'exec-server') await execServer();
  if (only === undefined || only === 'publish-file') await publishFile();
} finally {
  agent?.kill('SIGTERM');
  moto.kill('SIGTERM');
}

// The local credential endpoint: a warm credentials request against a bare HTTP round trip
// (bench/endpoint-round-trip.mjs), in a README section of its own, added on the first run.
if (process.env.BENCH_ONLY === undefined || process.env.BENCH_ONLY === 'endpoint') {
  const { endpointRoundTrip } = await import('./endpoint-round-trip.mjs');
  const endpointResults = await endpointRoundTrip(ROUNDS, median, p90);
  console.log(`\n${endpointResults}`);
  const readme = join(root, 'bench/README.md');
  const text = readFileSync(readme, 'utf8');
  const section = `<!-- endpoint-results:start -->\n${endpointResults}\n<!-- endpoint-results:end -->`;
  const about =
    'A warm request to the container-credentials endpoint (`latchkey serve`, `exec --server`) against a bare HTTP\n' +
    'round trip on loopback answering the same JSON, each on a new connection as the JavaScript SDK makes them.\n' +
    'The session source is a constant: this is the endpoint\'s own cost; no target yet.';
  writeFileSync(
    readme,
    text.includes('<!-- endpoint-results:start -->')
      ? text.replace(/<!-- endpoint-results:start -->[\s\S]*<!-- endpoint-results:end -->/, section)
      : `${text.trimEnd()}\n\n## The local credential endpoint\n\n${about}\n\n${section}\n`,
  );
}
