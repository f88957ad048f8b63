/**
 * Where the broker listens: a Unix socket in the per-user runtime folder, or on Windows a record file
 * there that names the pipe the broker serves (pipe-trust-win32.ts says why). A broker serves one setup
 * — one settings file and one keychain service — so its name carries a digest of both: a CLI run with
 * another LATCHKEY_HOME or LATCHKEY_KEYCHAIN_SERVICE finds no broker there and works standalone, rather
 * than getting another setup's sessions. LATCHKEY_BROKER names the address instead (see ask-the-broker).
 */
import { join, posix, win32 } from 'node:path';
import { runtimeFolder } from '../fs/runtime-folder';
import { settingsPath } from '../settings/settings-path';

export function brokerAddress(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  // Named by the person (a socket forwarded by ssh -R, a relay in WSL): used as it is, whatever the setup.
  if (env.LATCHKEY_BROKER) return (platform === 'win32' ? win32 : posix).resolve(env.LATCHKEY_BROKER);
  const setup = setupDigest(env, platform);
  if (platform === 'win32') return win32.join(runtimeFolder(env, platform), `broker-${setup}.pipe`);
  return join(runtimeFolder(env, platform), `broker-${setup}.sock`);
}

function setupDigest(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  // Resolved, so a relative LATCHKEY_HOME names the folder it means; Windows paths ignore case.
  const settings = (platform === 'win32' ? win32 : posix).resolve(settingsPath(env, platform));
  // The keychain's own default service when the variable is unset or empty (napi-secret-store.ts).
  const service = env.LATCHKEY_KEYCHAIN_SERVICE || 'latchkey';
  return fnv1a(`${platform === 'win32' ? settings.toLowerCase() : settings}\0${service}`);
}

/**
 * FNV-1a, 32 bits, over UTF-16 code units (the same as over bytes for ASCII), as 8 hex digits: enough to
 * tell one user's few setups apart, and cheap on the warm path of `credential-process`, which would
 * otherwise pay for loading node:crypto (bench/README.md).
 */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
