/**
 * Real AWS clients as children served by a grant: boto3, the JavaScript SDK's default chain and both
 * AWS CLIs, each with an environment of PATH, an empty HOME and what endpointEnvironment sets — no
 * keys, no profile, no files.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { endpointEnvironment } from '../../../../electron/core/endpoint/endpoint-environment';
import type { IssuedGrant } from '../../../../electron/core/endpoint/credential-endpoint';
import { AWS_CLI_V2_PATH } from '../../../helpers/components';

const run = promisify(execFile);
const here = import.meta.dirname;

/** PATH (to find python3 and aws), an empty HOME, and the grant's variables. */
export function servedEnvironment(grant: IssuedGrant, home: string, base: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return endpointEnvironment({ ...base, PATH: process.env.PATH, HOME: home }, grant);
}

async function stdout(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    return (await run(file, args, { env, timeout: 90_000 })).stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`${file} ${args.join(' ')} failed: ${stderr || message}`);
  }
}

export interface LoopResult {
  arns: string[];
  /** The access keys the client used, in order. */
  keys: string[];
  calls: number;
}

/** A boto3 program: once (its identity and botocore's credential method), or looping until it used `sessions` sessions. */
export const boto3 = {
  once: async (stsUrl: string, env: NodeJS.ProcessEnv): Promise<{ arn: string; method: string }> =>
    JSON.parse(await stdout('python3', [join(here, 'boto3-client.py'), stsUrl, 'once'], env)),
  loop: async (stsUrl: string, env: NodeJS.ProcessEnv, sessions: number): Promise<LoopResult> =>
    JSON.parse(await stdout('python3', [join(here, 'boto3-client.py'), stsUrl, String(sessions)], env)),
};

/** A JavaScript SDK program with the default credential chain, in the same two modes. */
export const jsSdk = {
  once: async (stsUrl: string, env: NodeJS.ProcessEnv): Promise<{ arn: string }> =>
    JSON.parse(await stdout(process.execPath, [join(here, 'js-sdk-client.cjs'), stsUrl, 'once'], env)),
  loop: async (stsUrl: string, env: NodeJS.ProcessEnv, sessions: number): Promise<LoopResult> =>
    JSON.parse(await stdout(process.execPath, [join(here, 'js-sdk-client.cjs'), stsUrl, String(sessions)], env)),
};

/** `aws sts get-caller-identity` with the CLI v1 on PATH or v2 by its path; the ARN it prints. */
export async function awsCliArn(version: 1 | 2, stsUrl: string, env: NodeJS.ProcessEnv): Promise<string> {
  const args = ['sts', 'get-caller-identity', '--endpoint-url', stsUrl, '--region', 'us-east-1', '--output', 'json', ...(version === 2 ? ['--no-cli-pager'] : [])];
  return JSON.parse(await stdout(version === 2 ? AWS_CLI_V2_PATH : 'aws', args, env)).Arn;
}
