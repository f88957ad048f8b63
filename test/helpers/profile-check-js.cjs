// Asks STS, through the JS SDK (fromIni, as an app using the default chain with a profile would), who
// each named profile runs as; prints one JSON object on stdout:
// {"PROFILE": {"arn": "…"} or {"error": "…"}, …}.
//
// Usage: node profile-check-js.cjs STS_ENDPOINT PROFILE…
//
// A separate process, not the test's own: fromIni reads the files and runs credential_process with
// process.env, so the world's env must be this process's env, and its file cache must start empty.
// The endpoint applies to GetCallerIdentity; the SDK's own AssumeRole calls follow AWS_ENDPOINT_URL_STS.
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');
const { fromIni } = require('@aws-sdk/credential-providers');

async function who(profile, endpoint) {
  try {
    const sts = new STSClient({ region: 'us-east-1', endpoint, credentials: fromIni({ profile }) });
    return { arn: (await sts.send(new GetCallerIdentityCommand({}))).Arn };
  } catch (error) {
    return { error: `${error.name}: ${String(error.message).trim().split('\n')[0]}` };
  }
}

async function main() {
  const [endpoint, ...profiles] = process.argv.slice(2);
  const outcomes = await Promise.all(profiles.map((profile) => who(profile, endpoint)));
  process.stdout.write(`${JSON.stringify(Object.fromEntries(profiles.map((p, i) => [p, outcomes[i]])))}\n`);
}

main();
