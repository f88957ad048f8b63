/**
 * What every credential provider hands out. Providers share one interface; caching, single flight and
 * renewal wrap a provider rather than live inside it.
 */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Absent for an identity's long-term key. */
  sessionToken?: string;
  /** Absent for an identity's long-term key. */
  expiration?: Date;
}

/**
 * A session: credentials with a token and an expiry. The one session type of core, the broker and the
 * CLI; caches hold only these, never long-term keys.
 */
export interface Session extends Credentials {
  sessionToken: string;
  expiration: Date;
}

export interface CredentialProvider {
  /** What produced these credentials, stable across processes: the cache and lock key. */
  readonly key: string;
  retrieve(): Promise<Credentials>;
}
