/**
 * The layer rules of eslint.config.js reach every kind of file a layer can hold. The fixtures break a
 * rule on purpose, so the ordinary `eslint .` skips them; here ESLint reads each one as if it sat in
 * renderer/src/, with the repository's own configuration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURES = join(ROOT, 'test/unit/lint/fixtures');
const LAYERS = ['electron/shared', 'electron/core', 'electron/cli', 'electron/main', 'electron/preload', 'renderer'];
const KINDS = ['ts', 'svelte.ts', 'svelte', 'js', 'mjs', 'cjs'];
const RENDERER_RULE = 'the renderer sees only shared types and its window API.';
const IMPORTS_CORE = "import { totpCode } from '../../electron/core/totp/totp-code';\nexport const code = totpCode;\n";

const eslint = new ESLint({ cwd: ROOT });

/** What ESLint says about `text` as the file at `path` in the repository. */
async function lintAs(path: string, text: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(text, { filePath: join(ROOT, path) });
  return result?.messages.map(({ ruleId, message }) => ({ ruleId, message })) ?? [];
}

describe('layer rules', () => {
  it('refuses a component that imports core', async () => {
    const component = readFileSync(join(FIXTURES, 'reaches-core.svelte'), 'utf8');
    expect(await lintAs('renderer/src/reaches-core.svelte', component)).toEqual([
      { ruleId: 'no-restricted-imports', message: expect.stringContaining(RENDERER_RULE) },
    ]);
  });

  it('lets a component import shared types', async () => {
    const component = `<script lang="ts">
  import type { MfaDevice } from '../../electron/shared/model';
  let { device }: { device: MfaDevice } = $props();
</script>

<p>{device.name}</p>
`;
    expect(await lintAs('renderer/src/shows-device.svelte', component)).toEqual([]);
  });

  it.each(['ts', 'svelte.ts', 'js', 'mjs'])('refuses a .%s module that imports core', async (kind) => {
    expect(await lintAs(`renderer/src/reaches-core.${kind}`, IMPORTS_CORE)).toEqual([
      { ruleId: 'no-restricted-imports', message: expect.stringContaining(RENDERER_RULE) },
    ]);
  });

  it('refuses require() in a .cjs script, where the import rule cannot see', async () => {
    const script = "const { totpCode } = require('../../electron/core/totp/totp-code');\nmodule.exports = totpCode;\n";
    expect((await lintAs('renderer/src/reaches-core.cjs', script)).map((message) => message.ruleId)).toEqual(['@typescript-eslint/no-require-imports']);
  });

  it.each(LAYERS)('applies the rules of %s to every kind of file there', async (layer) => {
    for (const kind of KINDS) {
      const { rules } = await eslint.calculateConfigForFile(join(ROOT, layer, `any.${kind}`));
      const severities = [rules['no-restricted-imports']?.[0], rules['@typescript-eslint/no-require-imports']?.[0]];
      expect(severities, `${layer}/any.${kind}`).toEqual([2, 2]);
    }
  });

  it('keeps the fixtures out of the ordinary `eslint .`', async () => {
    expect(await eslint.isPathIgnored(join(FIXTURES, 'reaches-core.svelte'))).toBe(true);
  });
});
