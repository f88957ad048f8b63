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
 * latchkey.cjs (argument parsing, the command table and the commands a broker can answer),
 * standalone.cjs (the engine, keychain, settings and files: what works without a broker), sts.cjs (the
 * AWS SDK's STS), iam.cjs (its IAM, for key rotation and MFA enrolment), endpoint.cjs (the local credential endpoint of `exec --server` and `serve`), and one
 * command-NAME.cjs per command the table (electron/cli/commands.ts) imports lazily.
 * A session served by the broker loads latchkey.cjs alone. esbuild splits code only into ES modules, so
 * the files are declared here, as data, and each import of one becomes a require() of its file.
 */
const CLI_FILES = {
  latchkey: 'electron/cli/main.ts',
  standalone: 'electron/cli/cli-context.ts',
  sts: 'electron/core/sts/create-sts-api.ts',
  iam: 'electron/core/iam/create-iam-api.ts',
  endpoint: 'electron/cli/serve-endpoint.ts',
};
/** Whatever this module imports with import() is a command file of its own. */
const COMMAND_TABLE = 'electron/cli/commands.ts';

/** Marks a resolution the plugins asked esbuild for themselves, so they do not see it again. */
const RESOLVING = Symbol('resolving');
const resolve = (build, { path, kind, importer, resolveDir }) => build.resolve(path, { kind, importer, resolveDir, pluginData: RESOLVING });

async function buildCli() {
  rmSync(at('dist/cli'), { recursive: true, force: true });
  const commands = await lazyImportsOf(at(COMMAND_TABLE));
  if (commands.length === 0) throw new Error(`${COMMAND_TABLE} imports no command lazily: is it still the command table?`);
  // Each file's module, by absolute path → the file's name.
  const files = new Map([
    ...Object.entries(CLI_FILES).map(([name, source]) => [at(source), name]),
    ...commands.map((source) => [source, `command-${basename(source, '.ts')}`]),
  ]);
  const splitFiles = {
    name: 'split-files',
    setup(build) {
      // Any import of one of the files' modules, with import() or outright, is a require() of that file.
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === RESOLVING) return undefined;
        const resolved = await resolve(build, args);
        const file = files.get(resolved.path);
        return file === undefined ? undefined : { path: `./${file}.cjs`, external: true };
      });
    },
  };
  await esbuild({
    ...common,
    entryPoints: Object.fromEntries([...files].map(([source, name]) => [name, source])),
    outdir: at('dist/cli'),
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // import() of these files becomes require(): loading CommonJS through import() costs a parse of its own.
    supported: { ...common.supported, 'dynamic-import': false },
    plugins: [splitFiles],
  });
  const entry = at('dist/cli/latchkey.cjs');
  writeFileSync(entry, `#!/usr/bin/env node\n${readFileSync(entry, 'utf8')}`);
  chmodSync(entry, 0o755);
}

/** The modules `module` imports with import(), as esbuild resolves them (it reads the module; nothing else is bundled). */
async function lazyImportsOf(module) {
  const lazy = [];
  await esbuild({
    entryPoints: [module],
    bundle: true,
    write: false,
    platform: 'node',
    logLevel: 'warning',
    plugins: [
      {
        name: 'lazy-imports',
        setup(build) {
          build.onResolve({ filter: /.*/ }, async (args) => {
            if (args.kind === 'entry-point' || args.pluginData === RESOLVING) return undefined;
            if (args.kind === 'dynamic-import') lazy.push((await resolve(build, args)).path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return lazy;
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
