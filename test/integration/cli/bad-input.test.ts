/**
 * Every wrong input the CLI was tried with, what it answers, and proof that it wrote nothing: the files
 * under HOME and the keychain entries are the same before and after each case.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Keychain } from '../../../electron/core/keychain/keychain';
import { systemKeychain } from '../../../electron/core/keychain/system-keychain';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { cliWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { ACCOUNT, mfaSerial, roleArn } from '../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ROLE = roleArn('dev');
const SERIAL = mfaSerial('alice');

interface Case {
  args: string[];
  input?: string;
  env?: NodeJS.ProcessEnv;
  /** 1: failure, 2: usage. */
  exit: 1 | 2;
  says: RegExp;
}

// args → exit code and the one-line reason on stderr.
const cases: Case[] = [
  { args: ['frobnicate'], exit: 2, says: /unknown command "frobnicate"/ },
  { args: ['identity', 'add'], exit: 2, says: /missing argument\nusage: latchkey identity add NAME/ },
  { args: ['identity', 'add', 'x', '--access-key-id', KEY, '--bogus'], exit: 2, says: /unknown option --bogus\nusage: latchkey identity add NAME/ },
  { args: ['identity', 'add', 'bad]name', '--access-key-id', KEY], input: SECRET, exit: 1, says: /identity name "bad\]name" is not allowed/ },
  { args: ['identity', 'add', 'has space', '--access-key-id', KEY], input: SECRET, exit: 1, says: /identity name "has space" is not allowed/ },
  { args: ['identity', 'add', 'bob'], input: SECRET, exit: 1, says: /--access-key-id is required/ },
  { args: ['identity', 'add', 'bob', '--access-key-id', 'ASIAIOSFODNN7EXAMPLE'], input: SECRET, exit: 1, says: /access key id must be a long-term key id/ },
  { args: ['identity', 'add', 'bob', '--access-key-id', KEY, '--secret-access-key', SECRET], exit: 2, says: /--secret-access-key is refused: a secret on the command line/ },
  { args: ['identity', 'add', 'bob', '--access-key-id', KEY], input: 'too short', exit: 1, says: /secret access key must be 16-128 characters/ },
  { args: ['identity', 'add', 'bob', '--access-key-id', KEY], input: '', exit: 1, says: /no secret access key given/ },
  { args: ['identity', 'add', 'bob', '--access-key-id', KEY, '--region', 'Mars-1'], input: SECRET, exit: 1, says: /region "Mars-1" must look like us-east-1/ },
  { args: ['identity', 'add', 'alice', '--access-key-id', KEY], input: SECRET, exit: 1, says: /an identity is already named "alice"/ },
  { args: ['identity', 'add', 'dev', '--access-key-id', KEY], input: SECRET, exit: 1, says: /a role is already named "dev"/ },
  { args: ['identity', 'add', 'bob', '--access-key-id', KEY, '--mfa-serial', 'arn:aws:iam::1:mfa/x'], input: SECRET, exit: 1, says: /MFA serial .* must look like/ },
  {
    args: ['identity', 'add', 'bob', '--access-key-id', KEY],
    input: SECRET,
    env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
    exit: 1,
    says: /keychain/i,
  },
  { args: ['role', 'add', 'r', '--role-arn', 'arn:aws:iam::12:role/x', '--source', 'alice'], exit: 1, says: /role ARN "arn:aws:iam::12:role\/x" must look like/ },
  { args: ['role', 'add', 'r', '--role-arn', ROLE], exit: 1, says: /--source is required/ },
  { args: ['role', 'add', 'r', '--role-arn', ROLE, '--source', 'nobody'], exit: 1, says: /role "r" has source "nobody", which is neither an identity nor a role/ },
  { args: ['role', 'add', 'r', '--role-arn', ROLE, '--source', 'alice', '--duration', '100'], exit: 1, says: /role duration must be a whole number of seconds from 900 to 43200/ },
  { args: ['role', 'add', 'r', '--role-arn', ROLE, '--source', 'alice', '--duration', '1h'], exit: 1, says: /--duration must be a whole number of seconds \(got "1h"\)/ },
  { args: ['role', 'add', 'r', '--role-arn', ROLE, '--source', 'alice', '--session-name', 'a b'], exit: 1, says: /session name "a b" must be 2-64 characters/ },
  { args: ['role', 'add', 'r', '--role-arn', ROLE, '--source', 'alice', '--external-id', 'x'], exit: 1, says: /external id must be 2-1224 characters/ },
  { args: ['role', 'add', 'r', '--role-arn', ROLE, '--source', 'alice', '--mfa', 'nodevice'], exit: 1, says: /MFA device "nodevice", which does not exist/ },
  { args: ['role', 'add', 'r', '--role-arn', ROLE, '--source', 'alice', '--direct-mfa'], exit: 1, says: /--direct-mfa needs --mfa DEVICE/ },
  { args: ['role', 'add', 'r', '--role-arn', ROLE, '--source', 'r'], exit: 1, says: /source "r", which is neither|form a cycle/ },
  { args: ['mfa', 'add', 'p', '--serial', `arn:aws:iam::${ACCOUNT}:user/x`, '--identity', 'alice'], exit: 1, says: /MFA serial .* must look like/ },
  { args: ['mfa', 'add', 'p', '--serial', SERIAL, '--identity', 'nobody'], exit: 1, says: /no identity is named "nobody"/ },
  { args: ['mfa', 'add', 'p', '--serial', SERIAL, '--identity', 'alice', '--seed-stdin'], input: 'not base32!', exit: 1, says: /TOTP seed must be Base32/ },
  { args: ['mfa', 'add', 'p', '--serial', SERIAL, '--identity', 'alice', '--seed-stdin'], input: 'JBSWY3DP', exit: 1, says: /TOTP seed is too short/ },
  { args: ['mfa', 'add', 'p', '--serial', SERIAL, '--identity', 'alice', '--otpauth-stdin'], input: 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP', exit: 1, says: /counter-based \(HOTP\)/ },
  {
    args: ['mfa', 'add', 'p', '--serial', SERIAL, '--identity', 'alice', '--otpauth-stdin'],
    input: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=8',
    exit: 1,
    says: /AWS MFA devices use SHA1, 6 digits, 30 s/,
  },
  { args: ['mfa', 'add', 'p', '--serial', SERIAL, '--identity', 'alice', '--auto'], exit: 2, says: /--auto needs the seed/ },
  { args: ['mfa', 'add', 'p', '--serial', SERIAL, '--identity', 'alice', '--seed', 'JBSWY3DPEHPK3PXP'], exit: 2, says: /--seed is refused/ },
  { args: ['credential-process', 'nobody'], exit: 1, says: /no identity or role is named "nobody"/ },
  { args: ['credential-process', 'a b'], exit: 1, says: /name "a b" is not allowed/ },
  { args: ['credential-process'], exit: 2, says: /missing argument/ },
  { args: ['env', 'dev', '--format', 'zsh'], exit: 2, says: /--format must be one of sh, fish, powershell, json/ },
  { args: ['exec', 'dev'], exit: 2, says: /give the command to run after --/ },
  { args: ['exec', 'dev', '--', 'no-such-command-here'], exit: 1, says: /command not found: no-such-command-here/ },
  { args: ['publish', 'dev', '--as', 'bad profile'], exit: 1, says: /profile name "bad profile" is not allowed/ },
  { args: ['publish', 'dev', '--as', 'x]y'], exit: 1, says: /profile name "x\]y" is not allowed/ },
  { args: ['publish', 'dev', '--as', 'a\nb'], exit: 1, says: /profile name "a\\nb" is not allowed/ },
  { args: ['publish', 'dev', '--as', 'dup'], exit: 1, says: /credentials: profile dup has 2 sections \(\[dup\] on line 1 and \[dup\] on line 3\); merge them/ },
  { args: ['configure-process', 'nobody'], exit: 1, says: /no identity or role is named "nobody"/ },
  { args: ['configure-process', 'dev', '--as', 'assumer'], exit: 1, says: /profile "assumer" in .* already gets its credentials from role_arn, source_profile, which Latchkey did not write: .* or pass --replace/ },
  { args: ['configure-process', 'dev', '--as', 'corp'], exit: 1, says: /profile "corp" .* already gets its credentials from sso_start_url/ },
  { args: ['configure-process', 'dev', '--as', 'vault'], exit: 1, says: /profile "vault" .* already gets its credentials from credential_process/ },
  { args: ['configure-process', 'dev', '--as', 'inline', '--replace'], exit: 1, says: /profile "inline" in .* holds a long-term access key \(AKIA…MPLE\), which Latchkey never overwrites/ },
  { args: ['publish', 'dev', '--as', 'default'], exit: 1, says: /profile "default" in .* holds a long-term access key \(AKIA…MPLE\), which Latchkey never overwrites: run `latchkey import --scrub --adopt`/ },
  { args: ['publish', 'dev', '--as', 'default', '--replace'], exit: 1, says: /profile "default" in .* holds a long-term access key/ },
  { args: ['use', 'dev'], exit: 1, says: /profile "default" in .* holds a long-term access key/ },
  { args: ['use', 'dev', '--replace'], exit: 1, says: /profile "default" in .* holds a long-term access key/ },
  { args: ['publish', 'dev', '--as', 'pasted'], exit: 1, says: /profile "pasted" in .* holds credentials Latchkey did not write \(aws_access_key_id, aws_secret_access_key, aws_session_token\): .* pass --replace/ },
  { args: ['publish', 'dev', '--as', 'corp'], exit: 1, says: /profile "corp" gets its credentials from sso_start_url, .* or pass --replace/ },
  { args: ['publish', 'dev', '--as', 'vault'], exit: 1, says: /profile "vault" gets its credentials from credential_process/ },
  { args: ['unpublish', 'corp'], exit: 1, says: /Latchkey wrote nothing in profile "corp"/ },
  { args: ['unpublish', 'a b'], exit: 1, says: /profile name "a b" is not allowed/ },
  { args: ['forget'], exit: 2, says: /give a NAME or --all/ },
  { args: ['forget', 'dev', '--all'], exit: 2, says: /give a NAME or --all, not both/ },
  { args: ['use', 'nosuch'], exit: 1, says: /no identity or role is named "nosuch"/ },
  { args: ['publish', 'nosuch', '--as', 'default'], exit: 1, says: /no identity or role is named "nosuch"/ },
  { args: ['configure-process', 'dev', '--as', 'default'], exit: 1, says: /profile "default" in .* holds a long-term access key, which AWS tools use before any credential_process: run `latchkey import --scrub --adopt`/ },
  { args: ['publish', 'dev', '--as', 'inline', '--replace'], exit: 1, says: /profile "inline" in .* holds a long-term access key \(AKIA…MPLE\), which session keys written for it would hide/ },
  { args: ['remove', 'identity', 'carol'], exit: 1, says: /removing identity "carol" deletes its secret access key from the keychain, which may hold its only copy: add --delete-key/ },
  { args: ['forget', 'nobody'], exit: 1, says: /no identity or role is named "nobody"/ },
  { args: ['import', '--adopt'], exit: 2, says: /--adopt goes with --scrub/ },
  { args: ['import', '--scrub'], exit: 1, says: /--scrub would leave profiles? .*"default".* without credentials .*: add --adopt/ },
  { args: ['remove', 'thing', 'x'], exit: 2, says: /what to remove must be one of identity, mfa, role/ },
  { args: ['remove', 'identity', 'alice'], exit: 1, says: /identity "alice" is still used by role "dev"/ },
  { args: ['remove', 'role', 'nobody'], exit: 1, says: /no role is named "nobody"/ },
  { args: ['totp', 'nodevice'], exit: 1, says: /no MFA device is named "nodevice"/ },
  { args: ['totp', 'alice'], exit: 1, says: /MFA device "alice" has no stored seed/ },
  { args: ['identity', 'update', 'alice'], exit: 2, says: /nothing to change: give --access-key-id, --region, --mfa-serial or --no-mfa\nusage: latchkey identity update NAME/ },
  { args: ['identity', 'update', 'alice', '--mfa-serial', SERIAL, '--no-mfa'], exit: 2, says: /give --mfa-serial or --no-mfa, not both/ },
  { args: ['identity', 'update', 'alice', '--access-key-id', KEY, '--secret-access-key', SECRET], exit: 2, says: /--secret-access-key is refused: a secret on the command line/ },
  { args: ['identity', 'update', 'nobody', '--region', 'us-east-1'], exit: 1, says: /no identity is named "nobody"/ },
  { args: ['identity', 'update', 'alice', '--access-key-id', 'ASIAIOSFODNN7EXAMPLE'], input: SECRET, exit: 1, says: /access key id must be a long-term key id/ },
  { args: ['identity', 'update', 'alice', '--access-key-id', KEY], input: 'too short', exit: 1, says: /secret access key must be 16-128 characters/ },
  { args: ['identity', 'update', 'alice', '--access-key-id', KEY], input: '', exit: 1, says: /no secret access key given/ },
  { args: ['identity', 'update', 'alice', '--region', 'Mars-1'], exit: 1, says: /region "Mars-1" must look like us-east-1/ },
  { args: ['identity', 'update', 'alice', '--mfa-serial', 'arn:aws:iam::1:mfa/x'], exit: 1, says: /MFA serial .* must look like/ },
  { args: ['identity', 'add', 'bob', '--access-key-id', KEY, '--mfa-serial', SERIAL], input: SECRET, exit: 1, says: /MFA devices "alice" and "bob" have the same serial arn:aws:iam::\d+:mfa\/alice/ },
  { args: ['mfa', 'add', 'p', '--serial', SERIAL, '--identity', 'alice'], exit: 1, says: /MFA devices "alice" and "p" have the same serial arn:aws:iam::\d+:mfa\/alice/ },
  { args: ['mfa', 'add', 'p', '--serial', SERIAL, '--identity', 'alice', '--seed-stdin'], input: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', exit: 1, says: /MFA devices "alice" and "p" have the same serial/ },
  { args: ['mfa', 'update', 'alice'], exit: 2, says: /nothing to change: give --serial, --seed-stdin/ },
  { args: ['mfa', 'update', 'alice', '--auto'], exit: 2, says: /--auto needs the seed/ },
  { args: ['mfa', 'update', 'alice', '--auto', '--remove-seed'], exit: 2, says: /--auto needs the seed/ },
  { args: ['mfa', 'update', 'alice', '--auto', '--no-auto'], exit: 2, says: /give --auto or --no-auto, not both/ },
  { args: ['mfa', 'update', 'alice', '--seed-stdin', '--remove-seed'], exit: 2, says: /give a seed to store or --remove-seed, not both/ },
  { args: ['mfa', 'update', 'alice', '--seed', 'JBSWY3DPEHPK3PXP'], exit: 2, says: /--seed is refused/ },
  { args: ['mfa', 'update', 'nodevice', '--no-auto'], exit: 1, says: /no MFA device is named "nodevice"/ },
  { args: ['mfa', 'update', 'alice', '--serial', `arn:aws:iam::${ACCOUNT}:user/x`], exit: 1, says: /MFA serial .* must look like/ },
  { args: ['mfa', 'update', 'alice', '--seed-stdin'], input: 'not base32!', exit: 1, says: /TOTP seed must be Base32/ },
  { args: ['console'], exit: 2, says: /missing argument\nusage: latchkey console NAME/ },
  { args: ['console', 'nobody', '--print'], exit: 1, says: /no identity or role is named "nobody"/ },
  { args: ['console', 'a b'], exit: 1, says: /name "a b" is not allowed/ },
  { args: ['console', 'dev', '--service', 'S3!'], exit: 1, says: /service "S3!" must be a console path such as s3/ },
  { args: ['console', 'dev', '--region', 'Mars-1'], exit: 1, says: /region "Mars-1" must look like us-east-1/ },
  { args: ['console', 'dev', '--print'], env: { LATCHKEY_FEDERATION_URL: 'ftp://signin.example' }, exit: 1, says: /LATCHKEY_FEDERATION_URL: endpoint "ftp:\/\/signin\.example" must be an http\(s\) URL/ },
  { args: ['identity', 'rotate', 'nobody'], exit: 1, says: /no identity is named "nobody"/ },
  { args: ['identity', 'rotate', 'a b'], exit: 1, says: /identity name "a b" is not allowed/ },
  { args: ['identity', 'rotate', 'alice', '--keep-old=yes'], exit: 2, says: /--keep-old takes no value/ },
  { args: ['mfa', 'enroll', 'p', '--identity', 'alice'], exit: 2, says: /the seed would be kept nowhere .*: add --show-uri .*, --store-seed, or both/ },
  { args: ['mfa', 'enroll', 'p', '--identity', 'alice', '--show-uri', '--auto'], exit: 2, says: /--auto needs --store-seed/ },
  { args: ['mfa', 'enroll', 'p', '--identity', 'alice', '--show-uri'], exit: 1, says: /--show-uri prints the seed, and stdout is not a terminal/ },
  { args: ['mfa', 'enroll', 'p', '--store-seed'], exit: 1, says: /--identity is required/ },
  { args: ['mfa', 'enroll', 'p', '--identity', 'nobody', '--store-seed'], exit: 1, says: /no identity is named "nobody"/ },
  { args: ['mfa', 'enroll', 'alice', '--identity', 'alice', '--store-seed'], exit: 1, says: /an MFA device is already named "alice"/ },
  { args: ['mfa', 'enroll', 'p:2', '--identity', 'alice', '--store-seed'], exit: 1, says: /MFA device name "p:2" cannot be an IAM device name/ },
  { args: ['mfa', 'enroll', 'a b', '--identity', 'alice', '--store-seed'], exit: 1, says: /MFA device name "a b" is not allowed/ },
  { args: ['decode-auth', 'not an encoded message', '--using', 'dev'], exit: 1, says: /that is not an encoded authorization message/ },
  { args: ['decode-auth', '-', '--using', 'dev'], input: '', exit: 1, says: /that is not an encoded authorization message/ },
  { args: ['decode-auth', `4Ys-${'A'.repeat(40)}`], exit: 2, says: /give --using NAME: which identity or role asks STS \("alice", "carol" can\)/ },
  { args: ['decode-auth', `4Ys-${'A'.repeat(40)}`, '--using', 'nobody'], exit: 1, says: /no identity or role is named "nobody"/ },
  { args: ['decode-auth', `4Ys-${'A'.repeat(40)}`, '--using', 'a b'], exit: 1, says: /name "a b" is not allowed/ },
  { args: ['preferences', 'key-age-days', '1.5'], exit: 1, says: /key-age-days: key age limit \(days\) must be a whole number/ },
  { args: ['preferences', 'key-age-days', '4000'], exit: 1, says: /key-age-days: key age limit \(days\) must be at most 3650/ },
  { args: ['preferences', 'console-browser-profiles', 'yes'], exit: 1, says: /console-browser-profiles: give true or false, not "yes"/ },
  { args: ['preferences', 'console-firefox-containers', '1'], exit: 1, says: /console-firefox-containers: give true or false, not "1"/ },
];

/** Every file under a folder with its bytes, so "nothing written" can be checked exactly. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!path.includes(`${join('run', 'latchkey')}`)) files[path] = readFileSync(path, 'latin1');
    }
  };
  walk(folder);
  return files;
}

describeWith([keyring, motoComponent], 'bad input to the CLI', () => {
  let moto: MotoWorld;
  let world: CliWorld;
  let keychain: Keychain;
  const keychainSnapshot = async () => Promise.all((['identity', 'mfa-seed', 'session'] as const).map((kind) => keychain.list(kind)));

  beforeAll(async () => {
    moto = await startMotoWorld();
    const { alice } = moto;
    world = cliWorld(moto.url);
    keychain = systemKeychain({ service: world.env.LATCHKEY_KEYCHAIN_SERVICE });
    expect((await world.run(['identity', 'add', 'alice', '--access-key-id', alice.accessKeyId, '--mfa-serial', SERIAL], { input: alice.secretAccessKey })).code).toBe(0);
    expect((await world.run(['role', 'add', 'dev', '--role-arn', ROLE, '--source', 'alice'])).code).toBe(0);
    expect((await world.run(['identity', 'add', 'carol', '--access-key-id', 'AKIAIOSFODNN7CAROLXX'], { input: SECRET })).code).toBe(0);
    // Sessions cached up front, so the cases below that reach STS find them and change nothing.
    expect((await world.run(['credential-process', 'dev'])).code).toBe(0);
    writeFileSync(
      world.credentialsFile,
      [
        '[dup]\nregion = eu-west-1\n[dup]\nregion = eu-west-2\n',
        `[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`,
        '[pasted]\naws_access_key_id = ASIAIOSFODNN7PASTED\naws_secret_access_key = pasted\naws_session_token = token\n',
      ].join('\n'),
    );
    writeFileSync(
      world.configFile,
      [
        '[profile assumer]\nrole_arn = arn:aws:iam::123456789012:role/other\nsource_profile = default\n',
        '[profile corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n',
        '[profile vault]\ncredential_process = /usr/bin/another-tool get vault\n',
        `[profile inline]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`,
      ].join('\n'),
    );
  }, 60_000);
  afterAll(async () => moto?.stop());

  it.each(cases)('$args.0 $args.1 $args.2 → exit $exit', async ({ args, input, env, exit, says }) => {
    const files = snapshot(world.home);
    const secrets = await keychainSnapshot();
    const result = await world.run(args, { input, env });
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(says);
    expect(result.stderr).not.toMatch(/\n {4}at /); // never a stack trace
    expect(result.code).toBe(exit);
    expect(snapshot(world.home)).toEqual(files);
    expect(await keychainSnapshot()).toEqual(secrets);
  });

  it('a malformed settings file is named with its line, and left as it was', async () => {
    const settings = join(world.env.LATCHKEY_HOME ?? '', 'settings.json');
    const before = readFileSync(settings, 'utf8');
    writeFileSync(settings, '{\n  "schemaVersion": 1,\n  "identities": [,]\n}\n');
    try {
      const result = await world.run(['role', 'add', 'r2', '--role-arn', ROLE, '--source', 'alice']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/the settings file .*settings\.json is not valid JSON at line 3/);
      expect(readFileSync(settings, 'utf8')).toBe('{\n  "schemaVersion": 1,\n  "identities": [,]\n}\n');
    } finally {
      writeFileSync(settings, before);
    }
  });
});
