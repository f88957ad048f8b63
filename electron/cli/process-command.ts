/**
 * The `credential_process` value that runs this very CLI for a name, by absolute paths, so it works from
 * any shell, IDE or service whatever their PATH. In the packaged app that is the launcher (build/bin/),
 * which says where it is in LATCHKEY_LAUNCHER: the app's executable and script are its internals, and it
 * sets up Node mode.
 */
import { realpathSync } from 'node:fs';
import { processCommandLine } from '../core/sessions/process-command-line';

export function processCommand(env: NodeJS.ProcessEnv, name: string): string {
  const launcher = env.LATCHKEY_LAUNCHER;
  const cli = launcher ? [launcher] : [process.execPath, realpathSync(process.argv[1] ?? '')];
  return processCommandLine(cli, name);
}
