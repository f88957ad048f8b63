/**
 * The real IAM, over @aws-sdk/client-iam. Load it with `await import()` (lazy-iam-api.ts does): the
 * CLI's build puts it in a file of its own, so only the commands that call IAM load it. Every call is
 * bounded as core/sts/sdk-call.ts says.
 */
import {
  CreateAccessKeyCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { boundedCall, sdkClientConfig, unreadable } from '../sts/sdk-call';
import type { Env } from '../sts/sts-endpoint';
import type { IamApi, IamCaller } from './iam-api';
import { globalIamEndpoint, iamEndpoint } from './iam-endpoint';

export function createIamApi(env: Env): IamApi {
  function withClient<T>(caller: IamCaller, call: (client: IAMClient, abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const endpoint = iamEndpoint(env);
    const client = new IAMClient(sdkClientConfig(caller, endpoint));
    return boundedCall(client, endpoint ?? globalIamEndpoint(caller.region), call);
  }

  return {
    listAccessKeys: ({ userName, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        const output = await client.send(new ListAccessKeysCommand({ UserName: userName }), { abortSignal });
        return (output.AccessKeyMetadata ?? []).map((key) => {
          if (!key.AccessKeyId || (key.Status !== 'Active' && key.Status !== 'Inactive')) throw unreadable('an access key without an id or status in it');
          return { accessKeyId: key.AccessKeyId, status: key.Status, created: key.CreateDate };
        });
      }),

    createAccessKey: ({ userName, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        const { AccessKey: key } = await client.send(new CreateAccessKeyCommand({ UserName: userName }), { abortSignal });
        if (!key?.AccessKeyId || !key.SecretAccessKey) throw unreadable('no access key in it');
        return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey, created: key.CreateDate };
      }),

    updateAccessKey: ({ userName, accessKeyId, status, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        await client.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId, Status: status }), { abortSignal });
      }),

    deleteAccessKey: ({ userName, accessKeyId, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        await client.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId }), { abortSignal });
      }),

    createVirtualMfaDevice: ({ deviceName, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        const { VirtualMFADevice: device } = await client.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: deviceName }), { abortSignal });
        // The SDK hands the seed over as the bytes of its Base32 text.
        const seed = device?.Base32StringSeed ? Buffer.from(device.Base32StringSeed).toString('ascii') : undefined;
        if (!device?.SerialNumber || !seed) throw unreadable('no device serial and seed in it');
        return { serial: device.SerialNumber, seed };
      }),

    enableMfaDevice: ({ userName, serial, codes, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        await client.send(
          new EnableMFADeviceCommand({ UserName: userName, SerialNumber: serial, AuthenticationCode1: codes[0], AuthenticationCode2: codes[1] }),
          { abortSignal },
        );
      }),

    deactivateMfaDevice: ({ userName, serial, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        await client.send(new DeactivateMFADeviceCommand({ UserName: userName, SerialNumber: serial }), { abortSignal });
      }),

    deleteVirtualMfaDevice: ({ serial, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        await client.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }), { abortSignal });
      }),
  };
}
