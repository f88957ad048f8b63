/**
 * After an edit, the cached sessions it superseded are dropped, so the next use makes new ones from the
 * edited entry. The edit is saved by then: a session that cannot be dropped is a notice, not a failure.
 */
import { describeError } from '../shared/errors';
import type { CliContext } from './cli-context';

export async function forgetSuperseded(context: CliContext, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  // Built only when there is something to forget, and once.
  const engine = context.engine();
  for (const name of names) {
    try {
      await (await engine).forget(name);
    } catch (error) {
      context.notice(`the edit is saved, but the cached session of "${name}" was not dropped: ${describeError(error)}`);
    }
  }
}
