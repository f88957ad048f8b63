/** A session as `export …` lines for a POSIX shell, the same lines `latchkey env NAME` prints. */
import type { Session } from '../../core/sessions/session-cache';
import { SHELL_FORMATS, sessionVariables } from '../../core/sessions/session-variables';

export function exportLines(session: Session, region: string | undefined): string {
  return SHELL_FORMATS.sh(sessionVariables(session, region));
}
