import { describe, expect, it } from 'vitest';
import { IdentityProvider } from '../../../../electron/core/sts/identity-provider';
import { rejection, stsWorld } from './sts-world';

describe('IdentityProvider', () => {
  it('gives the access key id from the settings and the secret from the keychain', async () => {
    const world = await stsWorld();
    const provider = new IdentityProvider(world.identity, world.keychain);

    expect(await provider.retrieve()).toEqual({ accessKeyId: world.alice.accessKeyId, secretAccessKey: world.alice.secretAccessKey });
    expect(provider.key).toBe(`identity{"name":"alice","accessKeyId":"${world.alice.accessKeyId}"}`);
  });

  it('a missing secret is a clear error and nothing is sent', async () => {
    const world = await stsWorld();
    await world.keychain.delete('identity', 'alice');

    const error = await rejection(world.build('alice').retrieve());

    expect(error.code).toBe('not-found');
    expect(error.message).toBe(
      `identity "alice": its secret access key is not in the keychain: enter it again (\`latchkey identity update alice --access-key-id ${world.alice.accessKeyId}\` asks for it, as does editing the identity in the settings window)`,
    );
    expect(world.prompt.asked).toHaveLength(0);
    expect(world.sts.calls.GetSessionToken).toBe(0);
  });
});
