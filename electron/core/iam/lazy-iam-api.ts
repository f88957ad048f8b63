/** The IAM port for composition roots: loads the AWS SDK on the first call, not before. */
import type { Env } from '../sts/sts-endpoint';
import type { IamApi } from './iam-api';

export function lazyIamApi(env: Env): IamApi {
  let loaded: Promise<IamApi> | undefined;
  const iam = () => (loaded ??= import('./create-iam-api').then(({ createIamApi }) => createIamApi(env)));
  return {
    listAccessKeys: async (input) => (await iam()).listAccessKeys(input),
    createAccessKey: async (input) => (await iam()).createAccessKey(input),
    updateAccessKey: async (input) => (await iam()).updateAccessKey(input),
    deleteAccessKey: async (input) => (await iam()).deleteAccessKey(input),
    createVirtualMfaDevice: async (input) => (await iam()).createVirtualMfaDevice(input),
    enableMfaDevice: async (input) => (await iam()).enableMfaDevice(input),
    deactivateMfaDevice: async (input) => (await iam()).deactivateMfaDevice(input),
    deleteVirtualMfaDevice: async (input) => (await iam()).deleteVirtualMfaDevice(input),
  };
}
