/**
 * What the STS integration suites share: the provider tree wired as a
 * composition root would — the real SDK-backed STS (loaded lazily), the session cache wrapper, the
 * replay guard — with a memory keychain and a prompt that counts how often a person was asked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../../electron/core/clock';
import { CachedProvider } from '../../../../electron/core/sessions/cached-provider';
import { MemorySessionCache } from '../../../../electron/core/sessions/memory-session-cache';
import type { Session } from '../../../../electron/core/sessions/session-cache';
import { SingleFlight } from '../../../../electron/core/sessions/single-flight';
import { buildProvider, type ProviderSettings } from '../../../../electron/core/sts/build-provider';
import type { CredentialProvider } from '../../../../electron/core/sts/credentials';
import { lazyStsApi } from '../../../../electron/core/sts/lazy-sts-api';
import { MfaCodeSource } from '../../../../electron/core/sts/mfa-code-source';
import type { MfaPromptRequest } from '../../../../electron/core/sts/mfa-prompt';
import type { Env } from '../../../../electron/core/sts/sts-endpoint';
import { MemoryStepStore } from '../../../../electron/core/totp/memory-step-store';
import { ReplayGuard } from '../../../../electron/core/totp/replay-guard';
import { MemoryKeychain } from '../../../fakes/memory-keychain';

export function providerWorld(settings: ProviderSettings, env: Env) {
  const keychain = new MemoryKeychain();
  const asked: MfaPromptRequest[] = [];
  // moto does not check MFA codes; the fake STS in the unit tests does.
  const prompt = { ask: async (request: MfaPromptRequest) => (asked.push(request), '123456') };
  const caching = {
    cache: new MemorySessionCache(),
    clock: systemClock,
    renewalWindowMs: 15 * 60_000,
    lockFolder: mkdtempSync(join(tmpdir(), 'latchkey-sts-locks-')),
    flights: new SingleFlight<Session>(),
  };
  const notices: string[] = [];
  const deps = {
    settings,
    keychain,
    sts: lazyStsApi(env),
    codes: new MfaCodeSource(prompt, keychain, new ReplayGuard(new MemoryStepStore(), systemClock)),
    clock: systemClock,
    notice: (message: string) => notices.push(message),
    wrap: (provider: CredentialProvider, owner: string) => new CachedProvider(provider, owner, caching),
  };
  return { keychain, asked, notices, build: (name: string) => buildProvider(name, 'integration test', deps) };
}
