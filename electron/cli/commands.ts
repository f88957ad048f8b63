/**
 * Every `latchkey` command: its usage, one line of help, and a loader for its file. This table is also
 * how the build splits the CLI (build/build.mjs): a command imported here lazily is a file of its own,
 * loaded only when it runs or its help is asked for; the commands a broker answers are imported outright,
 * because the CLI's warm path is budgeted in milliseconds, so they are part of the entry file.
 */
import type { Command } from './command';
import { command as credentialProcess } from './commands/credential-process';
import { command as env } from './commands/env';
import { command as exec } from './commands/exec';

export interface CommandEntry {
  usage: string;
  summary: string;
  load: () => Promise<Command>;
}

/** The first words of the two-word commands (`identity add`), each with what its commands manage. */
export const GROUPS: Record<string, string> = {
  identity: 'IAM users’ long-term access keys (the secret is kept in the keychain)',
  mfa: 'MFA devices, and their TOTP seeds if you choose to store them',
  role: 'roles to assume from an identity, or from another role (a chain)',
};

export const COMMANDS: Record<string, CommandEntry> = {
  'identity add': {
    usage: 'latchkey identity add NAME --access-key-id AKIA… [--region REGION] [--mfa-serial ARN] [--verify]',
    summary: 'add an IAM user’s long-term key; the secret is read from stdin or a no-echo prompt',
    load: async () => (await import('./commands/identity-add')).command,
  },
  'identity update': {
    usage: 'latchkey identity update NAME [--access-key-id AKIA…] [--region REGION] [--mfa-serial ARN | --no-mfa] [--no-verify]',
    summary: 'change an identity’s key (the new secret read as for add, verified first), region or MFA device; roles keep working',
    load: async () => (await import('./commands/identity-update')).command,
  },
  'identity rotate': {
    usage: 'latchkey identity rotate NAME [--keep-old]',
    summary: 'replace an identity’s access key through IAM: a new key, stored and verified, then the old one deactivated and deleted',
    load: async () => (await import('./commands/identity-rotate')).command,
  },
  'mfa add': {
    usage: 'latchkey mfa add NAME --serial ARN --identity IDENTITY [--seed-stdin | --otpauth-stdin] [--auto]',
    summary: 'add an MFA device, optionally with its TOTP seed (opt-in) and auto-MFA',
    load: async () => (await import('./commands/mfa-add')).command,
  },
  'mfa update': {
    usage: 'latchkey mfa update NAME [--seed-stdin | --otpauth-stdin | --remove-seed] [--auto | --no-auto] [--serial ARN]',
    summary: 'change an MFA device’s serial, store or remove its TOTP seed, turn auto-MFA on or off',
    load: async () => (await import('./commands/mfa-update')).command,
  },
  'mfa enroll': {
    usage: 'latchkey mfa enroll NAME --identity IDENTITY [--store-seed [--auto]] [--show-uri]',
    summary: 'create a virtual MFA device for the identity’s IAM user, enable it with codes from its seed, and add it',
    load: async () => (await import('./commands/mfa-enroll')).command,
  },
  'role add': {
    usage:
      'latchkey role add NAME --role-arn ARN --source IDENTITY|ROLE [--mfa DEVICE] [--external-id ID] [--duration SECONDS] [--session-name SESSION] [--region REGION] [--direct-mfa]',
    summary: 'add a role to assume from an identity, or from another role (a chain)',
    load: async () => (await import('./commands/role-add')).command,
  },
  list: {
    usage: 'latchkey list [--json]',
    summary: 'identities, MFA devices and roles (secrets are never shown)',
    load: async () => (await import('./commands/list')).command,
  },
  remove: {
    usage: 'latchkey remove identity|mfa|role NAME [--delete-key]',
    summary: 'remove an entry with its keychain secret, cached sessions and the profiles Latchkey wrote for it',
    load: async () => (await import('./commands/remove')).command,
  },
  'credential-process': {
    usage: 'latchkey credential-process NAME',
    summary: 'print a session as the credential_process JSON the AWS CLI and SDKs read',
    load: async () => credentialProcess,
  },
  exec: {
    usage: 'latchkey exec [--server] NAME -- CMD [ARGS…]',
    summary: 'run CMD with the session in its environment (--server: a credential endpoint it refreshes from)',
    load: async () => exec,
  },
  serve: {
    usage: 'latchkey serve NAME [--port PORT]',
    summary: 'serve NAME on a local credential endpoint until stopped, printing the two variables AWS tools read',
    load: async () => (await import('./commands/serve')).command,
  },
  env: {
    usage: 'latchkey env NAME [--format sh|fish|powershell|json]',
    summary: 'print the session as lines for the shell to evaluate',
    load: async () => env,
  },
  publish: {
    usage: 'latchkey publish NAME [--as PROFILE] [--replace]',
    summary: 'write the session into a credentials-file profile (default: NAME); never over a long-term key',
    load: async () => (await import('./commands/publish')).command,
  },
  use: {
    usage: 'latchkey use NAME [--replace]',
    summary: 'make NAME active: write its session into the active target profile (default "default")',
    load: async () => (await import('./commands/use')).command,
  },
  'configure-process': {
    usage: 'latchkey configure-process NAME [--as PROFILE] [--replace]',
    summary: 'add `credential_process = …` for NAME to the config file',
    load: async () => (await import('./commands/configure-process')).command,
  },
  unpublish: {
    usage: 'latchkey unpublish PROFILE',
    summary: 'remove what Latchkey wrote in a profile (session keys, credential_process) and nothing else',
    load: async () => (await import('./commands/unpublish')).command,
  },
  forget: {
    usage: 'latchkey forget NAME | --all',
    summary: 'drop cached sessions (in the keychain and a running app or agent)',
    load: async () => (await import('./commands/forget')).command,
  },
  import: {
    usage: 'latchkey import [--dry-run] [--scrub [--adopt]]',
    summary:
      'keys in the credentials file become keychain identities, role profiles become roles; --dry-run shows the plan; --scrub removes imported keys from the file; --adopt keeps every imported profile working through Latchkey',
    load: async () => (await import('./commands/import')).command,
  },
  console: {
    usage: 'latchkey console NAME [--service SERVICE] [--region REGION] [--print]',
    summary: 'open the AWS console signed in as NAME’s session (federation sign-in URL)',
    load: async () => (await import('./commands/console')).command,
  },
  'decode-auth': {
    usage: 'latchkey decode-auth [MESSAGE|-] [--using NAME]',
    summary: 'decode an "Encoded authorization failure message" and say why AWS refused',
    load: async () => (await import('./commands/decode-auth')).command,
  },
  totp: {
    usage: 'latchkey totp DEVICE',
    summary: 'print the current code of an MFA device with a stored seed',
    load: async () => (await import('./commands/totp')).command,
  },
  status: {
    usage: 'latchkey status [--json]',
    summary: 'cached and published sessions with their expiry, and how old each access key is',
    load: async () => (await import('./commands/status')).command,
  },
  preferences: {
    usage: 'latchkey preferences [NAME [VALUE]] [--json]',
    summary: 'show the preferences the settings window shows, or change one',
    load: async () => (await import('./commands/preferences')).command,
  },
  agent: {
    usage: 'latchkey agent [--socket PATH]',
    summary: 'serve sessions to the CLI from memory, asking for MFA on this terminal (for servers, WSL, SSH boxes)',
    load: async () => (await import('./commands/agent')).command,
  },
};
