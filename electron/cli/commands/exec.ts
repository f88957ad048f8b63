/**
 * `latchkey exec NAME -- CMD ARGS…`: runs CMD with the session in its environment (the one place a
 * secret is put in a child's environment, because that is what was asked), AWS_PROFILE removed. With
 * `--server`, CMD gets no keys but a local credential endpoint to ask (serve-endpoint.ts), so a
 * long-running tool refreshes its own credentials for as long as it runs; the grant ends with CMD. CMD
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
  options: {
    server: {
      type: 'boolean',
      default: false,
      help: 'give CMD a local credential endpoint instead of keys: AWS SDKs and CLIs refresh from it for as long as CMD runs',
    },
  },
  positionals: { min: 1, max: 1 },
  takesRest: true,
  help: {
    arguments: {
      NAME: 'the identity or role to get a session for',
      'CMD [ARGS…]': 'the command to run, after --; it gets the signals latchkey gets, and latchkey exits as it does',
    },
    examples: ['latchkey exec dev -- aws s3 ls', 'latchkey exec prod-admin -- terraform plan', 'latchkey exec --server prod-admin -- terraform apply   # runs for hours, never expires'],
  },
  async run({ positionals: [name = ''], values, rest }, io) {
    const [file = '', ...args] = rest;
    const requester = `exec ${name}`;
    if (values.server) {
      // Loaded only here: plain exec and the warm credential-process path share this file's bundle.
      const { serveEndpoint, endpointEnvironment } = await import('../serve-endpoint');
      const { grant, close } = await serveEndpoint(name, requester, io);
      const env = endpointEnvironment(io.env, grant);
      for (const key of LAUNCHER_VARIABLES) delete env[key];
      try {
        return await runChild(file, args, env);
      } finally {
        await close();
      }
    }
    const { session, region } = await sessionFor(name, requester, io);
    const env = { ...io.env, ...sessionVariables(session, region) };
    for (const key of [...SHADOWING_VARIABLES, ...LAUNCHER_VARIABLES]) delete env[key];
    return runChild(file, args, env);
  },
};
