/**
 * A long change main makes for the settings window (a key rotation, an enrolment): a Task, plus the
 * line main last said about it (`progress`), so the page is never silent while AWS, IAM's slow
 * propagation or the MFA prompt take their time. Only main's lines for this task and entry count.
 */
import type { SettingsProgress } from '../../../electron/shared/ipc-contract';
import type { SettingsApi } from '../../../electron/shared/window-api';
import { Task } from '../lib/task.svelte';

export class ProgressTask<Result> {
  /** What main last said, or the first words until it says something; undefined when not running. */
  progress: string | undefined = $state();
  readonly #task: Task<[], Result>;

  constructor(
    /** The window API's onProgress. */
    subscribe: SettingsApi['onProgress'],
    /** Which task and entry the lines must be about: read when it starts, as the form is then. */
    about: () => Omit<SettingsProgress, 'message'>,
    /** Said as it starts, before main has said anything. */
    starting: string,
    action: () => Promise<Result>,
  ) {
    this.#task = new Task(async () => {
      const { task, name } = about();
      this.progress = starting;
      const stop = subscribe((said) => {
        if (said.task === task && said.name === name) this.progress = said.message;
      });
      try {
        return await action();
      } finally {
        stop();
        this.progress = undefined;
      }
    });
  }

  get running(): boolean {
    return this.#task.running;
  }

  get error(): string | undefined {
    return this.#task.error;
  }

  run(): Promise<Result | undefined> {
    return this.#task.run();
  }
}
