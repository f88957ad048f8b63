/**
 * The save of a form whose fields check themselves as they are typed. A submit marks the form tried,
 * so every field shows its problem; a refused one takes the person to the first field that says why,
 * and a valid one runs the save (a Task: running, error) and hands on what main answered.
 */
import { tick } from 'svelte';
import { Task } from '../lib/task.svelte';

export class FormSave<Result> extends Task<[], Result> {
  tried = $state(false);

  constructor(private readonly form: { valid: () => boolean; save: () => Promise<Result>; saved: (result: Result) => void }) {
    super(form.save);
  }

  /** The form's onsubmit. */
  readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    this.tried = true;
    if (!this.form.valid()) {
      await tick();
      element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const result = await this.run();
    if (result !== undefined) this.form.saved(result);
  };
}
