import { describe, expect, it } from 'vitest';
import { rejection, stsWorld } from './sts-world';

describe('SessionTokenProvider', () => {
  it("gets the identity's MFA session for the configured duration, signed with the long-term key", async () => {
    const world = await stsWorld();

    const session = await world.build('alice').retrieve();

    expect(session.expiration?.getTime()).toBe(world.clock.now() + 43_200_000);
    expect(world.sts.requests[0]?.input).toMatchObject({
      durationSeconds: 43_200,
      mfa: { serial: world.device.serial },
      credentials: { accessKeyId: world.alice.accessKeyId },
    });
  });

  it('an identity without an MFA device gets a session without asking', async () => {
    const world = await stsWorld();
    world.settings.mfaDevices.length = 0;

    await world.build('alice').retrieve();

    expect(world.prompt.asked).toHaveLength(0);
    expect(world.sts.requests[0]?.input.mfa).toBeUndefined();
  });

  for (const seconds of [899, 129_601])
    it(`refuses an MFA session of ${seconds} s before sending anything`, async () => {
      const world = await stsWorld();
      world.settings.preferences.mfaSessionSeconds = seconds;

      expect(() => world.build('alice')).toThrow(
        expect.objectContaining({ code: 'invalid-input', message: expect.stringMatching(/identity "alice": MFA session duration .*900 to 129600/) }),
      );
      expect(world.sts.calls.GetSessionToken).toBe(0);
      expect(world.prompt.asked).toHaveLength(0);
    });

  it('an MFA serial AWS does not know for the user is a clear error, not another prompt', async () => {
    const world = await stsWorld({ device: { serial: 'arn:aws:iam::123456789012:mfa/someone-else' } });

    const error = await rejection(world.build('alice').retrieve());

    expect(error.code).toBe('sts-denied');
    expect(error.message).toContain('AWS does not accept MFA device arn:aws:iam::123456789012:mfa/someone-else for identity "alice"');
    expect(world.prompt.asked).toHaveLength(1);
  });

  it('the key changes with what shapes the session', async () => {
    const world = await stsWorld();
    const key = world.build('alice').key;
    world.settings.preferences.mfaSessionSeconds = 3_600;
    expect(world.build('alice').key).not.toBe(key);
    expect(key).toBe(
      `session-token{"identity":"alice","accessKeyId":"${world.alice.accessKeyId}","mfaSerial":"${world.device.serial}","durationSeconds":43200}`,
    );
  });
});
