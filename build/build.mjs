// Builds every runnable piece into dist/: the CLI (one ESM bundle whose AWS SDK code sits in lazily
// imported chunks, so the cached path never loads it), the Electron main and preload bundles, and the
// Svelte renderer (Vite).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const at = (...parts) => join(root, ...parts);
const only = process.argv[2];

// The native keychain binding cannot be bundled; electron is provided by the runtime.
const external = ['@napi-rs/keyring', 'electron'];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', external, logLevel: 'warning', legalComments: 'none' };

async function buildCli() {
  rmSync(at('dist/cli'), { recursive: true, force: true });
  await esbuild({
    ...common,
    entryPoints: { latchkey: at('electron/cli/main.ts') },
    outdir: at('dist/cli'),
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Bundled CommonJS dependencies (the AWS SDK) expect require, __filename and __dirname.
    banner: {
      js: [
        '#!/usr/bin/env node',
        'import { createRequire as __lkRequire } from "node:module"; import { fileURLToPath as __lkPath } from "node:url"; import { dirname as __lkDir } from "node:path";',
        'const require = __lkRequire(import.meta.url); const __filename = __lkPath(import.meta.url); const __dirname = __lkDir(__filename);',
      ].join('\n'),
    },
  });
}

async function buildMain() {
  rmSync(at('dist/main'), { recursive: true, force: true });
  await esbuild({ ...common, entryPoints: [at('electron/main/main.ts')], outdir: at('dist/main'), format: 'cjs', outExtension: { '.js': '.cjs' } });
}

async function buildPreload() {
  rmSync(at('dist/preload'), { recursive: true, force: true });
  // Sandboxed preloads must be a single CommonJS file each.
  const entries = readdirSync(at('electron/preload')).filter((f) => f.endsWith('.ts')).map((f) => at('electron/preload', f));
  await esbuild({ ...common, entryPoints: entries, outdir: at('dist/preload'), format: 'cjs', outExtension: { '.js': '.cjs' }, sourcemap: false });
}

async function buildRenderer() {
  await viteBuild({ configFile: at('vite.config.ts'), logLevel: 'warn' });
}

const steps = { cli: buildCli, main: buildMain, preload: buildPreload, renderer: buildRenderer };
if (only && !steps[only]) throw new Error(`unknown build step "${only}"; one of ${Object.keys(steps).join(', ')}`);
await Promise.all(Object.entries(steps).filter(([name]) => !only || name === only).map(([, step]) => step()));
