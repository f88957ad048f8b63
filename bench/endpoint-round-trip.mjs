// The local credential endpoint (electron/core/endpoint): a warm credentials request — what an SDK
// sends as its session nears expiry — against a bare HTTP round trip to a server that answers the same
// JSON with nothing else, in one process, requests interleaved round by round. Each request opens its
// own connection, as the JavaScript SDK's fromHttp does. The session source is a constant, so this is
// the endpoint's own cost (checks, token digest, JSON); the engine behind it answers a warm request from
// memory. run.mjs calls it last and writes its table into its own section of bench/README.md.
import { build } from 'esbuild';
import { get, createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const REQUESTS_PER_ROUND = 25;

/** The endpoint module, bundled on the fly: nothing in dist/ serves it yet. */
async function loadEndpoint() {
  const { outputFiles } = await build({
    entryPoints: [join(root, 'electron/core/endpoint/credential-endpoint.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** Wall time of one GET on a new connection, in ms, body read. */
function timedGet(url, headers) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    get(url, { headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - start) / 1e6) : reject(new Error(`HTTP ${res.statusCode}`))));
    }).on('error', reject);
  });
}

export async function endpointRoundTrip(rounds, median, p90) {
  const { startEndpoint } = await loadEndpoint();
  const session = { accessKeyId: 'ASIABENCH', secretAccessKey: 's'.repeat(40), sessionToken: 't'.repeat(800), expiration: new Date(Date.now() + 3_600_000) };
  const endpoint = await startEndpoint({ credentials: async () => ({ session }) });
  const grant = await endpoint.grant('bench', 'bench');
  const body = JSON.stringify({ AccessKeyId: session.accessKeyId, SecretAccessKey: session.secretAccessKey, Token: session.sessionToken, Expiration: session.expiration.toISOString() });
  const bare = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body));
  await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const cases = {
    bare: [`http://127.0.0.1:${bare.address().port}/`, {}],
    endpoint: [grant.uri, { Authorization: grant.token }],
  };
  const times = { bare: [], endpoint: [] };
  try {
    for (const [url, headers] of Object.values(cases)) await timedGet(url, headers); // warm up
    for (let round = 0; round < rounds; round++)
      for (const [name, [url, headers]] of Object.entries(cases)) for (let i = 0; i < REQUESTS_PER_ROUND; i++) times[name].push(await timedGet(url, headers));
  } finally {
    await endpoint.close();
    bare.close();
  }
  const ms = (value) => value.toFixed(2);
  const row = (name, values) => `| ${name} | ${ms(median(values))} | ${ms(p90(values))} | ${(median(values) / median(times.bare)).toFixed(2)}× |`;
  return [
    `${rounds} interleaved rounds of ${REQUESTS_PER_ROUND} requests per case, each on a new connection, in one Node process`,
    '',
    '| case | median ms | p90 ms | ratio to the bare round trip |',
    '| --- | ---: | ---: | ---: |',
    row('bare HTTP round trip on loopback (floor)', times.bare),
    row('warm credentials request to the endpoint', times.endpoint),
  ].join('\n');
}
