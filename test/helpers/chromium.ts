/**
 * Debian's Chromium driven by playwright-core, in a throwaway profile: its config and cache folders
 * point at temp folders too, so a run never touches the person's own browser state.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from './components';
import { makeTempFolder } from './temp-folders';

type ContextOptions = Omit<NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>, 'executablePath' | 'headless' | 'args' | 'env'>;

export async function launchChromium(options: ContextOptions = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const home = makeTempFolder('chromium');
  const context = await chromium.launchPersistentContext(join(home, 'profile'), {
    ...options,
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
