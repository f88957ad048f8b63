/**
 * The moto world most integration suites start from: moto's server, the IAM user alice with an access
 * key and an inline policy allowing sts:AssumeRole (which moto evaluates once auth is on), and roles
 * that trust her. A suite that needs more in IAM (another user, an external id, a second key) adds it
 * through `iam` before turning auth on: the IAM client signs with a made-up key that fails after that.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import { startMoto, type Moto } from './moto';
import { ALLOW_ASSUME_ROLE, createRole, createUser, iamClient, type AccessKey } from './moto-iam';

export interface MotoWorld extends Moto {
  iam: IAMClient;
  alice: AccessKey;
}

export interface MotoWorldOptions {
  /** Roles alice may assume (default: dev). */
  roles?: readonly string[];
  /** Turns request authentication on once the world exists. */
  auth?: boolean;
}

export async function startMotoWorld(options: MotoWorldOptions = {}): Promise<MotoWorld> {
  const moto = await startMoto();
  try {
    const iam = iamClient(moto.url);
    const alice = await createUser(iam, 'alice', ALLOW_ASSUME_ROLE);
    for (const role of options.roles ?? ['dev']) await createRole(iam, role, ['alice']);
    if (options.auth) await moto.enableAuth();
    return { ...moto, iam, alice };
  } catch (error) {
    await moto.stop();
    throw error;
  }
}
