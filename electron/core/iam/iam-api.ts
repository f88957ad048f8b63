/**
 * The IAM port: the calls key rotation and MFA enrolment make, with plain inputs and the caller's
 * credentials. The real implementation (create-iam-api.ts) loads the AWS SDK, so code reaches it
 * through lazy-iam-api.ts. Failures are thrown as IAM reported them, with where the call went;
 * iam-errors.ts turns them into messages for people.
 */
import type { Credentials } from '../sts/credentials';

export interface IamCaller {
  /** The credentials that sign the call: a long-term key, or an MFA session (GetSessionToken with MFA). */
  credentials: Credentials;
  /** Picks the partition's IAM endpoint (IAM is global) when no endpoint is configured. */
  region: string;
}

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKeyInfo {
  accessKeyId: string;
  status: AccessKeyStatus;
  /** When IAM created the key. */
  created?: Date;
}

export interface NewAccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  created?: Date;
}

export interface NewVirtualMfaDevice {
  serial: string;
  /** The TOTP seed, Base32: shown once, by this answer only. */
  seed: string;
}

export interface IamApi {
  listAccessKeys(input: IamCaller & { userName: string }): Promise<AccessKeyInfo[]>;
  createAccessKey(input: IamCaller & { userName: string }): Promise<NewAccessKey>;
  updateAccessKey(input: IamCaller & { userName: string; accessKeyId: string; status: AccessKeyStatus }): Promise<void>;
  deleteAccessKey(input: IamCaller & { userName: string; accessKeyId: string }): Promise<void>;
  createVirtualMfaDevice(input: IamCaller & { deviceName: string }): Promise<NewVirtualMfaDevice>;
  /** Assigns the device to the user; AWS checks that the two codes are consecutive codes of its seed. */
  enableMfaDevice(input: IamCaller & { userName: string; serial: string; codes: [string, string] }): Promise<void>;
  deactivateMfaDevice(input: IamCaller & { userName: string; serial: string }): Promise<void>;
  deleteVirtualMfaDevice(input: IamCaller & { serial: string }): Promise<void>;
}
