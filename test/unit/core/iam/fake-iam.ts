/**
 * An in-memory IAM over the FakeSts, for the rotation and enrolment units: access keys per user (at most
 * two, as AWS allows), new keys the FakeSts then accepts, virtual MFA devices enabled only with two
 * consecutive current codes of their seed. A deactivated or deleted key is refused, here and by `sts` (the
 * FakeSts seen through IAM's key states), while sessions made from it stay valid until they expire, as
 * AWS documents ("valid through the expiration period and cannot be revoked"). Callers are authenticated
 * through the FakeSts (a long-term key or an MFA session); a user may require MFA for IAM calls. Every
 * call is recorded; a call can be made to fail once.
 */
import type { Clock } from '../../../../electron/core/clock';
import type { AccessKeyInfo, IamApi, IamCaller, NewAccessKey, NewVirtualMfaDevice } from '../../../../electron/core/iam/iam-api';
import type { StsApi, StsCaller } from '../../../../electron/core/sts/sts-api';
import { totpCode } from '../../../../electron/core/totp/totp-code';
import type { FakeSts, FakeUser } from '../../../fakes/fake-sts';

export const DEVICE_SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export function awsError(name: string, message: string, httpStatusCode = 400): Error {
  return Object.assign(new Error(message), { name, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: { httpStatusCode, attempts: 1 } });
}

interface Device {
  serial: string;
  seed: string;
  user?: string;
}

export class FakeIam implements IamApi {
  readonly calls: { action: string; signedWith: string; input: Record<string, unknown> }[] = [];
  readonly keys = new Map<string, AccessKeyInfo[]>();
  readonly devices = new Map<string, Device>();
  private readonly users = new Map<string, { user: FakeUser; requireMfa: boolean }>();
  private readonly failures = new Map<string, Error>();
  private readonly retired = new Set<string>();
  /** The FakeSts, refusing keys IAM deactivated or deleted. */
  readonly sts: StsApi;

  constructor(
    private readonly fakeSts: FakeSts,
    private readonly clock: Clock,
  ) {
    const checked = <T extends StsCaller>(input: T): T => {
      this.refuseRetired(input);
      return input;
    };
    this.sts = {
      getSessionToken: async (input) => fakeSts.getSessionToken(checked(input)),
      assumeRole: async (input) => fakeSts.assumeRole(checked(input)),
      getCallerIdentity: async (caller) => fakeSts.getCallerIdentity(checked(caller)),
    };
  }

  addUser(user: FakeUser, options: { requireMfa?: boolean; created?: Date } = {}): void {
    this.users.set(user.name, { user, requireMfa: options.requireMfa ?? false });
    this.keys.set(user.name, [{ accessKeyId: user.accessKeyId, status: 'Active', created: options.created ?? new Date(this.clock.now()) }]);
  }

  /** The next call of `action` fails with `error`. */
  failNext(action: string, error: Error): void {
    this.failures.set(action, error);
  }

  async listAccessKeys(input: IamCaller & { userName: string }): Promise<AccessKeyInfo[]> {
    await this.receive('ListAccessKeys', input);
    return [...(this.keys.get(input.userName) ?? [])];
  }

  async createAccessKey(input: IamCaller & { userName: string }): Promise<NewAccessKey> {
    await this.receive('CreateAccessKey', input);
    const keys = this.keys.get(input.userName) ?? [];
    if (keys.length >= 2) throw awsError('LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 409);
    const { user } = this.users.get(input.userName) as { user: FakeUser };
    const created = this.fakeSts.addAccessKey(user);
    const info = { accessKeyId: created.accessKeyId, status: 'Active' as const, created: new Date(this.clock.now()) };
    keys.push(info);
    return { accessKeyId: created.accessKeyId, secretAccessKey: created.secretAccessKey, created: info.created };
  }

  async updateAccessKey(input: IamCaller & { userName: string; accessKeyId: string; status: 'Active' | 'Inactive' }): Promise<void> {
    await this.receive('UpdateAccessKey', input);
    const key = this.key(input.userName, input.accessKeyId);
    key.status = input.status;
    if (input.status === 'Inactive') this.retired.add(input.accessKeyId);
    else this.retired.delete(input.accessKeyId);
  }

  async deleteAccessKey(input: IamCaller & { userName: string; accessKeyId: string }): Promise<void> {
    await this.receive('DeleteAccessKey', input);
    this.key(input.userName, input.accessKeyId);
    this.keys.set(input.userName, (this.keys.get(input.userName) ?? []).filter((key) => key.accessKeyId !== input.accessKeyId));
    this.retired.add(input.accessKeyId);
  }

  async createVirtualMfaDevice(input: IamCaller & { deviceName: string }): Promise<NewVirtualMfaDevice> {
    await this.receive('CreateVirtualMFADevice', input);
    const serial = `arn:aws:iam::${this.fakeSts.account}:mfa/${input.deviceName}`;
    if (this.devices.has(serial)) throw awsError('EntityAlreadyExists', 'MFADevice entity at the same path and name already exists.', 409);
    this.devices.set(serial, { serial, seed: DEVICE_SEED });
    return { serial, seed: DEVICE_SEED };
  }

  async enableMfaDevice(input: IamCaller & { userName: string; serial: string; codes: [string, string] }): Promise<void> {
    await this.receive('EnableMFADevice', input);
    const device = this.devices.get(input.serial);
    if (!device) throw awsError('NoSuchEntity', `VirtualMFADevice with serial number ${input.serial} doesn't exist.`, 404);
    const now = Math.floor(this.clock.now() / 30_000);
    const first = [now - 1, now].find((step) => totpCode(device.seed, step * 30_000).code === input.codes[0]);
    if (first === undefined || totpCode(device.seed, (first + 1) * 30_000).code !== input.codes[1])
      throw awsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.', 403);
    device.user = input.userName;
  }

  async deactivateMfaDevice(input: IamCaller & { userName: string; serial: string }): Promise<void> {
    await this.receive('DeactivateMFADevice', input);
    const device = this.devices.get(input.serial);
    if (device?.user !== input.userName) throw awsError('NoSuchEntity', `MFA Device with serial number ${input.serial} does not exist.`, 404);
    delete device.user;
  }

  async deleteVirtualMfaDevice(input: IamCaller & { serial: string }): Promise<void> {
    await this.receive('DeleteVirtualMFADevice', input);
    this.devices.delete(input.serial);
  }

  /** A long-term key IAM deactivated or deleted signs nothing; its sessions still do. */
  private refuseRetired({ credentials }: StsCaller): void {
    if (credentials.sessionToken === undefined && this.retired.has(credentials.accessKeyId))
      throw awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  }

  private key(userName: string, accessKeyId: string): AccessKeyInfo {
    const key = this.keys.get(userName)?.find((each) => each.accessKeyId === accessKeyId);
    if (!key) throw awsError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`, 404);
    return key;
  }

  /** Records the call, applies a pending failure, authenticates the caller and applies an MFA requirement. */
  private async receive(action: string, input: IamCaller & { userName?: string }): Promise<void> {
    const { credentials, region: _region, ...rest } = input;
    this.calls.push({ action, signedWith: credentials.accessKeyId, input: rest });
    const failure = this.failures.get(action);
    if (failure) {
      this.failures.delete(action);
      throw failure;
    }
    const { arn } = await this.sts.getCallerIdentity({ credentials, region: 'us-east-1' });

    const userName = arn.split('/').pop() as string;
    if (this.users.get(userName)?.requireMfa && credentials.sessionToken === undefined)
      throw awsError('AccessDenied', `User: ${arn} is not authorized to perform: iam:${action} with an explicit deny in an identity-based policy`, 403);
    if (rest.userName !== undefined && rest.userName !== userName) throw awsError('AccessDenied', `User: ${arn} is not authorized to perform: iam:${action} on resource: user ${rest.userName}`, 403);
  }
}
