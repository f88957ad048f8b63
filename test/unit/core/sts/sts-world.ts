/**
 * A small world for the provider tests: a fake clock and STS with user alice (virtual MFA device),
 * her identity, device and secret in a memory keychain, a scripted MFA prompt that types the device's
 * current code, and a stand-in for the session cache that shares sessions by provider key.
 */
import { buildProvider, type ProviderDeps, type ProviderSettings } from '../../../../electron/core/sts/build-provider';
import type { CredentialProvider, Credentials } from '../../../../electron/core/sts/credentials';
import { MfaCodeSource } from '../../../../electron/core/sts/mfa-code-source';
import { MemoryStepStore } from '../../../fakes/memory-step-store';
import { ReplayGuard } from '../../../../electron/core/totp/replay-guard';
import { totpCode } from '../../../../electron/core/totp/totp-code';
import type { Identity, MfaDevice, Role } from '../../../../electron/shared/model';
import { FakeClock } from '../../../fakes/fake-clock';
import { MemoryKeychain } from '../../../fakes/memory-keychain';
import { FakeSts } from '../../../fakes/fake-sts';
import { FakeMfaPrompt } from '../../../fakes/fake-mfa-prompt';

export const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/**
 * A person at the prompt: by default types what the device shows at that moment, and when told the code
 * was just sent, waits for the device to show the next one.
 */
export class ScriptedPrompt extends FakeMfaPrompt {
  constructor(clock: FakeClock) {
    super((request) => {
      if (request.previousError?.includes('just sent to AWS')) clock.advance(30_000 - (clock.now() % 30_000));
      return totpCode(SEED, clock.now()).code;
    });
  }
}

export async function stsWorld(entries: { roles?: Partial<Role>[]; device?: Partial<MfaDevice> } = {}) {
  const clock = new FakeClock(Date.UTC(2026, 0, 1, 12, 0, 5));
  const sts = new FakeSts(clock);
  const alice = sts.addUser('alice', { mfaSeed: SEED });
  const keychain = new MemoryKeychain();
  await keychain.set('identity', 'alice', alice.secretAccessKey);
  await keychain.set('mfa-seed', 'alice-phone', SEED);
  const identity: Identity = { name: 'alice', accessKeyId: alice.accessKeyId };
  const device: MfaDevice = { name: 'alice-phone', serial: alice.mfa?.serial ?? '', identity: 'alice', hasSeed: false, autoMfa: false, ...entries.device };
  const settings: ProviderSettings = {
    identities: [identity],
    mfaDevices: [device],
    roles: (entries.roles ?? []).map((role) => ({ name: '', roleArn: '', source: 'alice', directMfa: false, ...role })),
    preferences: { mfaSessionSeconds: 43_200, roleSessionSeconds: 3_600 },
  };
  const prompt = new ScriptedPrompt(clock);
  const codes = new MfaCodeSource(prompt, keychain, new ReplayGuard(new MemoryStepStore(), clock));
  const notices: string[] = [];
  const cached = new Map<string, Promise<Credentials>>();
  const deps: ProviderDeps = {
    settings,
    keychain,
    sts,
    codes,
    clock,
    notice: (message) => notices.push(message),
    wrap: (provider: CredentialProvider) => ({
      key: provider.key,
      retrieve: () => {
        const session = cached.get(provider.key) ?? provider.retrieve();
        cached.set(provider.key, session);
        return session;
      },
    }),
  };
  return {
    clock,
    sts,
    alice,
    keychain,
    identity,
    device,
    settings,
    prompt,
    codes,
    notices,
    deps,
    build: (name: string) => buildProvider(name, 'test', deps),
  };
}

export { rejection } from '../../../helpers/rejection';
