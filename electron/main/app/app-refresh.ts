/**
 * Rebuilds what the app shows from fresh state. Requests that arrive while a rebuild runs (sixteen CLI
 * calls served at once, a file change during an action) fold into one more rebuild after it, so the
 * last one always sees the latest state and they never interleave.
 */
export interface AppRefreshDeps<State> {
  gather(): Promise<State>;
  show(state: State): void;
  failed(error: unknown): void;
}

export class AppRefresh<State> {
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(private readonly deps: AppRefreshDeps<State>) {}

  request(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => (this.#running = undefined));
  }

  /** No rebuild starts after this; resolves when the one running has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#running;
  }

  /** Resolves once no rebuild is running or asked for. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        const state = await this.deps.gather();
        if (!this.#stopped) this.deps.show(state);
      } catch (error) {
        if (!this.#stopped) this.deps.failed(error);
      }
    } while (this.#again && !this.#stopped);
  }
}
