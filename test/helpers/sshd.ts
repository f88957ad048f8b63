/**
 * OpenSSH's sshd on a loopback port, standing in for a remote machine: a fresh host key and user key in
 * a folder of its own, a config that lets in only that key, and `run`, which runs a command there with
 * an environment of the caller's choosing and, optionally, a Unix socket forwarded back (ssh -R).
 * Daemonized as sshd does by default; `stop` ends it by the PID in its PidFile.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SSHD_PATH } from './components';
import { collect, type CliResult } from './latchkey-cli';
import { freePort } from './moto';
import { makeTempFolder } from './temp-folders';
import { until } from './until';

export interface SshRun {
  /** The command's whole environment there (run under `env -i`: nothing of the login's own). */
  env: Record<string, string>;
  /** ssh -R REMOTE:LOCAL: a client of the socket REMOTE on the server reaches the server at LOCAL here. */
  forward?: { remote: string; local: string };
}

export interface Sshd {
  /** Runs argv on the server as this user; the result is ssh's exit code and output. */
  run(argv: string[], options: SshRun): Promise<CliResult>;
  stop(): Promise<void>;
}

/** One word for the login shell that runs the command sshd is given. */
const shellWord = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export async function startSshd(): Promise<Sshd> {
  const folder = makeTempFolder('sshd');
  const file = (name: string) => join(folder, name);
  for (const key of ['hostkey', 'userkey']) await promisify(execFile)('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', key, '-f', file(key)]);
  writeFileSync(file('authorized_keys'), readFileSync(file('userkey.pub')));
  const port = await freePort();
  // The client checks the host key (no trust on first use), so the test talks to this sshd and no other.
  writeFileSync(file('known_hosts'), `[127.0.0.1]:${port} ${readFileSync(file('hostkey.pub'), 'utf8')}`);
  // Run as root, sshd wants its privilege-separation folder (the Debian package's unit makes it).
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  writeFileSync(
    file('sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${file('hostkey')}`,
      `AuthorizedKeysFile ${file('authorized_keys')}`,
      'AuthenticationMethods publickey',
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      // No PAM: the login needs no password or account setup, and this sshd runs for the test alone.
      'UsePAM no',
      // StrictModes refuses an authorized_keys file below a folder others may write, and the OS temp
      // folder (1777) is one; the key files themselves are 0600 and the folder 0700.
      'StrictModes no',
      'AllowStreamLocalForwarding yes',
      // The defaults, written out because the forwarding depends on them: a socket left by an earlier
      // connection is replaced (the client exits otherwise, with ExitOnForwardFailure), and the socket
      // sshd creates is 0600.
      'StreamLocalBindUnlink yes',
      'StreamLocalBindMask 0177',
      'X11Forwarding no',
      'PrintMotd no',
      `PidFile ${file('sshd.pid')}`,
    ].join('\n') + '\n',
  );
  const started = await collect(spawn(SSHD_PATH, ['-f', file('sshd_config'), '-E', file('sshd.log')], { stdio: ['pipe', 'pipe', 'pipe'] }));
  const log = () => (existsSync(file('sshd.log')) ? readFileSync(file('sshd.log'), 'utf8') : '');
  if (started.code !== 0) throw new Error(`sshd did not start (exit ${started.code}): ${started.stderr}${log()}`);
  // It listens before it daemonizes; the daemon writes its PID.
  const pid = () => Number(readFileSync(file('sshd.pid'), 'utf8').trim());
  await until(() => existsSync(file('sshd.pid')) && pid() > 0, `sshd's PidFile (log: ${log()})`);

  return {
    run(argv, { env, forward }) {
      const command = ['exec', 'env', '-i', ...Object.entries(env).map(([name, value]) => `${name}=${value}`), ...argv].map(shellWord).join(' ');
      const args = [
        ...['-F', '/dev/null', '-i', file('userkey'), '-p', String(port)],
        ...['-o', 'IdentitiesOnly=yes', '-o', 'IdentityAgent=none', '-o', 'BatchMode=yes'],
        ...['-o', `UserKnownHostsFile=${file('known_hosts')}`, '-o', 'StrictHostKeyChecking=yes'],
        // A forwarding sshd refuses ends the connection rather than running the command without it.
        ...['-o', 'ExitOnForwardFailure=yes', '-o', 'LogLevel=ERROR'],
        ...(forward ? ['-R', `${forward.remote}:${forward.local}`] : []),
        `${userInfo().username}@127.0.0.1`,
        command,
      ];
      return collect(spawn('ssh', args, { env: { PATH: process.env.PATH, HOME: folder }, stdio: ['pipe', 'pipe', 'pipe'] }));
    },
    async stop() {
      // Once it is gone, or a zombie no one has reaped yet (it is not our child).
      const alive = () => {
        try {
          process.kill(pid(), 0);
        } catch {
          return false;
        }
        const stat = `/proc/${pid()}/stat`;
        return !(existsSync(stat) && /^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8')));
      };
      if (alive()) process.kill(pid(), 'SIGTERM');
      await until(() => !alive(), 'sshd to exit');
      await rm(folder, { recursive: true, force: true });
    },
  };
}
