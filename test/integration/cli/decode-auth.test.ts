/**
 * `latchkey decode-auth` with STS's answer stubbed (moto has no DecodeAuthorizationMessage): the
 * message from the argument or stdin, asked with a role's session; AWS's document as pretty JSON on
 * stdout and the refusal explained on stderr.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { startStsProxy, type StsProxy } from '../../helpers/sts-proxy';

const ENCODED = `4Ys-${'Ab0_'.repeat(100)}`;
const DOCUMENT = {
  allowed: false,
  explicitDeny: false,
  matchedStatements: { items: [] },
  failures: { items: [] },
  context: { principal: { id: 'AROA:alice', arn: 'arn:aws:sts::123456789012:assumed-role/dev/alice' }, action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1:123456789012:instance/*' },
};
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const DECODED_XML =
  '<DecodeAuthorizationMessageResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><DecodeAuthorizationMessageResult>' +
  `<DecodedMessage>${escapeXml(JSON.stringify(DOCUMENT))}</DecodedMessage></DecodeAuthorizationMessageResult>` +
  '<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></DecodeAuthorizationMessageResponse>';

describeWith([keyring, motoComponent], 'decoding an authorization failure message', () => {
  let moto: MotoWorld;
  let proxy: StsProxy;
  let world: CliWorld;

  beforeAll(async () => {
    moto = await startMotoWorld({ auth: true });
    proxy = await startStsProxy(moto.url);
    world = await aliceWorld(moto, { stsUrl: proxy.url });
    // dev's session cached first: the one STS call below is the decoding.
    expect((await world.run(['credential-process', 'dev'])).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it.each([
    ['the argument', ['decode-auth', ENCODED, '--using', 'dev'], undefined],
    ['stdin, the whole error message', ['decode-auth', '-', '--using', 'dev'], `An error occurred (UnauthorizedOperation): You are not authorized to perform this operation. Encoded authorization failure message: ${ENCODED}\n`],
  ])('from %s: pretty JSON on stdout, the refusal explained on stderr', async (_from, args, input) => {
    const calls = proxy.count('DecodeAuthorizationMessage');
    proxy.misbehave({ status: 200, body: DECODED_XML }, 1);
    const result = await world.run(args, { input });
    expect(result.code).toBe(0);
    expect(proxy.count('DecodeAuthorizationMessage')).toBe(calls + 1);
    expect(result.stdout).toBe(`${JSON.stringify(DOCUMENT, null, 2)}\n`);
    expect(result.stderr).toBe(
      'latchkey: arn:aws:sts::123456789012:assumed-role/dev/alice was refused ec2:RunInstances on arn:aws:ec2:us-east-1:123456789012:instance/* because no policy allows it: add an Allow for it, and check permission boundaries, session policies and SCPs, which must allow it too\n',
    );
  });
});
