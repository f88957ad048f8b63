import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileStepStore } from '../../../../electron/core/totp/file-step-store';
import { ReplayGuard } from '../../../../electron/core/totp/replay-guard';
import { FakeClock } from '../../../fakes/fake-clock';
import { tempFolders } from '../../../helpers/temp-folders';

const SERIAL = 'arn:aws:iam::123456789012:mfa/alice';
const OTHER = 'arn:aws:iam::123456789012:mfa/bob';

describe('FileStepStore', () => {
  const temp = tempFolders();
  let folder: string;
  beforeEach(async () => {
    folder = temp('steps');
  });

  it('shares used steps between stores on one folder, so separate processes never reuse a code', async () => {
    const clock = new FakeClock(30_010_000);
    const first = new ReplayGuard(new FileStepStore(folder), clock);
    const second = new ReplayGuard(new FileStepStore(folder), clock);
    expect(await first.claimSeedStep(SERIAL, () => {})).toBe(1000);
    expect(await second.claimSeedStep(SERIAL, () => {})).toBe(1001);
    expect(await second.claimSeedStep(OTHER, () => {})).toBe(1001);
    expect(JSON.parse(await readFile(join(folder, 'mfa-steps.json'), 'utf8'))).toEqual({ [SERIAL]: { step: 1001 }, [OTHER]: { step: 1001 } });
    // A code typed in one process is refused at once in another.
    await first.claimTypedCode(SERIAL, '123456');
    await expect(second.claimTypedCode(SERIAL, '123456')).rejects.toMatchObject({ code: 'mfa-reused' });
  });

  it('gives claims racing through two stores different steps', async () => {
    const clock = new FakeClock(30_010_000);
    const guards = [new FileStepStore(folder), new FileStepStore(folder)].map((store) => new ReplayGuard(store, clock));
    const steps = await Promise.all([...guards, ...guards].map((guard) => guard.claimSeedStep(SERIAL, () => {})));
    expect(new Set(steps).size).toBe(4);
  });

  it('writes nothing when a claim declines', async () => {
    const store = new FileStepStore(folder);
    expect(await store.update(SERIAL, () => undefined)).toBeUndefined();
    await expect(readFile(join(folder, 'mfa-steps.json'))).rejects.toThrow(/ENOENT/);
  });

  it('reads the file of the first version, which held the step alone', async () => {
    await writeFile(join(folder, 'mfa-steps.json'), JSON.stringify({ [SERIAL]: 1000 }));
    expect(await new FileStepStore(folder).update(SERIAL, (last) => last)).toEqual({ step: 1000 });
  });

  it('refuses a damaged file, saying it is safe to delete', async () => {
    await writeFile(join(folder, 'mfa-steps.json'), '{"x": "soon"}');
    await expect(new FileStepStore(folder).update(SERIAL, () => ({ step: 1 }))).rejects.toThrow(/mfa-steps\.json is damaged; delete it/);
    await writeFile(join(folder, 'mfa-steps.json'), '{');
    await expect(new FileStepStore(folder).update(SERIAL, () => ({ step: 1 }))).rejects.toThrow(/damaged/);
  });
});
