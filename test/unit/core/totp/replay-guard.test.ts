import { describe, expect, it } from 'vitest';
import { MemoryStepStore } from '../../../fakes/memory-step-store';
import { ReplayGuard } from '../../../../electron/core/totp/replay-guard';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { FakeClock } from '../../../fakes/fake-clock';

const SERIAL = 'arn:aws:iam::123456789012:mfa/alice';
const OTHER = 'arn:aws:iam::123456789012:mfa/bob';
/** 10 s into step 1000 of 30 s. */
const START = 30_010_000;

function setup() {
  const clock = new FakeClock(START);
  return { clock, guard: new ReplayGuard(new MemoryStepStore(), clock) };
}

describe('ReplayGuard', () => {
  it('claims the current step when it is unused', async () => {
    const { clock, guard } = setup();
    expect(await guard.claimStep(SERIAL)).toBe(1000);
    expect(clock.now()).toBe(START);
  });

  it('makes a second claim in the same step wait for the start of the next step', async () => {
    const { clock, guard } = setup();
    await guard.claimStep(SERIAL);
    expect(await guard.claimStep(SERIAL)).toBe(1001);
    expect(clock.now()).toBe(1001 * 30_000);
  });

  it('does not wait once the clock has moved on to a later step', async () => {
    const { clock, guard } = setup();
    await guard.claimStep(SERIAL);
    clock.advance(60_000);
    expect(await guard.claimStep(SERIAL)).toBe(1002);
    expect(clock.now()).toBe(START + 60_000);
  });

  it('keeps serials independent', async () => {
    const { clock, guard } = setup();
    expect(await guard.claimStep(SERIAL)).toBe(1000);
    expect(await guard.claimStep(OTHER)).toBe(1000);
    expect(clock.now()).toBe(START);
  });

  it('gives racing claims different steps', async () => {
    const { guard } = setup();
    const steps = await Promise.all([guard.claimStep(SERIAL), guard.claimStep(SERIAL), guard.claimStep(SERIAL)]);
    expect([...steps].sort()).toEqual([1000, 1001, 1002]);
  });

  it('honours another period', async () => {
    const clock = new FakeClock(120_000);
    const guard = new ReplayGuard(new MemoryStepStore(), clock, 60);
    expect(await guard.claimStep(SERIAL)).toBe(2);
    expect(await guard.claimStep(SERIAL)).toBe(3);
    expect(clock.now()).toBe(180_000);
  });

  it('refuses rather than waits for long when the clock went back', async () => {
    const store = new MemoryStepStore();
    await store.update(SERIAL, () => 1010);
    const guard = new ReplayGuard(store, new FakeClock(START));
    const error = await guard.claimStep(SERIAL).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect((error as LatchkeyError).message).toMatch(/clock went back: the last MFA code for .*mfa\/alice was used 320 s ahead/);
  });
});

describe('MemoryStepStore', () => {
  it('records what a claim returns and leaves the step alone when it returns undefined', async () => {
    const store = new MemoryStepStore();
    expect(await store.update(SERIAL, (last) => (last === undefined ? 5 : undefined))).toBe(5);
    expect(await store.update(SERIAL, () => undefined)).toBeUndefined();
    expect(await store.update(SERIAL, (last) => last)).toBe(5);
  });
});
