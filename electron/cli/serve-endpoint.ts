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
import { BROKER_PROTOCOL } from '../shared/broker-contract';
import { isLatchkeyError, LatchkeyError } from '../shared/errors';
import { check, validateName } from '../shared/validation';
import { askTheBroker } from './ask-the-broker';
import type { Io } from './io';

// exec --server needs both, from the one file it loads.
export { endpointEnvironment } from '../core/endpoint/endpoint-environment';
import { print } from './io';
import { sessionFor } from './session-for';

export interface ServedEndpoint {
  grant: IssuedGrant;
  /** Stops serving and tells the broker the grant has ended. */
  close(): Promise<void>;
}

export async function serveEndpoint(name: string, requester: string, io: Io, port?: number): Promise<ServedEndpoint> {
  check(validateName('name'), name);
  // Registered with a running broker first, so the tray and `latchkey status` show it and the tray can revoke it.
  const registered = await askTheBroker(io, { type: 'grant', protocol: BROKER_PROTOCOL, name, requester });
  if (registered && !registered.ok) throw new LatchkeyError('broker', registered.error.message);
  const brokerGrant = registered && 'grant' in registered ? registered.grant : undefined;
  const release = async () => {
    if (brokerGrant) await askTheBroker(io, { type: 'release', protocol: BROKER_PROTOCOL, grant: brokerGrant }).catch(() => undefined);
  };

  const { startEndpoint } = await import('../core/endpoint/credential-endpoint');
  let grant: IssuedGrant | undefined;
  const endpoint: CredentialEndpoint = await startEndpoint({
    port,
    credentials: (entry, who) =>
      sessionFor(entry, who, io, brokerGrant).catch((error: unknown) => {
        // Revoked in the tray: the tool is refused from now on, not only this once.
        if (isLatchkeyError(error) && error.code === 'revoked' && grant) endpoint.revoke(grant.id);
        throw error;
      }),
  });
  try {
    grant = await endpoint.grant(name, requester);
    await warnIfDefaultWins(name, io);
  } catch (error) {
    await endpoint.close();
    await release();
    throw error;
  }
  return { grant, close: async () => (await endpoint.close(), await release()) };
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
