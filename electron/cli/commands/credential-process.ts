/**
 * `latchkey credential-process NAME`: the AWS CLI's and SDKs' credential_process protocol. stdout holds
 * exactly one JSON object and a newline; everything else goes to stderr.
 */
import type { Command } from '../command';
import { print } from '../io';
import { sessionFor } from '../session-for';

export const command: Command = {
  options: {},
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'the identity or role to get a session for' },
    examples: ['credential_process = latchkey credential-process dev   # in ~/.aws/config, under [profile dev]', 'latchkey credential-process dev'],
  },
  async run({ positionals: [name = ''] }, io) {
    const { session } = await sessionFor(name, `credential_process ${name}`, io);
    print(
      io.stdout,
      JSON.stringify({
        Version: 1,
        AccessKeyId: session.accessKeyId,
        SecretAccessKey: session.secretAccessKey,
        SessionToken: session.sessionToken,
        Expiration: session.expiration.toISOString(),
      }),
    );
    return 0;
  },
};
