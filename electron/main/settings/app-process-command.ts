/**
 * The `credential_process` command the settings window writes when it adopts profiles: the `latchkey`
 * launcher the packaged app ships in its resources/bin/ (build/electron-builder.config.cjs), which runs
 * the bundled CLI with the app's own executable, the same line `latchkey configure-process` writes when
 * run through it.
 *
 * Where the app cannot name a command that still works once it has quit, it offers no adopting and says
 * why, rather than write a line that every AWS tool would then fail on:
 * - not packaged (`npm start`): process.execPath is the Electron binary, which runs the CLI only with
 *   ELECTRON_RUN_AS_NODE set, and credential_process cannot set a variable without a shell; a `node`
 *   found on PATH now may be missing or another version in the IDE or service that runs the line. The
 *   CLI, run by node, names itself reliably, so the message sends the person there.
 * - an AppImage: it is mounted at a new temporary folder on every launch.
 * - macOS App Translocation: an app opened where it was downloaded runs from a temporary random copy.
 */
import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { describeError } from '../../shared/errors';
import { processCommandLine } from '../../core/sessions/process-command-line';
import { shellWord } from '../../core/sessions/shell-word';

/** The settings handlers' port: the command for a Latchkey name, or why this app cannot write one. */
export type ProcessCommandPort = { command: (name: string) => string } | { unavailable: string };

export interface AppLayout {
  /** Electron's app.isPackaged. */
  packaged: boolean;
  /** Electron's process.resourcesPath. */
  resourcesPath: string;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Whether a file is there (a test of another OS's layout says). */
  exists?: (path: string) => boolean;
}

export function appProcessCommand({ packaged, resourcesPath, platform, env, exists = existsSync }: AppLayout): ProcessCommandPort {
  if (!packaged)
    return {
      unavailable:
        'this development build has no `latchkey` command that AWS tools could run once it quits: adopt from the command line instead, with `npx latchkey import --scrub --adopt`',
    };
  if (platform === 'linux' && env.APPIMAGE)
    return {
      unavailable:
        'an AppImage is mounted at a new temporary folder each time it starts, so a credential_process naming its `latchkey` command would stop working: adopt with an installed `latchkey` (the deb package) instead',
    };
  if (platform === 'darwin' && resourcesPath.includes('/AppTranslocation/'))
    return { unavailable: 'macOS is running Latchkey from a temporary copy: move Latchkey.app to the Applications folder and open it again' };
  const launcher = platform === 'win32' ? win32.join(resourcesPath, 'bin', 'latchkey.cmd') : posix.join(resourcesPath, 'bin', 'latchkey');
  if (!exists(launcher)) return { unavailable: `the \`latchkey\` command is missing from ${launcher}: reinstall Latchkey` };
  try {
    shellWord(launcher, platform);
  } catch (error) {
    return { unavailable: describeError(error) };
  }
  return { command: (name) => processCommandLine([launcher], name, platform) };
}
