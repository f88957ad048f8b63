/**
 * One thing a window asks main to do, with what the page shows meanwhile: whether it is running, and
 * the message of its failure (an STS or validation error, shown in place).
 */
export class Task<Args extends unknown[], Result> {
  running = $state(false);
  error: string | undefined = $state();

  constructor(private readonly action: (...args: Args) => Promise<Result>) {}

  /** The result, or undefined when it failed (its message is then in `error`) or is already running. */
  async run(...args: Args): Promise<Result | undefined> {
    if (this.running) return undefined;
    this.running = true;
    this.error = undefined;
    try {
      return await this.action(...args);
    } catch (failure) {
      this.error = failure instanceof Error ? failure.message : String(failure);
      return undefined;
    } finally {
      this.running = false;
    }
  }

  reset(): void {
    this.error = undefined;
  }
}
