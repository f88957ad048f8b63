/**
 * Packs the app with electron-builder's Linux `dir` target (the folder AppImage and deb wrap) and a
 * stand-in for Electron's binary, which cannot be downloaded here: a script that runs Node when
 * ELECTRON_RUN_AS_NODE=1, the only mode the launcher uses, and fails otherwise. Then checks what went
 * where, and runs the `latchkey` command through links as the deb installs it (/usr/bin/latchkey →
 * resources/bin/latchkey): with the real keychain and moto, configure-process writes the link's path,
 * the AWS CLI gets credentials through it, and `exec` keeps the launcher's variables from its command.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { build, Platform, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCliV1, keyring, moto as motoComponent } from '../../helpers/components';
import { cliWorld, collect, type CliResult, type CliWorld } from '../../helpers/latchkey-cli';
import { ACCOUNT, ALLOW_ASSUME_ROLE, createRole, createUser, iamClient } from '../../helpers/moto-iam';
import { startMoto, type Moto } from '../../helpers/moto';
import { describeWith } from '../../helpers/needs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const config: Configuration = createRequire(import.meta.url)(join(ROOT, 'build/electron-builder.config.cjs'));
const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

let temp: string;
let resources: string;
/** /usr/bin/latchkey as the deb installs it: an absolute link to the launcher. */
let usrBinLatchkey: string;

/** The bundles app.asar must hold, by dist/ folder. */
const BUNDLES = { main: /\.cjs$/, preload: /\.cjs$/, renderer: /\.html$/, cli: /\.cjs$/ };
/** The built bundles in one dist/ folder, as app.asar lists them. */
const built = (folder: keyof typeof BUNDLES) =>
  readdirSync(join(ROOT, 'dist', folder)).filter((file) => BUNDLES[folder].test(file)).map((file) => `/dist/${folder}/${file}`);

const launch = (command: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> =>
  collect(spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] }), input);

beforeAll(async () => {
  // `npm test` builds before vitest; run alone, this suite builds what it packs.
  if (!['cli/latchkey.cjs', 'main/main.cjs', 'preload', 'renderer'].every((path) => existsSync(join(ROOT, 'dist', path))))
    execFileSync(process.execPath, [join(ROOT, 'build/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  temp = mkdtempSync(join(tmpdir(), 'latchkey-package-'));
  // An unpacked Electron for electron-builder is a folder holding the `electron` binary (renamed to the
  // app's executable); LICENSE, version and the rest are optional.
  const electronDist = join(temp, 'electron-dist');
  mkdirSync(electronDist);
  // Electron's fuse wire (its sentinel, version 1, nine fuses at their defaults) lets electron-builder
  // flip the fuses it is configured with, as in a real binary; to sh it is a comment.
  const fuseWire = '# dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX\x01\x09101100011';
  const standIn = `#!/bin/sh\n${fuseWire}\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || { echo "stand-in Electron: only Node mode" >&2; exit 97; }\nexec "${process.execPath}" "$@"\n`;
  writeFileSync(join(electronDist, 'electron'), standIn, { mode: 0o755 });
  const output = join(temp, 'release');
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    // electronVersion given, so electron-builder does not look for an installed Electron's version.
    config: { ...config, electronDist, electronVersion: electronVersion(), directories: { ...config.directories, output } },
    publish: 'never',
  });
  const unpacked = readdirSync(output).find((name) => name.endsWith('-unpacked')) ?? '';
  resources = join(output, unpacked, 'resources');
  usrBinLatchkey = join(temp, 'usr/bin/latchkey');
  mkdirSync(join(temp, 'usr/bin'), { recursive: true });
  symlinkSync(join(resources, 'bin/latchkey'), usrBinLatchkey);
}, 120_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the packaged app', () => {
  it('holds the main, preload, renderer and CLI bundles, the assets and package.json in app.asar, without source maps', () => {
    const files = listPackage(join(resources, 'app.asar'), { isPack: false });
    for (const folder of Object.keys(BUNDLES) as (keyof typeof BUNDLES)[]) {
      expect(built(folder).length, folder).toBeGreaterThan(0);
      expect(files).toEqual(expect.arrayContaining(built(folder)));
    }
    expect(files).toEqual(expect.arrayContaining(['/dist/main/main.cjs', '/dist/cli/latchkey.cjs', '/package.json', '/assets/tray-none.png']));
    expect(files.filter((file) => file.startsWith('/dist/') && file.endsWith('.map'))).toEqual([]);
  });

  it('has the CLI and the keyring binding with its native binary unpacked on disk, and the launcher executable', () => {
    const unpacked = join(resources, 'app.asar.unpacked');
    for (const bundle of built('cli')) expect(existsSync(join(unpacked, bundle))).toBe(true);
    const napi = join(unpacked, 'node_modules/@napi-rs');
    const binaries = readdirSync(napi)
      .filter((name) => name.startsWith('keyring-'))
      .flatMap((name) => readdirSync(join(napi, name)).filter((file) => file.endsWith('.node')));
    expect(binaries).toHaveLength(1);
    expect(existsSync(join(napi, 'keyring/index.js'))).toBe(true);
    expect(statSync(join(resources, 'bin/latchkey')).mode & 0o111).toBe(0o111);
    expect(statSync(join(resources, '../latchkey-app')).mode & 0o111).toBe(0o111);
  });

  it('runs the CLI with the app executable in Node mode through absolute and relative links', async () => {
    const env = { PATH: process.env.PATH };
    expect(await launch(usrBinLatchkey, ['--version'], env)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    mkdirSync(join(temp, 'usr/local/bin'), { recursive: true });
    symlinkSync('../../bin/latchkey', join(temp, 'usr/local/bin/lk'));
    expect(await launch(join(temp, 'usr/local/bin/lk'), ['--version'], env)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });
});

describeWith([keyring, motoComponent, awsCliV1], 'the packaged `latchkey` command in use', () => {
  let moto: Moto;
  let world: CliWorld;
  let alice: { accessKeyId: string; secretAccessKey: string };
  const latchkey = (args: string[], input?: string) => launch(usrBinLatchkey, args, world.env, input);

  beforeAll(async () => {
    moto = await startMoto();
    const iam = iamClient(moto.url);
    alice = await createUser(iam, 'alice', ALLOW_ASSUME_ROLE);
    await createRole(iam, 'dev', ['alice']);
    await moto.enableAuth();
    world = cliWorld(moto.url);
  }, 60_000);
  afterAll(async () => moto?.stop());

  it('keeps the key in the keychain through the unpacked binding', async () => {
    const identity = await latchkey(['identity', 'add', 'alice', '--access-key-id', alice.accessKeyId, '--region', 'us-east-1'], `${alice.secretAccessKey}\n`);
    expect(identity).toMatchObject({ code: 0, stderr: '' });
    const role = await latchkey(['role', 'add', 'dev', '--role-arn', `arn:aws:iam::${ACCOUNT}:role/dev`, '--source', 'alice']);
    expect(role).toMatchObject({ code: 0, stderr: '' });
  });

  it('configure-process writes the command by its link, and the AWS CLI gets credentials through it', async () => {
    expect(await latchkey(['configure-process', 'dev'])).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(world.configFile, 'utf8')).toBe(`[profile dev]\ncredential_process = ${usrBinLatchkey} credential-process dev\nregion = us-east-1\n`);
    const { stdout } = await promisify(execFile)('aws', ['sts', 'get-caller-identity', '--profile', 'dev', '--endpoint-url', moto.url, '--output', 'json'], { env: world.env });
    expect(JSON.parse(stdout).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice`);
  });

  it('exec passes the session, not the launcher’s variables, to its command', async () => {
    const show = 'const e = process.env; console.log(JSON.stringify([e.ELECTRON_RUN_AS_NODE, e.LATCHKEY_LAUNCHER, e.AWS_ACCESS_KEY_ID?.slice(0, 4)]))';
    const { code, stdout } = await latchkey(['exec', 'dev', '--', process.execPath, '-e', show]);
    expect({ code, variables: JSON.parse(stdout) }).toEqual({ code: 0, variables: [null, null, 'ASIA'] });
  });
});

/** The installed Electron's version: electron-builder is told it instead of finding an Electron binary. */
function electronVersion(): string {
  return (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
}
