/**
 * Rebuilds what the app shows from fresh state. Requests that arrive while a rebuild runs (sixteen CLI
 * calls served at once, a file change during an action) fold into one more rebuild after it, so the
 * last one always sees the latest state and they never interleave. It is made before what it shows (the
 * tray's actions ask it for rebuilds), and started once that exists; requests before then wait for it.
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
  #deps: AppRefreshDeps<State> | undefined;

  /** Wires what the rebuilds gather and show, and makes the first one. */
  start(deps: AppRefreshDeps<State>): void {
    this.#deps = deps;
    this.request();
  }

  request(): void {
    if (this.#stopped) return;
    if (!this.#deps) return; // start() makes the first rebuild
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
      const deps = this.#deps as AppRefreshDeps<State>;
      try {
        const state = await deps.gather();
        if (!this.#stopped) deps.show(state);
      } catch (error) {
        if (!this.#stopped) deps.failed(error);
      }
    } while (this.#again && !this.#stopped);
  }
}
