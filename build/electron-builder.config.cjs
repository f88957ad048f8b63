/**
 * electron-builder configuration for `npm run dist`: a macOS dmg, a Windows NSIS installer, a Linux
 * AppImage and deb, each with the `latchkey` command (build/bin/) in resources/bin/. Build each on its
 * own OS: the keychain binding's native binary is the one npm installed for the building machine.
 */
const path = require('node:path');

/** The platform's launcher into resources/bin/, where it finds the app relative to itself. */
const launcher = (file) => ({ from: `build/bin/${file}`, to: `bin/${file}` });

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.latchkey.app',
  productName: 'Latchkey',
  // Not electron-builder's default dist/, which holds what build/build.mjs builds.
  directories: { output: 'release' },
  // dist/ is self-contained bundles; source maps (with every source inside) and the icon generator stay out.
  // Production dependencies are added by electron-builder; the bundles require only @napi-rs/keyring.
  files: ['dist/**', '!dist/**/*.map', 'assets/**', '!assets/*.mjs', 'package.json'],
  // The launcher runs the CLI from disk with the app's executable in Node mode. The keyring packages
  // are unpacked whole, not just their .node binary: the unpacked CLI resolves them through the
  // unpacked node_modules, where Node's module lookup (not Electron's asar reader) finds them.
  asarUnpack: ['dist/cli/**', 'node_modules/@napi-rs/keyring*/**'],
  // Its only native module is Node-API with prebuilt binaries: the same file serves Node and Electron.
  npmRebuild: false,
  // Flipped in the Electron binary before it is signed; README "Security model" says why each is set so.
  electronFuses: {
    // The `latchkey` launcher (build/bin/) runs the CLI with this executable as Node.
    runAsNode: true,
    // No cookie is ever stored (the pages make no requests); on, it would only add a keychain prompt.
    enableCookieEncryption: false,
    // Else NODE_OPTIONS (--require, --inspect) from the environment would run inside the CLI and the app.
    enableNodeOptionsEnvironmentVariable: false,
    // No debugger by --inspect or SIGUSR1.
    enableNodeCliInspectArguments: false,
    // macOS and Windows check app.asar against the hash electron-builder records; only app.asar is run.
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // No browser-process V8 snapshot is shipped.
    loadBrowserProcessSpecificV8Snapshot: false,
    // Pages come from app:// (electron/main/windows/app-protocol.ts); nothing needs file://'s extras.
    grantFileProtocolExtraPrivileges: false,
  },

  mac: {
    target: 'dmg',
    icon: 'build/icons/1024x1024.png',
    // A tray app: no Dock icon, no app menu.
    extendInfo: { LSUIElement: true },
    hardenedRuntime: true,
    // Helpers (GPU, renderer) run V8 too; without this they would get electron-builder's broader default.
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    extraResources: [launcher('latchkey')],
  },
  win: {
    target: 'nsis',
    icon: 'build/icons/256x256.png',
    extraResources: [launcher('latchkey.cmd')],
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icons',
    category: 'Utility',
    // Not `latchkey`: the deb's stock install script links /usr/bin/<executableName> to the app, and
    // /usr/bin/latchkey must be the command-line launcher (see deb below).
    executableName: 'latchkey-app',
    extraResources: [launcher('latchkey')],
  },
  deb: {
    // build/deb/usr/bin/latchkey is a symlink to /opt/Latchkey/resources/bin/latchkey; fpm copies it
    // as a symlink, so dpkg owns /usr/bin/latchkey and removes it with the package, no scripts needed.
    fpm: [`${path.join(__dirname, 'deb')}/=/`],
  },
};
