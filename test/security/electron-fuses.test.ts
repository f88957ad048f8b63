/**
 * Electron's fuses as the packaging configuration sets them: exactly the decided values, every fuse the
 * fuse library electron-builder uses knows about decided (so an upgrade that adds one fails here until
 * someone decides it), and the README's table saying the same as the configuration.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../build/electron-builder.config.cjs') as Configuration;
// The @electron/fuses that electron-builder itself loads to flip them.
const { FuseV1Options } = createRequire(require.resolve('app-builder-lib'))('@electron/fuses') as { FuseV1Options: Record<string, string | number> };

/** FuseV1Options.RunAsNode is electron-builder's `runAsNode`. */
const configKey = (fuse: string) => fuse[0]?.toLowerCase() + fuse.slice(1);

describe("Electron's fuses", () => {
  it('are set to the decided values and nothing else', () => {
    expect(config.electronFuses).toStrictEqual({
      runAsNode: true,
      enableCookieEncryption: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('leave no fuse that electron-builder can flip undecided', () => {
    const known = Object.keys(FuseV1Options).filter((name) => Number.isNaN(Number(name)));
    expect(known.map(configKey).sort()).toEqual(Object.keys(config.electronFuses ?? {}).sort());
  });

  it('keep RunAsNode on because the `latchkey` launchers run the CLI in Node mode', () => {
    expect(readFileSync(new URL('../../build/bin/latchkey', import.meta.url), 'utf8')).toMatch(/^ELECTRON_RUN_AS_NODE=1$/m);
    expect(readFileSync(new URL('../../build/bin/latchkey.cmd', import.meta.url), 'utf8')).toMatch(/^set ELECTRON_RUN_AS_NODE=1\r$/m);
  });

  it("are documented in the README's Security model table as they are set", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Security model'), readme.indexOf('\n## ', readme.indexOf('## Security model') + 1));
    const rows = [...section.matchAll(/^ *\| `(\w+)` \| (on|off) \|/gm)].map(([, fuse = '', state]) => [configKey(fuse), state === 'on']);
    expect(Object.fromEntries(rows)).toStrictEqual(config.electronFuses);
  });
});
