import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The layer rules of the architecture: imports flow shared ← core ← cli/main; preload and renderer
// see only shared. Each entry names what a folder may not import.
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const ours = (folder, why) => ({ group: [`**/${folder}/**`, `**/${folder}`], message: why });
// A regex, not a group: the gitignore-style group 'electron' would also match our own electron/ folder.
const noElectron = { regex: '^electron$', message: 'core and cli run in plain Node: inject what you need from electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  layer(['electron/shared/**/*.ts'], [
    ours('core', 'shared imports nothing of ours.'), ours('cli', 'shared imports nothing of ours.'),
    ours('main', 'shared imports nothing of ours.'), ours('preload', 'shared imports nothing of ours.'),
    { group: ['node:*'], message: 'shared runs anywhere, the renderer included.' },
    { regex: '^electron$', message: 'shared runs anywhere, the renderer included.' },
  ]),
  layer(['electron/core/**/*.ts'], [
    ours('cli', 'core does not know its front ends.'), ours('main', 'core does not know its front ends.'),
    ours('preload', 'core does not know its front ends.'), ours('renderer', 'core does not know its front ends.'), noElectron,
  ]),
  layer(['electron/cli/**/*.ts'], [ours('main', 'the CLI does not depend on the desktop app.'), ours('preload', 'the CLI does not depend on the desktop app.'), ours('renderer', 'the CLI does not depend on the desktop app.'), noElectron]),
  layer(['electron/main/**/*.ts'], [ours('cli', 'main and cli are siblings: share through core.'), ours('renderer', 'main talks to the renderer over IPC only.'), ours('preload', 'main talks to the preload over IPC only.')]),
  layer(['electron/preload/**/*.ts'], [ours('core', 'the preload sees only shared.'), ours('cli', 'the preload sees only shared.'), ours('main', 'the preload sees only shared.')]),
  layer(['renderer/**/*.ts'], [ours('core', 'the renderer sees only shared types and its window API.'), ours('cli', 'the renderer sees only shared.'), ours('main', 'the renderer sees only shared.'), ours('preload', 'the renderer sees only shared.'), { group: ['node:*'], message: 'the renderer is sandboxed.' }, { regex: '^electron$', message: 'the renderer is sandboxed.' }]),
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
