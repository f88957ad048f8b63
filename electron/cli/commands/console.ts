/**
 * `latchkey console NAME [--service SERVICE] [--region REGION] [--print]`: the AWS console signed in as
 * NAME's session (core/console): a role's session as it is, an identity's through a federation token.
 * The sign-in URL is a credential: it goes to stdout with --print, else to the browser through a
 * one-shot loopback redirect (the browser's command line holds only that), and never to stderr; what
 * is said about it there never holds it. Without --print the command waits until the browser fetched
 * the redirect (or its deadline passed), saying so on stderr, since the redirect lives in this process.
 */
import { systemClock } from '../../core/clock';
import { systemOpener, type OpenedIn } from '../../core/console/browser-opener';
import { consoleSignIn, openConsole, type ConsoleDeps } from '../../core/console/open-console';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';
import { sessionFor } from '../session-for';

const OPENED_IN: Record<OpenedIn, string> = {
  'default-browser': 'the default browser',
  'browser-profile': 'its own browser profile',
  'firefox-container': 'its own Firefox container',
};

export const command: Command = {
  options: {
    service: { type: 'string', value: 'SERVICE', help: 'the console page to open (the console home when left out)', example: 's3' },
    region: { type: 'string', value: 'REGION', help: 'the region the console shows (the one NAME uses when left out)', example: 'eu-west-1' },
    print: {
      type: 'boolean',
      default: false,
      help: 'print the sign-in URL on stdout instead of opening a browser: it signs anyone in for 15 minutes, so hand it on with care',
    },
  },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'a role (its session, as credential-process gets it) or an identity (a federation token from its key, without MFA)' },
    examples: ['latchkey console prod-admin', 'latchkey console prod-readonly --service s3 --region eu-west-1', 'latchkey console dev --print | xclip'],
  },
  async run({ positionals: [name = ''], values }, io) {
    const context = new CliContext(io);
    const request = { name, service: values.service as string | undefined, region: values.region as string | undefined };
    const deps: ConsoleDeps = {
      settings: context.settings,
      keychain: context.keychain(),
      sts: context.sts(),
      clock: systemClock,
      env: io.env,
      session: async (role) => (await sessionFor(role, `console ${role}`, io)).session,
    };
    if (values.print) {
      const { url, notice } = await consoleSignIn(deps, request);
      if (notice) context.notice(notice);
      print(io.stdout, url);
      return 0;
    }
    const { openedIn, notice } = await openConsole({ ...deps, opener: systemOpener(io.env), waiting: context.notice }, request);
    if (notice) context.notice(notice);
    print(io.stdout, `opened the AWS console as "${name}" in ${OPENED_IN[openedIn]}`);
    return 0;
  },
};
