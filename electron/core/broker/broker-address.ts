/** Where the broker listens: a Unix socket in the per-user runtime folder, or a per-user named pipe on Windows. */
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { runtimeFolder } from '../fs/runtime-folder';

export function brokerAddress(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return `\\\\.\\pipe\\latchkey-${userInfo().username}`;
  return join(runtimeFolder(env, platform), 'broker.sock');
}
