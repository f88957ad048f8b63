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
  async run({ positionals: [name = ''] }, io) {
    const session = await sessionFor(name, `credential_process ${name}`, io);
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
