import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
// Every *.html at the renderer's top level is a window.
const pages = Object.fromEntries(
  readdirSync(rendererRoot)
    .filter((file) => file.endsWith('.html'))
    .map((file) => [file.replace(/\.html$/, ''), join(rendererRoot, file)]),
);

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [svelte()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: pages },
  },
});
