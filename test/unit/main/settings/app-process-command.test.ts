/** What the settings window writes when it adopts profiles, and where it honestly cannot. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProcessCommand, type ProcessCommandPort } from '../../../../electron/main/settings/app-process-command';

/** A packaged app's resources folder holding the launcher, as electron-builder lays it out. */
function resources(parent = mkdtempSync(join(tmpdir(), 'latchkey-app-'))): string {
  const folder = join(parent, 'resources');
  mkdirSync(join(folder, 'bin'), { recursive: true });
  writeFileSync(join(folder, 'bin', 'latchkey'), '#!/bin/sh\n');
  return folder;
}

const commandOf = (port: ProcessCommandPort, name: string) => ('command' in port ? port.command(name) : `unavailable: ${port.unavailable}`);

describe('appProcessCommand', () => {
  it('names the launcher in the packaged app\'s resources, quoted where the path needs it', () => {
    const folder = resources();
    expect(commandOf(appProcessCommand({ packaged: true, resourcesPath: folder, platform: 'linux', env: {} }), 'deploy')).toBe(
      `${folder}/bin/latchkey credential-process deploy`,
    );
    const spaced = resources(mkdtempSync(join(tmpdir(), 'latchkey app ')));
    expect(commandOf(appProcessCommand({ packaged: true, resourcesPath: spaced, platform: 'darwin', env: {} }), 'deploy')).toBe(
      `"${spaced}/bin/latchkey" credential-process deploy`,
    );
    const windows = 'C:\\Program Files\\Latchkey\\resources';
    const port = appProcessCommand({ packaged: true, resourcesPath: windows, platform: 'win32', env: {}, exists: (path) => path === `${windows}\\bin\\latchkey.cmd` });
    expect(commandOf(port, 'deploy')).toBe('"C:\\Program Files\\Latchkey\\resources\\bin\\latchkey.cmd" credential-process deploy');
  });

  it('offers no command, saying why, where none would keep working outside the app', () => {
    const folder = resources();
    const why = (layout: Partial<Parameters<typeof appProcessCommand>[0]>) =>
      commandOf(appProcessCommand({ packaged: true, resourcesPath: folder, platform: 'linux', env: {}, ...layout }), 'deploy');
    expect(why({ packaged: false })).toMatch(/^unavailable: this development build has no `latchkey` command .* `npx latchkey import --scrub --adopt`$/);
    expect(why({ env: { APPIMAGE: '/home/a/Latchkey.AppImage' } })).toMatch(/^unavailable: an AppImage is mounted at a new temporary folder each time it starts/);
    expect(why({ platform: 'darwin', resourcesPath: '/private/var/folders/x/T/AppTranslocation/ABC/d/Latchkey.app/Contents/Resources' })).toMatch(
      /^unavailable: macOS is running Latchkey from a temporary copy: move Latchkey.app to the Applications folder/,
    );
    expect(why({ resourcesPath: join(folder, 'elsewhere') })).toBe(`unavailable: the \`latchkey\` command is missing from ${folder}/elsewhere/bin/latchkey: reinstall Latchkey`);
    const quoted = resources(mkdtempSync(join(tmpdir(), 'latchkey-$HOME-')));
    expect(why({ resourcesPath: quoted })).toMatch(/^unavailable: cannot write a credential_process command for the path/);
  });
});
