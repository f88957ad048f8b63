/**
 * Issue 11, item 3: an STS endpoint that trickles its answer a byte at a time (DRIP_MS apart) must not
 * keep `credential-process` alive. The built CLI ends within the call's one deadline (STS_CALL_MS,
 * plus a generous allowance for starting Node on a loaded machine) with a line saying STS did not
 * answer, and leaves files and keychain as they were.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STS_CALL_MS } from '../../../electron/core/timeouts';
import { keyring } from '../../helpers/components';
import { describeWith } from '../../helpers/needs';
import { expectRefused, fakeStsWorld, type FakeStsWorld } from './fake-sts-world';

/** Starting the CLI and its keychain reads, on a busy 2-core machine. */
const ALLOWANCE_MS = 8_000;
const SECONDS = STS_CALL_MS / 1000;

describeWith([keyring], 'a trickling STS endpoint: every STS call ends within its deadline', () => {
  let head: FakeStsWorld;
  let body: FakeStsWorld;
  beforeAll(async () => {
    [head, body] = await Promise.all([fakeStsWorld(), fakeStsWorld()]);
  });
  afterAll(async () => Promise.all([head?.stop(), body?.stop()]));

  // Concurrent: each waits on the clock, not the CPU.
  it.concurrent('headers sent then a body one byte at a time: cut by the deadline, nothing written', async () => {
    body.proxy.misbehave('drip-body');
    const before = await body.snapshot();
    const result = await body.timed(['credential-process', 'dev']);
    expectRefused(
      result,
      'credential-process',
      `role "dev": STS at ${body.proxy.url} did not answer within ${SECONDS} s (AssumeRole): check the network connection and any STS endpoint setting, then try again`,
    );
    expect(result.ms).toBeGreaterThanOrEqual(STS_CALL_MS);
    expect(result.ms).toBeLessThan(STS_CALL_MS + ALLOWANCE_MS);
    expect(body.proxy.count('AssumeRole')).toBe(1);
    expect(await body.snapshot()).toEqual(before);
  }, 40_000);

  it.concurrent('a status line and headers one byte at a time: each attempt times out, within the same bound', async () => {
    head.proxy.misbehave('drip-head');
    const before = await head.snapshot();
    const result = await head.timed(['credential-process', 'dev']);
    // The attempts' own 3 s limit on the headers usually ends it first; the deadline is the backstop.
    expectRefused(
      result,
      'credential-process',
      new RegExp(
        `^latchkey credential-process: role "dev": (STS did not answer AssumeRole after 3 attempts \\(timed out\\)|STS at ${head.proxy.url} did not answer within ${SECONDS} s \\(AssumeRole\\)): check the network connection`,
      ),
    );
    expect(result.ms).toBeLessThan(STS_CALL_MS + ALLOWANCE_MS);
    expect(head.proxy.count('AssumeRole')).toBeGreaterThanOrEqual(1);
    expect(await head.snapshot()).toEqual(before);
  }, 40_000);

  it('no file under HOME holds the long-term secret or a session', () => {
    expect([...head.filesWithSecrets(), ...body.filesWithSecrets()]).toEqual([]);
  });
});
