/**
 * Where a grant is served: `/credentials/ID`, one path per grant. The id says which token to compare
 * with (one constant-time comparison, not one per grant); the token, not the path, is the secret.
 */
const PREFIX = '/credentials/';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function grantPath(id: string): string {
  return `${PREFIX}${id}`;
}

/** The grant id of a request target, exactly `/credentials/ID`: no query, no absolute form, no dot segments. */
export function grantIdFromPath(target: string): string | undefined {
  if (!target.startsWith(PREFIX)) return undefined;
  const id = target.slice(PREFIX.length);
  return ID.test(id) ? id : undefined;
}
