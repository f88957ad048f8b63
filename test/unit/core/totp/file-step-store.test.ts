import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStepStore } from '../../../../electron/core/totp/file-step-store';
import { ReplayGuard } from '../../../../electron/core/totp/replay-guard';
import { FakeClock } from '../../../fakes/fake-clock';

const SERIAL = 'arn:aws:iam::123456789012:mfa/alice';
const OTHER = 'arn:aws:iam::123456789012:mfa/bob';

describe('FileStepStore', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'latchkey-steps-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('shares used steps between stores on one folder, so separate processes never reuse a code', async () => {
    const clock = new FakeClock(30_010_000);
    const first = new ReplayGuard(new FileStepStore(folder), clock);
    const second = new ReplayGuard(new FileStepStore(folder), clock);
    expect(await first.claimStep(SERIAL)).toBe(1000);
    expect(await second.claimStep(SERIAL)).toBe(1001);
    expect(await second.claimStep(OTHER)).toBe(1001);
    expect(JSON.parse(await readFile(join(folder, 'mfa-steps.json'), 'utf8'))).toEqual({ [SERIAL]: 1001, [OTHER]: 1001 });
  });

  it('gives claims racing through two stores different steps', async () => {
    const clock = new FakeClock(30_010_000);
    const guards = [new FileStepStore(folder), new FileStepStore(folder)].map((store) => new ReplayGuard(store, clock));
    const steps = await Promise.all([...guards, ...guards].map((guard) => guard.claimStep(SERIAL)));
    expect(new Set(steps).size).toBe(4);
  });

  it('writes nothing when a claim declines', async () => {
    const store = new FileStepStore(folder);
    expect(await store.update(SERIAL, () => undefined)).toBeUndefined();
    await expect(readFile(join(folder, 'mfa-steps.json'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a damaged file, saying it is safe to delete', async () => {
    await writeFile(join(folder, 'mfa-steps.json'), '{"x": "soon"}');
    await expect(new FileStepStore(folder).update(SERIAL, () => 1)).rejects.toThrow(/mfa-steps\.json is damaged; delete it/);
    await writeFile(join(folder, 'mfa-steps.json'), '{');
    await expect(new FileStepStore(folder).update(SERIAL, () => 1)).rejects.toThrow(/damaged/);
  });
});
