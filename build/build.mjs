// Builds every runnable piece into dist/: the CLI, the Electron main and preload bundles, and the
// Svelte renderer (Vite).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const at = (...parts) => join(root, ...parts);
const only = process.argv[2];

// The native keychain binding cannot be bundled; electron is provided by the runtime.
const external = ['@napi-rs/keyring', 'electron'];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external,
  logLevel: 'warning',
  legalComments: 'none',
  // Node 20 knows every Unicode property: regex literals stay literals, rather than `new RegExp` calls
  // that run at load time (valibot's unused emoji pattern alone costs the CLI's warm path 0.4 ms).
  supported: { 'regexp-unicode-property-escapes': true },
};

/**
 * The CLI is CommonJS (Node starts it measurably faster than ES modules) split into files loaded only
 * when needed, because the warm `credential-process` path is budgeted in milliseconds (bench/):
 * latchkey.cjs (argument parsing, the command list and the commands a broker can answer), one
 * command-NAME.cjs per other command, standalone.cjs (the engine, keychain, settings and files: what works
 * without a broker) and sts.cjs (the AWS SDK). A session served by the broker loads latchkey.cjs alone.
 */
async function buildCli() {
  rmSync(at('dist/cli'), { recursive: true, force: true });
  const lazyFiles = {
    name: 'lazy-files',
    setup(build) {
      build.onResolve({ filter: /\/create-sts-api$/ }, () => ({ path: './sts.cjs', external: true }));
      build.onResolve({ filter: /\/cli-context$/ }, () => ({ path: './standalone.cjs', external: true }));
      // A command imported lazily is a file of its own; one imported outright (commands.ts says which)
      // is part of latchkey.cjs.
      build.onResolve({ filter: /^\.\/commands\/[\w-]+$/ }, ({ path, kind }) =>
        kind === 'dynamic-import' ? { path: `./command-${basename(path)}.cjs`, external: true } : undefined,
      );
    },
  };
  const lazyCommands = [...readFileSync(at('electron/cli/commands.ts'), 'utf8').matchAll(/import\('\.\/commands\/([\w-]+)'\)/g)].map(([, name]) => name);
  await esbuild({
    ...common,
    entryPoints: {
      latchkey: at('electron/cli/main.ts'),
      standalone: at('electron/cli/cli-context.ts'),
      sts: at('electron/core/sts/create-sts-api.ts'),
      ...Object.fromEntries(lazyCommands.map((name) => [`command-${name}`, at('electron/cli/commands', `${name}.ts`)])),
    },
    outdir: at('dist/cli'),
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // import() of these files becomes require(): loading CommonJS through import() costs a parse of its own.
    supported: { ...common.supported, 'dynamic-import': false },
    plugins: [lazyFiles],
  });
  const entry = at('dist/cli/latchkey.cjs');
  writeFileSync(entry, `#!/usr/bin/env node\n${readFileSync(entry, 'utf8')}`);
  chmodSync(entry, 0o755);
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
