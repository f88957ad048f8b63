/**
 * `latchkey exec NAME -- CMD ARGS…`: runs CMD with the session in its environment (the one place a
 * secret is put in a child's environment, because that is what was asked), AWS_PROFILE removed. CMD
 * behaves as if run by itself: it gets the signals latchkey gets, and latchkey ends as CMD ended
 * (run-child.ts).
 */
import type { Command } from '../command';
import { runChild } from '../run-child';
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
  help: {
    arguments: {
      NAME: 'the identity or role to get a session for',
      'CMD [ARGS…]': 'the command to run, after --; it gets the signals latchkey gets, and latchkey exits as it does',
    },
    examples: ['latchkey exec dev -- aws s3 ls', 'latchkey exec prod-admin -- terraform plan'],
  },
  async run({ positionals: [name = ''], rest }, io) {
    const { session, region } = await sessionFor(name, `exec ${name}`, io);
    const env = { ...io.env, ...sessionVariables(session, region) };
    for (const key of [...SHADOWING_VARIABLES, ...LAUNCHER_VARIABLES]) delete env[key];
    const [file = '', ...args] = rest;
    return runChild(file, args, env);
  },
};
