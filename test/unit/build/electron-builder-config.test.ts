/**
 * The packaging configuration and the files it points at, checked without packaging: what each target
 * needs is present and well-formed. test/integration/build/packaged-app.test.ts packs the app itself.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync, readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration, FileSet, TargetConfiguration } from 'electron-builder';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../electron/main/app/app-id';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const config: Configuration = createRequire(import.meta.url)(join(ROOT, 'build/electron-builder.config.cjs'));
const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

type Target = string | TargetConfiguration | (string | TargetConfiguration)[] | null | undefined;
const targetNames = (target: Target) => [target ?? []].flat().map((entry) => (typeof entry === 'string' ? entry : entry.target));

/** Where each extraResources entry comes from and goes to. */
const resources = (entries: unknown) => [entries ?? []].flat().map((entry) => ({ from: (entry as FileSet).from, to: (entry as FileSet).to }));

describe('electron-builder configuration', () => {
  it('names the app and builds a dmg, an NSIS installer, an AppImage and a deb', () => {
    expect(config).toMatchObject({ appId: APP_ID, productName: 'Latchkey' });
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
  });

  it('ships the built bundles, the run-time assets and package.json, and unpacks the CLI and the keyring binding', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'assets/**', 'package.json']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['dist/cli/**', 'node_modules/@napi-rs/keyring*/**']));
  });

  it.each(ICON_SIZES)('has a %i px application icon that is a real PNG of that size', (size) => {
    const png = PNG.sync.read(readFileSync(join(ROOT, 'build/icons', `${size}x${size}.png`)));
    expect({ width: png.width, height: png.height }).toEqual({ width: size, height: size });
  });

  it('gives each target the icon electron-builder wants: macOS ≥ 512 px, Windows 256 px, Linux the sized set', () => {
    expect(config.mac?.icon).toBe('build/icons/1024x1024.png');
    expect(config.win?.icon).toBe('build/icons/256x256.png');
    expect(config.linux?.icon).toBe('build/icons');
  });

  it('is a tray-only app on macOS, hardened, with entitlements that are a valid XML property list', () => {
    expect(config.mac?.extendInfo).toMatchObject({ LSUIElement: true });
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.entitlementsInherit).toBe(config.mac?.entitlements);
    // Python's plistlib parses with expat and refuses what codesign would; the JS plist parsers are lenient.
    const script = 'import json, plistlib, sys; print(json.dumps(plistlib.load(open(sys.argv[1], "rb"), fmt=plistlib.FMT_XML)))';
    const parsed = JSON.parse(execFileSync('python3', ['-c', script, join(ROOT, config.mac?.entitlements ?? '')], { encoding: 'utf8' }));
    expect(parsed).toEqual({ 'com.apple.security.cs.allow-jit': true });
  });

  it('puts the launcher for each platform into resources/bin/', () => {
    expect(resources(config.mac?.extraResources)).toEqual([{ from: 'build/bin/latchkey', to: 'bin/latchkey' }]);
    expect(resources(config.linux?.extraResources)).toEqual([{ from: 'build/bin/latchkey', to: 'bin/latchkey' }]);
    expect(resources(config.win?.extraResources)).toEqual([{ from: 'build/bin/latchkey.cmd', to: 'bin/latchkey.cmd' }]);
    const posix = join(ROOT, 'build/bin/latchkey');
    accessSync(posix, constants.X_OK);
    execFileSync('sh', ['-n', posix]); // parses as POSIX sh
    const windows = readFileSync(join(ROOT, 'build/bin/latchkey.cmd'), 'latin1');
    expect(windows).toMatch(/\r\n$/); // CRLF throughout, as cmd.exe expects
    expect(windows).not.toMatch(/[^\r]\n/);
    expect(windows).toContain('"%~dp0..\\..\\Latchkey.exe" "%~dp0..\\app.asar.unpacked\\dist\\cli\\latchkey.cjs" %*');
  });

  it('installs /usr/bin/latchkey from the deb as a link to the launcher, apart from the app executable', () => {
    const link = join(ROOT, 'build/deb/usr/bin/latchkey');
    expect(readlinkSync(link)).toBe('/opt/Latchkey/resources/bin/latchkey');
    expect(config.deb?.fpm).toEqual([`${join(ROOT, 'build/deb')}/=/`]);
    // The deb's stock install script links /usr/bin/<executableName> to the app: it must not be `latchkey`.
    expect(config.linux?.executableName).toBe('latchkey-app');
    expect(readFileSync(join(ROOT, 'build/bin/latchkey'), 'utf8')).toContain('app=$resources/../latchkey-app');
  });
});
