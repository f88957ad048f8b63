/**
 * The domain as the settings file, the CLI, the broker and the renderer see it: non-secret metadata
 * only. Secrets (secret access keys, TOTP seeds, sessions) live in the keychain, keyed by these names.
 * Identity and role names share one namespace because `latchkey credential-process NAME` takes either.
 */
import { z } from 'zod';
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

/** A zod refinement that reports the shared validator's own message. */
const rule = <T>(schema: z.ZodType<T>, validator: Validator<T>) =>
  schema.superRefine((value, ctx) => {
    const problem = validator(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

export const NameSchema = rule(z.string(), validateName('name'));
export const ProfileNameSchema = rule(z.string(), validateProfileName);

export const IdentitySchema = z.object({
  name: NameSchema,
  accessKeyId: rule(z.string(), validateAccessKeyId),
  region: rule(z.string(), validateRegion).optional(),
  /** Filled in by "verify" (GetCallerIdentity). */
  accountId: z.string().regex(/^\d{12}$/).optional(),
  arn: z.string().optional(),
  /** An STS endpoint for this identity (private endpoints, tests); the environment's wins. */
  stsEndpoint: rule(z.string(), validateEndpoint).optional(),
});
export type Identity = z.infer<typeof IdentitySchema>;

export const MfaDeviceSchema = z.object({
  name: NameSchema,
  serial: rule(z.string(), validateMfaSerial),
  identity: NameSchema,
  /** A TOTP seed for this device is in the keychain (opt-in: it makes MFA one factor on this machine). */
  hasSeed: z.boolean().default(false),
  /** Use the stored seed to answer MFA without asking. Off by default. */
  autoMfa: z.boolean().default(false),
});
export type MfaDevice = z.infer<typeof MfaDeviceSchema>;

export const RoleSchema = z.object({
  name: NameSchema,
  roleArn: rule(z.string(), validateRoleArn),
  /** An identity name, or another role's name for a chain. */
  source: NameSchema,
  /** The MFA device whose code the role's trust policy requires, if any. */
  mfaDevice: NameSchema.optional(),
  externalId: rule(z.string(), validateExternalId).optional(),
  durationSeconds: rule(z.number(), validateAssumeRoleDuration).optional(),
  sessionName: rule(z.string(), validateSessionName).optional(),
  region: rule(z.string(), validateRegion).optional(),
  /** AssumeRole with the MFA code itself rather than from the identity's cached MFA session. */
  directMfa: z.boolean().default(false),
});
export type Role = z.infer<typeof RoleSchema>;

export const PreferencesSchema = z.object({
  /** The credentials-file profile a chosen role is written into. */
  activeTargetProfile: ProfileNameSchema.default('default'),
  reminderLeadMinutes: z.number().int().min(1).max(120).default(10),
  /** A cached session with less than this left is renewed, never handed out (botocore's advisory window). */
  renewalWindowMinutes: z.number().int().min(1).max(60).default(15),
  mfaSessionSeconds: rule(z.number(), validateSessionTokenDuration).default(LIMITS.sessionTokenSeconds.default),
  roleSessionSeconds: rule(z.number(), validateAssumeRoleDuration).default(LIMITS.assumeRoleSeconds.default),
  stripExpiredKeys: z.boolean().default(false),
  publishRolesUnderOwnName: z.boolean().default(false),
  launchAtLogin: z.boolean().default(false),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
