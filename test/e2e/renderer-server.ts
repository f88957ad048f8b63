/**
 * The built renderer served over http on 127.0.0.1 (file:// pages cannot load their module scripts).
 * Builds it first when dist/renderer is missing or older than any renderer or shared source; npm test
 * builds before the suites, so this only costs time when a suite runs on its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist', 'renderer');
const sources = [join(root, 'renderer'), join(root, 'electron', 'shared'), join(root, 'vite.config.ts')];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function buildIfStale(page: string): void {
  const built = join(dist, page);
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestChange))) return;
  execFileSync(process.execPath, [join(root, 'build', 'build.mjs'), 'renderer'], { cwd: root, stdio: 'inherit' });
}

/** Serves dist/renderer after making sure `page` is built from the current sources. */
export async function rendererServer(page: string): Promise<{ url(page: string): string; close(): Promise<void> }> {
  buildIfStale(page);
  const server = createServer((request, response) => {
    const path = normalize(join(dist, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(dist + sep) || !existsSync(path) || statSync(path).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
