/** After a save was refused in the page, takes the person to the first field that says why. */
import { tick } from 'svelte';

export async function focusFirstProblem(form: HTMLFormElement | undefined): Promise<void> {
  await tick();
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
