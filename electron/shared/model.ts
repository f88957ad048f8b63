/**
 * The domain as the settings file, the CLI, the broker and the renderer see it: non-secret metadata
 * only. Secrets (secret access keys, TOTP seeds, sessions) live in the keychain, keyed by these names.
 * Identity and role names share one namespace because `latchkey credential-process NAME` takes either.
 * valibot rather than zod: it loads in a fraction of the time, which the CLI's warm path needs.
 */
import * as v from 'valibot';
import {
  LIMITS,
  validateAccessKeyId,
  validateAssumeRoleDuration,
  validateEndpoint,
  validateExternalId,
  validateMfaSerial,
  validateName,
  validateProfileName,
  validateRegion,
  validateRoleArn,
  validateSessionName,
  validateSessionTokenDuration,
  type Validator,
} from './validation';

/** A check that reports the shared validator's own message. */
const rule = <T>(validator: Validator<T>) =>
  v.check<T, (issue: v.CheckIssue<T>) => string>(
    (value) => validator(value) === undefined,
    (issue) => validator(issue.input) ?? '',
  );
const text = (validator: Validator) => v.pipe(v.string(), rule(validator));
const seconds = (validator: Validator<number>) => v.pipe(v.number(), rule(validator));

export const NameSchema = text(validateName('name'));
export const ProfileNameSchema = text(validateProfileName);

export const IdentitySchema = v.strictObject({
  name: NameSchema,
  accessKeyId: text(validateAccessKeyId),
  region: v.optional(text(validateRegion)),
  /** Filled in by "verify" (GetCallerIdentity). */
  accountId: v.optional(v.pipe(v.string(), v.regex(/^\d{12}$/, 'account id must be 12 digits'))),
  arn: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  /** An STS endpoint for this identity (private endpoints, tests); the environment's wins. */
  stsEndpoint: v.optional(text(validateEndpoint)),
  /**
   * When IAM created the access key (ISO 8601), as ListAccessKeys or CreateAccessKey said when the key
   * was added, verified or rotated: its age is what the key-age reminder counts. Absent when unknown.
   */
  keyCreated: v.optional(v.pipe(v.string(), v.isoTimestamp('the key creation date must be an ISO 8601 timestamp'))),
});
export type Identity = v.InferOutput<typeof IdentitySchema>;

export const MfaDeviceSchema = v.strictObject({
  name: NameSchema,
  serial: text(validateMfaSerial),
  identity: NameSchema,
  /** A TOTP seed for this device is in the keychain (opt-in: it makes MFA one factor on this machine). */
  hasSeed: v.optional(v.boolean(), false),
  /** Use the stored seed to answer MFA without asking. Off by default. */
  autoMfa: v.optional(v.boolean(), false),
});
export type MfaDevice = v.InferOutput<typeof MfaDeviceSchema>;

export const RoleSchema = v.strictObject({
  name: NameSchema,
  roleArn: text(validateRoleArn),
  /** An identity name, or another role's name for a chain. */
  source: NameSchema,
  /** The MFA device whose code the role's trust policy requires, if any. */
  mfaDevice: v.optional(NameSchema),
  externalId: v.optional(text(validateExternalId)),
  durationSeconds: v.optional(seconds(validateAssumeRoleDuration)),
  sessionName: v.optional(text(validateSessionName)),
  region: v.optional(text(validateRegion)),
  /** AssumeRole with the MFA code itself rather than from the identity's cached MFA session. */
  directMfa: v.optional(v.boolean(), false),
});
export type Role = v.InferOutput<typeof RoleSchema>;

const wholeNumber = (field: string, min: number, max: number) =>
  v.pipe(v.number(), v.integer(`${field} must be a whole number`), v.minValue(min, `${field} must be at least ${min}`), v.maxValue(max, `${field} must be at most ${max}`));

export const PreferencesSchema = v.strictObject({
  /** The credentials-file profile a chosen role is written into. */
  activeTargetProfile: v.optional(ProfileNameSchema, 'default'),
  reminderLeadMinutes: v.optional(wholeNumber('reminder lead time (minutes)', 1, 120), 10),
  /**
   * A cached session with less than this left is renewed, never handed out. At least botocore's advisory
   * window (15 min), so AWS tools never get credentials they would refresh at once.
   */
  renewalWindowMinutes: v.optional(wholeNumber('renewal window (minutes)', 15, 60), 15),
  mfaSessionSeconds: v.optional(seconds(validateSessionTokenDuration), LIMITS.sessionTokenSeconds.default),
  roleSessionSeconds: v.optional(seconds(validateAssumeRoleDuration), LIMITS.assumeRoleSeconds.default),
  stripExpiredKeys: v.optional(v.boolean(), false),
  publishRolesUnderOwnName: v.optional(v.boolean(), false),
  launchAtLogin: v.optional(v.boolean(), false),
  /** An access key older than this many days gets a reminder to rotate it (AWS's advice is 90); 0 turns it off. */
  keyAgeDays: v.optional(wholeNumber('key age limit (days)', 0, 3650), 90),
  /**
   * "Open console" uses a browser profile of its own per identity or role (Chromium or Chrome with a
   * `--user-data-dir` in Latchkey's folder), so two accounts never share console cookies.
   */
  consoleBrowserProfiles: v.optional(v.boolean(), false),
  /**
   * "Open console" opens each identity or role in a Firefox container of its name, through the add-on
   * "Open external links in a container" (its `ext+container:` URLs), so two accounts never share console
   * cookies. With `consoleBrowserProfiles` on too, containers win.
   */
  consoleFirefoxContainers: v.optional(v.boolean(), false),
});
export type Preferences = v.InferOutput<typeof PreferencesSchema>;

/**
 * A profile Latchkey wrote, and so owns: session keys in the credentials file (`published`), or a
 * `credential_process` line in the config file (`processProfiles`). Latchkey overwrites or removes only
 * what is recorded here (SPEC §4, ownership).
 */
export const PublishedProfileSchema = v.strictObject({
  profile: ProfileNameSchema,
  source: NameSchema,
  /** Latchkey also added the profile's `region` line (config file), so unpublishing removes it too. */
  addedRegion: v.optional(v.literal(true)),
  /**
   * A digest of what Latchkey wrote (the session's key id, or the credential_process line), so a profile
   * another tool or the person has rewritten since is no longer taken for Latchkey's. Not a secret.
   */
  fingerprint: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'fingerprint must be 16 hex digits'))),
});
export type PublishedProfile = v.InferOutput<typeof PublishedProfileSchema>;

export const SETTINGS_SCHEMA_VERSION = 1;

/** Every object is strict: a key the schema does not know is refused, so a secret can never be stored here by mistake. */
export const SettingsSchema = v.strictObject({
  schemaVersion: v.literal(SETTINGS_SCHEMA_VERSION),
  identities: v.optional(v.array(IdentitySchema), []),
  mfaDevices: v.optional(v.array(MfaDeviceSchema), []),
  roles: v.optional(v.array(RoleSchema), []),
  preferences: v.optional(PreferencesSchema, {}),
  published: v.optional(v.array(PublishedProfileSchema), []),
  processProfiles: v.optional(v.array(PublishedProfileSchema), []),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;
