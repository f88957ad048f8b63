/**
 * The IAM port, saying each call before it is made: the settings window shows these lines while a key
 * rotation or an enrolment runs (core decides the calls; this only names them). Key ids are masked, as
 * everywhere in the window; names and serials are not secret.
 */
import { maskAccessKeyId } from '../../shared/mask';
import type { IamApi } from '../../core/iam/iam-api';
import type { Say } from './task-progress';

export function announcedIam(iam: IamApi, say: Say): IamApi {
  return {
    listAccessKeys: (input) => {
      say(`Checking the access keys of IAM user ${input.userName}…`);
      return iam.listAccessKeys(input);
    },
    createAccessKey: async (input) => {
      say(`Creating a new access key for IAM user ${input.userName}…`);
      const created = await iam.createAccessKey(input);
      say(`Created ${maskAccessKeyId(created.accessKeyId)}: storing it in the keychain and checking that AWS accepts it…`);
      return created;
    },
    updateAccessKey: (input) => {
      say(`${input.status === 'Inactive' ? 'Deactivating' : 'Activating'} access key ${maskAccessKeyId(input.accessKeyId)}…`);
      return iam.updateAccessKey(input);
    },
    deleteAccessKey: (input) => {
      say(`Deleting access key ${maskAccessKeyId(input.accessKeyId)}…`);
      return iam.deleteAccessKey(input);
    },
    createVirtualMfaDevice: (input) => {
      say(`Creating the virtual MFA device ${input.deviceName}…`);
      return iam.createVirtualMfaDevice(input);
    },
    enableMfaDevice: (input) => {
      say(`Assigning ${input.serial} to IAM user ${input.userName} with two codes from its seed…`);
      return iam.enableMfaDevice(input);
    },
    deactivateMfaDevice: (input) => {
      say(`Taking ${input.serial} back from IAM user ${input.userName}…`);
      return iam.deactivateMfaDevice(input);
    },
    deleteVirtualMfaDevice: (input) => {
      say(`Deleting the virtual MFA device ${input.serial}…`);
      return iam.deleteVirtualMfaDevice(input);
    },
  };
}
