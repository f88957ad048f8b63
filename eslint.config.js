import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';

// The layer rules of the architecture: imports flow shared ← core ← cli/main; preload and renderer
// see only shared. Each entry names what a folder may not import, in every kind of file ESLint reads
// there: .ts and .svelte.ts modules, .svelte components, .js/.mjs and .cjs scripts. The rule sees
// import declarations only, so the layers refuse require() too, .cjs included.
// test/unit/lint/layer-rules.test.ts proves it on fixtures.
const layer = (folder, patterns) => ({
  files: [`${folder}/**`],
  rules: { 'no-restricted-imports': ['error', { patterns }], '@typescript-eslint/no-require-imports': 'error' },
});
const ours = (folder, why) => ({ group: [`**/${folder}/**`, `**/${folder}`], message: why });
// A regex, not a group: the gitignore-style group 'electron' would also match our own electron/ folder.
const noElectron = { regex: '^electron$', message: 'core and cli run in plain Node: inject what you need from electron.' };
// Svelte components and rune modules.
const SVELTE = ['**/*.svelte', '**/*.svelte.ts'];

export default tseslint.config(
  // The fixtures break the rules on purpose; the lint test reads them as if they sat in their layer.
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'release/**', 'test/unit/lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Svelte's rules, kept to the components and rune modules (unscoped, they run on every file).
  ...svelte.configs.recommended.map((config) => ({ files: SVELTE, ...config })),
  {
    // The components' <script lang="ts"> and the rune modules are TypeScript.
    files: SVELTE,
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  layer('electron/shared', [
    ours('core', 'shared imports nothing of ours.'), ours('cli', 'shared imports nothing of ours.'),
    ours('main', 'shared imports nothing of ours.'), ours('preload', 'shared imports nothing of ours.'),
    { group: ['node:*'], message: 'shared runs anywhere, the renderer included.' },
    { regex: '^electron$', message: 'shared runs anywhere, the renderer included.' },
  ]),
  layer('electron/core', [
    ours('cli', 'core does not know its front ends.'), ours('main', 'core does not know its front ends.'),
    ours('preload', 'core does not know its front ends.'), ours('renderer', 'core does not know its front ends.'), noElectron,
  ]),
  layer('electron/cli', [ours('main', 'the CLI does not depend on the desktop app.'), ours('preload', 'the CLI does not depend on the desktop app.'), ours('renderer', 'the CLI does not depend on the desktop app.'), noElectron]),
  layer('electron/main', [ours('cli', 'main and cli are siblings: share through core.'), ours('renderer', 'main talks to the renderer over IPC only.'), ours('preload', 'main talks to the preload over IPC only.')]),
  layer('electron/preload', [ours('core', 'the preload sees only shared.'), ours('cli', 'the preload sees only shared.'), ours('main', 'the preload sees only shared.')]),
  layer('renderer', [ours('core', 'the renderer sees only shared types and its window API.'), ours('cli', 'the renderer sees only shared.'), ours('main', 'the renderer sees only shared.'), ours('preload', 'the renderer sees only shared.'), { group: ['node:*'], message: 'the renderer is sandboxed.' }, { regex: '^electron$', message: 'the renderer is sandboxed.' }]),
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
