/**
 * The credential endpoint `exec --server` and `serve` run for one name, in this process: its sessions
 * come from the running app or agent (so MFA is asked there, and LATCHKEY_BROKER reaches a laptop's app
 * over SSH or into a container) or, with none running, from this process's own engine. The grant is
 * made before anything starts, so the first MFA prompt comes now, not inside a tool's 1-second wait.
 */
import type { CredentialEndpoint, IssuedGrant } from '../core/endpoint/credential-endpoint';
import { awsFilePaths } from '../core/aws-files/aws-file-path';
import { readAwsFile } from '../core/aws-files/read-aws-file';
import { findsCredentials } from '../core/sessions/profile-ownership';
import { check, validateName } from '../shared/validation';
import type { Io } from './io';

// exec --server needs both, from the one file it loads.
export { endpointEnvironment } from '../core/endpoint/endpoint-environment';
import { print } from './io';
import { sessionFor } from './session-for';

export async function serveEndpoint(name: string, requester: string, io: Io, port?: number): Promise<{ endpoint: CredentialEndpoint; grant: IssuedGrant }> {
  check(validateName('name'), name);
  const { startEndpoint } = await import('../core/endpoint/credential-endpoint');
  const endpoint = await startEndpoint({ port, credentials: (entry, who) => sessionFor(entry, who, io) });
  try {
    const grant = await endpoint.grant(name, requester);
    await warnIfDefaultWins(name, io);
    return { endpoint, grant };
  } catch (error) {
    await endpoint.close();
    throw error;
  }
}

/**
 * AWS tools read the profile files before the endpoint: credentials of the default profile (a session
 * `latchkey use` wrote, a long-term key, a credential_process) would be used instead of NAME's.
 */
async function warnIfDefaultWins(name: string, io: Io): Promise<void> {
  const paths = awsFilePaths(io.env);
  const [credentials, config] = await Promise.all([readAwsFile(paths.credentials, 'credentials'), readAwsFile(paths.config, 'config')]);
  if (findsCredentials('default', credentials, config))
    print(
      io.stderr,
      `latchkey: the default profile in your AWS files has credentials of its own, which AWS tools use before the endpoint, so they would not get ${name}'s session; ` +
        'remove them (`latchkey unpublish default` if Latchkey wrote them), or give the tools AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE without them',
    );
}
