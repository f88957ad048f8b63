/** The environment variables AWS tools read a session from, as `exec` sets them and `env` prints them. */
import type { CliSession } from './session-for';

export function sessionVariables(session: CliSession): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: session.accessKeyId,
    AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
    AWS_SESSION_TOKEN: session.sessionToken,
    AWS_CREDENTIAL_EXPIRATION: session.expiration.toISOString(),
    ...(session.region ? { AWS_REGION: session.region, AWS_DEFAULT_REGION: session.region } : {}),
  };
}

/** AWS_PROFILE would make tools look for that profile instead of using the variables. */
export const SHADOWING_VARIABLES = ['AWS_PROFILE'];
