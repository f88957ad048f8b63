/**
 * The Windows suite's probe, bundled by wine.ts and run by Windows Node under Wine:
 * `node windows-side.cjs TASK INPUT.json`, one JSON answer on stdout (a file: see wine.ts).
 *
 * - keychain-set / keychain-get: Latchkey's keychain (chunking over Credential Manager through the
 *   Windows binding); set also says what the store holds under each secret's own account, and what the
 *   binding says of a value over Credential Manager's 2,560 bytes;
 * - from-process: the AWS SDK for JavaScript's fromProcess for each profile (it runs credential_process
 *   through cmd.exe), and with `arn`, STS GetCallerIdentity as those credentials.
 */
import { readFileSync } from 'node:fs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromProcess } from '@aws-sdk/credential-providers';
import { AsyncEntry } from '@napi-rs/keyring';
import { systemKeychain } from '../../electron/core/keychain/system-keychain';

export type SideInput =
  | { task: 'keychain-set'; service: string; values: Record<string, string> }
  | { task: 'keychain-get'; service: string; names: string[] }
  | { task: 'from-process'; profiles: string[]; configFile?: string; arn?: boolean };

export type ProcessOutcome = { accessKeyId: string; secretAccessKey: string; arn?: string } | { error: string };

async function answer(input: SideInput): Promise<unknown> {
  switch (input.task) {
    case 'keychain-set': {
      const keychain = systemKeychain({ service: input.service });
      const raw: Record<string, string | null> = {};
      for (const [name, value] of Object.entries(input.values)) {
        await keychain.set('session', name, value);
        raw[name] = await new AsyncEntry(input.service, `session:${name}`).getPassword();
      }
      const over = await new AsyncEntry(input.service, 'limit-probe').setPassword('x'.repeat(1281)).then(() => 'stored', (error: Error) => error.message);
      return { raw, over };
    }
    case 'keychain-get': {
      const keychain = systemKeychain({ service: input.service });
      const values: Record<string, string | null> = {};
      for (const name of input.names) values[name] = (await keychain.get('session', name)) ?? null;
      return { values };
    }
    case 'from-process': {
      // Concurrently, as Terraform or an IDE would: each run is a cmd.exe and a node.exe, slow to start under Wine.
      const outcomes = await Promise.all(input.profiles.map((profile) => credentialsFor(profile, input)));
      return Object.fromEntries(input.profiles.map((profile, i) => [profile, outcomes[i]]));
    }
  }
}

async function credentialsFor(profile: string, { configFile, arn }: { configFile?: string; arn?: boolean }): Promise<ProcessOutcome> {
  try {
    const files = configFile ? { configFilepath: configFile, filepath: `${configFile}.none` } : {};
    const credentials = await fromProcess({ profile, ...files })();
    const caller = arn ? await new STSClient({ credentials }).send(new GetCallerIdentityCommand({})) : undefined;
    return { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, ...(caller?.Arn ? { arn: caller.Arn } : {}) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const [task, inputFile] = process.argv.slice(2);
const input = { ...JSON.parse(readFileSync(inputFile ?? '', 'utf8')), task } as SideInput;
answer(input).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 1;
  },
);
