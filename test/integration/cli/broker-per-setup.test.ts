/**
 * A broker serves one setup. Two setups of one user share the runtime folder (same XDG_RUNTIME_DIR) but
 * not the settings folder (LATCHKEY_HOME) or keychain service: a CLI of one never reaches the other's
 * agent, and answers from its own settings, standalone.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { brokerAddress } from '../../../electron/core/broker/broker-address';
import { askBroker } from '../../../electron/core/broker/broker-client';
import { BROKER_PROTOCOL } from '../../../electron/shared/broker-contract';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, cliWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { ACCOUNT, createRole, createUser, roleArn } from '../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';

describeWith([keyring, motoComponent], 'a broker serves only the setup it was started for', () => {
  let moto: MotoWorld;
  let served: CliWorld;
  let other: CliWorld;
  let agent: ChildProcess | undefined;

  /** Whose role a `credential-process` answer assumed, as STS (moto) tells. */
  async function assumedBy(world: CliWorld, name: string): Promise<string | undefined> {
    const result = await world.run(['credential-process', name]);
    expect(result.code, result.stderr).toBe(0);
    const { AccessKeyId, SecretAccessKey, SessionToken } = JSON.parse(result.stdout) as Record<string, string>;
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: moto.url,
      credentials: { accessKeyId: AccessKeyId ?? '', secretAccessKey: SecretAccessKey ?? '', sessionToken: SessionToken },
    });
    return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
  }

  beforeAll(async () => {
    moto = await startMotoWorld();
    served = await aliceWorld(moto);
    // The other setup: bob, and a role also called dev that is another role.
    const bob = await createUser(moto.iam, 'bob');
    await createRole(moto.iam, 'other-dev', ['bob']);
    other = cliWorld(moto.url);
    other.env.XDG_RUNTIME_DIR = served.env.XDG_RUNTIME_DIR;
    await other.setUp([
      [['identity', 'add', 'bob', '--access-key-id', bob.accessKeyId], bob.secretAccessKey],
      [['role', 'add', 'dev', '--role-arn', roleArn('other-dev'), '--source', 'bob']],
    ]);
    await served.setUp([[['role', 'add', 'only-served', '--role-arn', roleArn('dev'), '--source', 'alice']]]);
    agent = await served.startAgent();
  }, 60_000);
  afterAll(async () => {
    if (agent) {
      const exited = new Promise((resolve) => agent?.once('exit', resolve));
      agent.kill('SIGTERM');
      await exited;
    }
    await moto?.stop();
  });

  it('the agent listens on its own setup’s address, which another settings folder or keychain service does not reach', async () => {
    const status = { type: 'status', protocol: BROKER_PROTOCOL } as const;
    const noNotice = (message: string) => expect.fail(`unexpected notice: ${message}`);
    const address = brokerAddress(served.env);
    expect(readdirSync(dirname(address))).toContain(basename(address));
    expect(await askBroker(address, status, noNotice)).toBeDefined();
    expect(brokerAddress(other.env)).not.toBe(address);
    expect(await askBroker(brokerAddress(other.env), status, noNotice)).toBeUndefined();
    const otherKeychain = { ...served.env, LATCHKEY_KEYCHAIN_SERVICE: `${served.env.LATCHKEY_KEYCHAIN_SERVICE}-b` };
    expect(await askBroker(brokerAddress(otherKeychain), status, noNotice)).toBeUndefined();
  });

  it('a role of the same name gives each setup its own role', async () => {
    expect(await assumedBy(served, 'dev')).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice`);
    expect(await assumedBy(other, 'dev')).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/other-dev/bob`);
  });

  it('a role only the agent’s setup has is unknown to the other', async () => {
    expect((await served.run(['credential-process', 'only-served'])).code).toBe(0);
    const result = await other.run(['credential-process', 'only-served']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/only-served/);
    expect(result.stderr).not.toMatch(/broker/i);
  });
});
