// A JavaScript SDK program served by the credential endpoint, with the SDK's default credential chain
// (the tests set only the endpoint's two variables).
//
//   js-sdk-client.cjs STS_URL once  prints {"arn"}
//   js-sdk-client.cjs STS_URL N     calls STS in a loop until it has used N different sessions (60 s at
//                                   most), then prints {"arns", "keys", "calls"}
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');

async function main() {
  const [url, mode] = process.argv.slice(2);
  const sts = new STSClient({ region: 'us-east-1', endpoint: url });
  const whoami = async () => (await sts.send(new GetCallerIdentityCommand({}))).Arn;
  if (mode === 'once') {
    console.log(JSON.stringify({ arn: await whoami() }));
    return;
  }
  const keys = [];
  const arns = new Set();
  let calls = 0;
  const deadline = Date.now() + 60_000;
  while (keys.length < Number(mode) && Date.now() < deadline) {
    arns.add(await whoami());
    calls++;
    // The client's memoized credentials: the SDK refreshes them from the endpoint as expiry nears.
    const { accessKeyId } = await sts.config.credentials();
    if (!keys.includes(accessKeyId)) keys.push(accessKeyId);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(JSON.stringify({ arns: [...arns].sort(), keys, calls }));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
