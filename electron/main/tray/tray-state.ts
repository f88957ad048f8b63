/**
 * Everything the tray shows, gathered by the composition root from the settings, the session engine
 * and the clock. The menu, icon and tooltip are pure functions of it and the time.
 */
export interface TrayState {
  /** Empty until the person adds an identity: the menu then offers to add one. */
  identities: TrayIdentity[];
  /** The name whose session is in the active target profile. */
  active?: { name: string; expiration: Date };
  /** When the cached or published session of each identity and role name expires. */
  expirations: Readonly<Record<string, Date>>;
  /** A session with less left than this is "expiring" (the reminder lead time preference). */
  reminderLeadMinutes: number;
  launchAtLogin: boolean;
  /** Live credential endpoints (`exec --server`, `serve`) registered with the app's broker. */
  grants: readonly TrayGrant[];
}

export interface TrayGrant {
  id: string;
  name: string;
  requester: string;
  since: Date;
}

export interface TrayIdentity {
  name: string;
  /** The IAM user name from the identity's ARN, once verified. */
  userName?: string;
  accountId?: string;
  /** Roles whose sessions come from this identity, directly or through a chain. */
  roles: string[];
  /** The current codes of this identity's MFA devices with a stored seed. */
  mfaCodes: TrayMfaCode[];
}

export interface TrayMfaCode {
  device: string;
  code: string;
  /** Until the code changes. */
  secondsLeft: number;
}
