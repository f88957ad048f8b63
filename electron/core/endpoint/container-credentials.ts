/**
 * A session as the container credentials protocol carries it: the JSON botocore's ContainerProvider and
 * the JavaScript SDK's fromHttp/fromContainerMetadata read. All four fields are required strings in
 * both; Expiration is RFC 3339 in UTC (the JavaScript SDK parses it strictly, botocore with dateutil).
 */
import type { Session } from '../sts/credentials';

export function containerCredentials(session: Session): string {
  return JSON.stringify({
    AccessKeyId: session.accessKeyId,
    SecretAccessKey: session.secretAccessKey,
    Token: session.sessionToken,
    Expiration: session.expiration.toISOString(),
  });
}
