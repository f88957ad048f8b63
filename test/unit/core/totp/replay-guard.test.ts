import { describe, expect, it } from 'vitest';
import { ReplayGuard } from '../../../../electron/core/totp/replay-guard';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { FakeClock } from '../../../fakes/fake-clock';
import { MemoryStepStore } from '../../../fakes/memory-step-store';

const SERIAL = 'arn:aws:iam::123456789012:mfa/alice';
const OTHER = 'arn:aws:iam::123456789012:mfa/bob';
/** 10 s into step 1000 of 30 s. */
const START = 30_010_000;

function setup() {
  const clock = new FakeClock(START);
  const waits: number[] = [];
  const guard = new ReplayGuard(new MemoryStepStore(), clock);
  return { clock, guard, waits, seedStep: (serial = SERIAL) => guard.claimSeedStep(serial, (ms) => waits.push(ms)) };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as LatchkeyError);

describe('ReplayGuard: codes from a seed', () => {
  it('claims the current step when it is unused, without waiting', async () => {
    const { clock, seedStep, waits } = setup();
    expect(await seedStep()).toBe(1000);
    expect(clock.now()).toBe(START);
    expect(waits).toEqual([]);
  });

  it('makes a second claim in the same step wait for the next step, and says so before waiting', async () => {
    const { clock, seedStep, waits } = setup();
    await seedStep();
    expect(await seedStep()).toBe(1001);
    expect(waits).toEqual([20_000]);
    expect(clock.now()).toBe(1001 * 30_000);
  });

  it('does not wait once the clock has moved on, and keeps serials apart', async () => {
    const { clock, seedStep, waits } = setup();
    await seedStep();
    expect(await seedStep(OTHER)).toBe(1000);
    clock.advance(60_000);
    expect(await seedStep()).toBe(1002);
    expect(waits).toEqual([]);
  });

  it('gives racing claims different steps', async () => {
    const { seedStep } = setup();
    const steps = await Promise.all([seedStep(), seedStep(), seedStep()]);
    expect([...steps].sort()).toEqual([1000, 1001, 1002]);
  });

  it('honours another period', async () => {
    const clock = new FakeClock(120_000);
    const guard = new ReplayGuard(new MemoryStepStore(), clock, 60);
    expect(await guard.claimSeedStep(SERIAL, () => {})).toBe(2);
    expect(await guard.claimSeedStep(SERIAL, () => {})).toBe(3);
    expect(clock.now()).toBe(180_000);
  });

  it('refuses rather than waits for long when the clock went back', async () => {
    const store = new MemoryStepStore();
    await store.update(SERIAL, () => ({ step: 1010 }));
    const guard = new ReplayGuard(store, new FakeClock(START));
    const error = await refusal(guard.claimSeedStep(SERIAL, () => {}));
    expect(error).toBeInstanceOf(LatchkeyError);
    expect(error?.message).toMatch(/clock went back: the last MFA code for .*mfa\/alice was used 320 s ahead/);
  });
});

describe('ReplayGuard: codes a person typed', () => {
  it('lets a code go out at once, and refuses the same code again at once, saying when the next one comes', async () => {
    const { clock, guard } = setup();
    await guard.claimTypedCode(SERIAL, '123456');
    const error = await refusal(guard.claimTypedCode(SERIAL, '123456'));
    expect(error?.code).toBe('mfa-reused');
    expect(error?.message).toBe('this code was just sent to AWS; the next one comes in 20 s');
    expect(clock.now()).toBe(START);
  });

  it('lets a different code go out at once in the same step: AWS decides', async () => {
    const { guard } = setup();
    await guard.claimTypedCode(SERIAL, '123456');
    await expect(guard.claimTypedCode(SERIAL, '654321')).resolves.toBeUndefined();
    await expect(guard.claimTypedCode(OTHER, '654321')).resolves.toBeUndefined();
  });

  it('lets the same code go out again once AWS no longer counts it (three steps on)', async () => {
    const { clock, guard } = setup();
    await guard.claimTypedCode(SERIAL, '123456');
    clock.advance(60_000);
    expect((await refusal(guard.claimTypedCode(SERIAL, '123456')))?.message).toBe('this code was just sent to AWS; wait for your device to show a new one');
    clock.advance(30_000);
    await expect(guard.claimTypedCode(SERIAL, '123456')).resolves.toBeUndefined();
  });

  it('makes auto-MFA wait after a typed code of the current step, and records only a digest of the code', async () => {
    const store = new MemoryStepStore();
    const clock = new FakeClock(START);
    const guard = new ReplayGuard(store, clock);
    await guard.claimTypedCode(SERIAL, '123456');
    const recorded = await store.update(SERIAL, (last) => last);
    expect(recorded?.step).toBe(1000);
    expect(recorded?.digest).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(recorded)).not.toContain('123456');
    expect(await guard.claimSeedStep(SERIAL, () => {})).toBe(1001);
  });
});
