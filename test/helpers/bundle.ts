/**
 * Bundles a TypeScript entry into one ES module that a child `node` process can run: crash,
 * concurrency and keychain tests need real, separate processes. The bundle goes in a fresh folder under
 * node_modules/.cache, so packages left external (native ones) still resolve from it; bundled CommonJS
 * gets the `require`, `__filename` and `__dirname` it expects. Callers may delete the bundle's folder.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const COMMONJS_GLOBALS = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  'const require = __createRequire(import.meta.url);',
  'const __filename = __fileURLToPath(import.meta.url);',
  "const __dirname = __fileURLToPath(new URL('.', import.meta.url));",
].join(' ');
const CACHE = join(fileURLToPath(new URL('../..', import.meta.url)), 'node_modules', '.cache', 'latchkey-test-bundles');

export async function bundleForNode(entryFile: string): Promise<string> {
  await mkdir(CACHE, { recursive: true });
  const outfile = join(await mkdtemp(join(CACHE, 'bundle-')), `${basename(entryFile, extname(entryFile))}.mjs`);
  await build({
    entryPoints: [entryFile],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@napi-rs/keyring', 'electron'],
    banner: { js: COMMONJS_GLOBALS },
    logLevel: 'error',
  });
  return outfile;
}
