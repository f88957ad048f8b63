/**
 * A provider's cache key: its kind and everything that shaped the session, in a fixed order. JSON keeps
 * it unambiguous (ARN paths may hold `,` and `=`); absent fields drop out.
 */
export function providerKey(kind: string, fields: Record<string, string | number | undefined>): string {
  return `${kind}${JSON.stringify(fields)}`;
}
