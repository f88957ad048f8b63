/** The real components integration suites use, each with a cheap probe. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Component } from './needs';

function probe(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  if (result.error) return result.error.message;
  if (result.status !== 0) return (result.stderr || result.stdout || `exit ${result.status}`).trim().split('\n')[0] ?? '';
  return '';
}

function secretServiceProblem(): string {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return 'no D-Bus session bus (run the tests through npm test)';
  try {
    const out = execFileSync(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'],
      { encoding: 'utf8', timeout: 5_000 },
    );
    return out.includes('boolean true') ? '' : 'no Secret Service on the session bus';
  } catch (error) {
    return `D-Bus did not answer: ${(error as Error).message.split('\n')[0]}`;
  }
}

export const keyring: Component = {
  name: 'Secret Service keyring',
  get problem() {
    return secretServiceProblem();
  },
  install: 'apt-get install dbus dbus-x11 gnome-keyring libsecret-tools',
};

export const moto: Component = {
  name: 'moto server',
  get problem() {
    return probe('python3', ['-c', 'import moto.server']);
  },
  install: 'pip install "moto[server]"',
};

export const awsCliV1: Component = {
  name: 'AWS CLI v1',
  get problem() {
    return probe('aws', ['--version']);
  },
  install: 'pip install awscli',
};

export const AWS_CLI_V2_PATH = '/usr/bin/aws';
export const awsCliV2: Component = {
  name: 'AWS CLI v2',
  get problem() {
    return existsSync(AWS_CLI_V2_PATH) ? probe(AWS_CLI_V2_PATH, ['--version']) : `${AWS_CLI_V2_PATH} not found`;
  },
  install: 'apt-get install awscli',
};

export const botocore: Component = {
  name: 'botocore (Python)',
  get problem() {
    return probe('python3', ['-c', 'import botocore.configloader']);
  },
  install: 'pip install botocore',
};

/** boto3 itself, not only botocore: the coexistence checks use its Session. */
export const boto3: Component = {
  name: 'boto3 (Python)',
  get problem() {
    return probe('python3', ['-c', 'import boto3']);
  },
  install: 'pip install boto3',
};

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const chromium: Component = {
  name: 'Chromium',
  get problem() {
    return existsSync(CHROMIUM_PATH) ? '' : `${CHROMIUM_PATH} not found`;
  },
  install: 'apt-get install chromium',
};

export const SSHD_PATH = '/usr/sbin/sshd';
/** OpenSSH's server and client (ssh, ssh-keygen), for the forwarding suite's loopback sshd. */
export const openssh: Component = {
  name: 'OpenSSH server and client',
  get problem() {
    // ssh-keygen comes in the client's package, with ssh.
    return existsSync(SSHD_PATH) ? probe('ssh', ['-V']) : `${SSHD_PATH} not found`;
  },
  install: 'apt-get install openssh-server openssh-client',
};
