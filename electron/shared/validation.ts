/**
 * The one set of input rules, shared by the CLI, the engine and the settings window, so every front end
 * gives the same message for the same mistake. Each validator returns a message naming the field and
 * what is allowed, or undefined when the value is fine; `check` turns a message into a thrown error.
 */
import { LatchkeyError } from './errors';
import { NAME_PATTERN } from './name-rule';

export type Validator<T = string> = (value: T) => string | undefined;

export const LIMITS = {
  sessionTokenSeconds: { min: 900, max: 129_600, default: 43_200 },
  assumeRoleSeconds: { min: 900, max: 43_200, default: 3_600 },
  /** AWS caps a session assumed from another role's session at one hour. */
  roleChainSeconds: 3_600,
} as const;

const ACCESS_KEY_ID = /^AKIA[A-Z0-9]{12,124}$/;
const SECRET_ACCESS_KEY = /^[A-Za-z0-9/+=]{16,128}$/;
const PARTITION = 'aws(?:-cn|-us-gov|-iso(?:-[a-z])?)?';
const ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}$`);
const MFA_ARN = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:mfa/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}$`);
const HARDWARE_MFA_SERIAL = /^[A-Z0-9]{9,256}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const TOKEN_CODE = /^\d{6}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

const show = (value: string): string => JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);

export const validateName =
  (field: string): Validator =>
  (value) =>
    NAME_PATTERN.test(value)
      ? undefined
      : `${field} ${show(value)} is not allowed: use 1-128 of the characters A-Z a-z 0-9 _ . @ + % : / -`;

export const validateProfileName: Validator = validateName('profile name');

export const validateAccessKeyId: Validator = (value) =>
  ACCESS_KEY_ID.test(value)
    ? undefined
    : 'access key id must be a long-term key id: AKIA followed by upper-case letters and digits (e.g. AKIAIOSFODNN7EXAMPLE)';

/** Never echoes the value: it is a secret. */
export const validateSecretAccessKey: Validator = (value) =>
  SECRET_ACCESS_KEY.test(value)
    ? undefined
    : 'secret access key must be 16-128 characters of A-Z a-z 0-9 / + = (check for stray spaces or a truncated paste)';

export const validateRoleArn: Validator = (value) =>
  ROLE_ARN.test(value) ? undefined : `role ARN ${show(value)} must look like arn:aws:iam::123456789012:role/NAME`;

export const validateMfaSerial: Validator = (value) =>
  MFA_ARN.test(value) || HARDWARE_MFA_SERIAL.test(value)
    ? undefined
    : `MFA serial ${show(value)} must look like arn:aws:iam::123456789012:mfa/NAME (or a hardware token serial)`;

export const validateSessionName: Validator = (value) =>
  SESSION_NAME.test(value)
    ? undefined
    : `session name ${show(value)} must be 2-64 characters of A-Z a-z 0-9 _ + = , . @ -`;

export const validateExternalId: Validator = (value) =>
  EXTERNAL_ID.test(value)
    ? undefined
    : `external id must be 2-1224 characters of A-Z a-z 0-9 _ + = , . @ : / -`;

/** Never echoes the value: a code is a secret for the 30 seconds it is valid. */
export const validateTokenCode: Validator = (value) =>
  TOKEN_CODE.test(value) ? undefined : 'MFA code must be exactly 6 digits';

export const validateRegion: Validator = (value) =>
  REGION.test(value) ? undefined : `region ${show(value)} must look like us-east-1`;

export const validateEndpoint: Validator = (value) => {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return undefined;
  } catch {
    // fall through to the message
  }
  return `endpoint ${show(value)} must be an http(s) URL`;
};

const validateSeconds =
  (field: string, min: number, max: number): Validator<number> =>
  (value) =>
    Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `${field} must be a whole number of seconds from ${min} to ${max} (got ${value})`;

export const validateSessionTokenDuration = validateSeconds(
  'MFA session duration',
  LIMITS.sessionTokenSeconds.min,
  LIMITS.sessionTokenSeconds.max,
);
export const validateAssumeRoleDuration = validateSeconds(
  'role duration',
  LIMITS.assumeRoleSeconds.min,
  LIMITS.assumeRoleSeconds.max,
);

/** Throws the validator's message as an invalid-input error; returns the value when it is fine. */
export function check<T>(validator: Validator<T>, value: T): T {
  const problem = validator(value);
  if (problem !== undefined) throw new LatchkeyError('invalid-input', problem);
  return value;
}
