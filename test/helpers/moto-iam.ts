/** IAM set-up against moto: users with access keys and policies, and roles they may assume. */
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';

export const ACCOUNT = '123456789012';

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The ARN of a role in moto's account. */
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** The serial of a user's virtual MFA device (moto checks neither it nor the codes). */
export const mfaSerial = (user: string) => `arn:aws:iam::${ACCOUNT}:mfa/${user}`;

/** Any key signs IAM calls while moto's auth is still off. */
export function iamClient(endpoint: string): IAMClient {
  return new IAMClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  });
}

/** An IAM user with an access key and, optionally, an inline policy. */
export async function createUser(iam: IAMClient, name: string, policy?: object): Promise<AccessKey> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  if (policy) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'policy', PolicyDocument: JSON.stringify(policy) }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  if (!AccessKey?.AccessKeyId || !AccessKey.SecretAccessKey) throw new Error(`moto created no access key for ${name}`);
  return { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey };
}

/** A role the given users may assume, with an optional sts:ExternalId condition. Returns its ARN. */
export async function createRole(iam: IAMClient, name: string, users: string[], externalId?: string): Promise<string> {
  const trust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        // moto matches principals exactly (user ARNs), not an account's root.
        Principal: { AWS: users.map((user) => `arn:aws:iam::${ACCOUNT}:user/${user}`) },
        Action: 'sts:AssumeRole',
        ...(externalId ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } } : {}),
      },
    ],
  };
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }));
  if (!Role?.Arn) throw new Error(`moto created no role ${name}`);
  return Role.Arn;
}

export const ALLOW_ASSUME_ROLE = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };

