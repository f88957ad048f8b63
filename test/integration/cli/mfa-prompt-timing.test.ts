/**
 * The terminal MFA prompt as a person meets it, under a real pseudo-terminal (`script`), with an STS in
 * front of moto that checks codes as AWS does: the prompt appears at once, even right after a code of
 * the same time step was used; the same code again is refused at once without a call to STS; a code AWS
 * refuses is asked for again at once; typed digits never show; Ctrl-D cancels. The bounds are generous
 * (a loaded machine); bench/README.md has the figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { totpCode } from '../../../electron/core/totp/totp-code';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, CLI, type CliWorld } from '../../helpers/latchkey-cli';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { startStsProxy, type StsProxy } from '../../helpers/sts-proxy';
import { until } from '../../helpers/until';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** What a person would call "at once", with room for a loaded test machine. */
const AT_ONCE_MS = 5_000;
const QUESTION = 'requested by credential_process dev: ';

interface TerminalRun {
  child: ChildProcess;
  screen: () => string;
  /** How many questions are on the screen so far. */
  questions: () => number;
  exited: Promise<number | null>;
}

/** `latchkey credential-process dev` at a terminal of its own; what the person sees, and a keyboard. */
function atTerminal(world: CliWorld): TerminalRun {
  const command = `"${process.execPath}" "${CLI}" credential-process dev < /dev/null`;
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: world.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  child.stdout?.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  return {
    child,
    screen: () => screen,
    questions: () => screen.split(QUESTION).length - 1,
    exited: new Promise((resolve) => child.once('close', resolve)),
  };
}

/** Milliseconds until `done`, polled. */
async function timeUntil(done: () => boolean, what: string): Promise<number> {
  const start = Date.now();
  await until(done, what, 20_000);
  return Date.now() - start;
}

describeWith([keyring, motoComponent], 'the MFA prompt at a terminal', () => {
  let moto: MotoWorld;
  let proxy: StsProxy;
  let world: CliWorld;

  beforeAll(async () => {
    moto = await startMotoWorld();
    proxy = await startStsProxy(moto.url, { mfaSeed: SEED });
    world = await aliceWorld(moto, { mfa: {}, stsUrl: proxy.url });
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('asks at once, refuses a repeated code without STS, asks again at once after a wrong code, never echoes, and Ctrl-D cancels', async () => {
    // A first session, so the next run starts in a step whose code was just used.
    const first = atTerminal(world);
    const firstPrompt = await timeUntil(() => first.questions() === 1, 'the first question');
    const code = totpCode(SEED, Date.now()).code;
    first.child.stdin?.write(`${code}\r`);
    expect(await first.exited).toBe(0);
    expect(firstPrompt).toBeLessThan(AT_ONCE_MS);
    expect((await world.run(['forget', '--all'])).code).toBe(0);
    const calls = proxy.count('GetSessionToken');

    const run = atTerminal(world);
    const prompt = await timeUntil(() => run.questions() === 1, 'the question right after a code was used');
    expect(prompt).toBeLessThan(AT_ONCE_MS);

    // The same code again: refused here, at once, saying when the next one comes; STS never sees it.
    run.child.stdin?.write(`${code}\r`);
    const refused = await timeUntil(() => run.questions() === 2, 'the question after a repeated code');
    expect(refused).toBeLessThan(AT_ONCE_MS);
    expect(run.screen()).toMatch(/this code was just sent to AWS; (the next one comes in \d+ s|wait for your device to show a new one)/);
    expect(proxy.count('GetSessionToken')).toBe(calls);

    // A wrong code: AWS refuses it, and the question comes back at once with AWS's reason.
    const valid = [-30_000, 0, 30_000].map((offset) => totpCode(SEED, Date.now() + offset).code);
    const wrong = ['000000', '111111', '222222'].find((candidate) => !valid.includes(candidate)) as string;
    run.child.stdin?.write(`${wrong}\r`);
    const again = await timeUntil(() => run.questions() === 3, 'the question after a wrong code');
    expect(again).toBeLessThan(AT_ONCE_MS);
    expect(proxy.count('GetSessionToken')).toBe(calls + 1);
    expect(run.screen()).toMatch(/refused the MFA code/);

    // Ctrl-D: cancelled, nothing more sent.
    run.child.stdin?.write('\u0004');
    expect(await run.exited).toBe(1);
    expect(run.screen()).toMatch(/MFA code for "phone" not entered/);
    expect(proxy.count('GetSessionToken')).toBe(calls + 1);
    // Echo off throughout: no typed digit ever shows.
    for (const typed of [code, wrong]) expect(`${first.screen()}${run.screen()}`).not.toContain(typed);
  }, 120_000);
});
