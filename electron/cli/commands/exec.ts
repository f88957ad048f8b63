/**
 * `latchkey exec NAME -- CMD ARGS…`: runs CMD with the session in its environment (the one place a
 * secret is put in a child's environment, because that is what was asked), AWS_PROFILE removed, and
 * exits with CMD's exit code. Signals reach CMD, which shares the terminal's process group.
 */
import { constants } from 'node:os';
import type { Command } from '../command';
import { LatchkeyError } from '../../shared/errors';
import { sessionFor } from '../session-for';
import { SHADOWING_VARIABLES, sessionVariables } from '../../core/sessions/session-variables';

/**
 * Set by the packaged app's launcher (build/bin/) for this CLI alone: in CMD's environment, Electron
 * apps (VS Code, Slack…) would start as plain Node, and a `latchkey` of another install would take
 * this launcher's path for its own.
 */
const LAUNCHER_VARIABLES = ['ELECTRON_RUN_AS_NODE', 'LATCHKEY_LAUNCHER'];

export const command: Command = {
  options: {},
  positionals: { min: 1, max: 1 },
  takesRest: true,
  async run({ positionals: [name = ''], rest }, io) {
    const session = await sessionFor(name, `exec ${name}`, io);
    const env = { ...io.env, ...sessionVariables(session, session.region) };
    for (const key of [...SHADOWING_VARIABLES, ...LAUNCHER_VARIABLES]) delete env[key];
    const [file = '', ...args] = rest;
    // Loaded here, not with the file: this file is part of every warm credential-process run.
    const { spawn } = await import('node:child_process');
    const child = spawn(file, args, { env, stdio: 'inherit' });
    // The terminal sends Ctrl-C to the whole process group; the child handles it, we wait for it.
    const ignore = () => undefined;
    process.on('SIGINT', ignore);
    try {
      return await new Promise<number>((resolve, reject) => {
        child.once('error', (error: NodeJS.ErrnoException) =>
          reject(new LatchkeyError('invalid-input', error.code === 'ENOENT' ? `command not found: ${file}` : `cannot run ${file}: ${error.message}`)),
        );
        // A child killed by a signal exits like a shell reports it: 128 + the signal's number.
        child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
      });
    } finally {
      process.off('SIGINT', ignore);
    }
  },
};

