/**
 * Where the AWS tools look for their files: AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE (an empty
 * value counts as unset, as in the JS SDK), else ~/.aws/credentials and ~/.aws/config. A leading `~`
 * is the home folder, as both the CLI and the SDKs expand it.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AwsFileKind } from './profile-header';

const VARIABLE: Record<AwsFileKind, string> = { credentials: 'AWS_SHARED_CREDENTIALS_FILE', config: 'AWS_CONFIG_FILE' };

export function awsFilePath(
  kind: AwsFileKind,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string {
  const configured = env[VARIABLE[kind]];
  if (!configured) return join(home, '.aws', kind);
  return resolve(configured.replace(/^~(?=$|[\\/])/, () => home));
}

/** Both AWS files' paths; `~` is the environment's HOME (the process's home folder without one). */
export function awsFilePaths(env: Readonly<Record<string, string | undefined>> = process.env): { credentials: string; config: string } {
  const home = env.HOME || homedir();
  return { credentials: awsFilePath('credentials', env, home), config: awsFilePath('config', env, home) };
}
