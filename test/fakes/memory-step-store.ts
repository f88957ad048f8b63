/** Used time steps in memory: the replay guard's store for tests (the app and the CLI share the file store). */
import type { UsedCode, UsedStepStore } from '../../electron/core/totp/replay-guard';

export class MemoryStepStore implements UsedStepStore {
  private readonly steps = new Map<string, UsedCode>();

  async update(serial: string, claim: (last: UsedCode | undefined) => UsedCode | undefined): Promise<UsedCode | undefined> {
    // Synchronous from read to write, so concurrent claims in this process cannot interleave.
    const next = claim(this.steps.get(serial));
    if (next !== undefined) this.steps.set(serial, next);
    return next;
  }
}
