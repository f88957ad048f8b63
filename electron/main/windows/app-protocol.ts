/**
 * The app:// scheme the windows load their pages from (Electron's security checklist, item 18). A page
 * on file:// could read any file:// URL, and Electron grants file:// more than a browser does; this
 * handler serves only the built renderer's own files, by a narrow rule, and answers 404 to the rest.
 * Every response carries the strict CSP as a header, the same policy as each page's meta tag.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type { Protocol } from 'electron';

export const APP_SCHEME = 'app';
const HOST = 'latchkey';

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/** What the renderer build emits; a file of any other type is not served (add its type here first). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * A path segment as Vite names its output (`settings.html`, `assets/settings-CTpVvDr3.js`): no `%`, so
 * no encoded `/`, `\` or `..`; no leading dot, so no `.`, `..` or hidden file; no `:` or `\`, so no
 * Windows drive, stream or separator.
 */
const SEGMENT = /^[\w-][\w.-]*$/;

/** A file of the renderer as its windows address it: app://latchkey/settings.html. */
export const appUrl = (file: string): URL => new URL(`${APP_SCHEME}://${HOST}/${file}`);

/**
 * Before the app is ready (Electron fixes scheme privileges at start-up): standard, so relative URLs
 * and 'self' in the CSP mean app://latchkey; secure, like https. Nothing more: no fetch, no CORS, no
 * service workers, no CSP bypass.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Once ready: app:// serves `folder` (dist/renderer/) through rendererResponse. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, folder: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(folder, request));
}

const headers = (contentType?: string): Record<string, string> => ({
  ...(contentType ? { 'Content-Type': contentType } : {}),
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
});

/** The answer to one request: the file under `folder` it names, or 404 (405 for anything but GET). */
export async function rendererResponse(folder: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET') return new Response(null, { status: 405, headers: headers() });
  const file = await rendererFile(folder, request.url);
  if (!file) return new Response(null, { status: 404, headers: headers() });
  return new Response(file.body, { status: 200, headers: headers(file.contentType) });
}

async function rendererFile(folder: string, url: string): Promise<{ body: Buffer; contentType: string } | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== HOST || parsed.username !== '' || parsed.password !== '') return undefined;
  const segments = parsed.pathname.slice(1).split('/');
  if (!segments.every((segment) => SEGMENT.test(segment))) return undefined;
  const path = join(folder, ...segments);
  const contentType = CONTENT_TYPES[extname(path)];
  if (!contentType) return undefined;
  try {
    // A symlink may point anywhere: what counts is where the file really is. (Inside app.asar,
    // Electron's fs resolves these paths within the archive and checks its integrity on read.)
    const [root, real] = await Promise.all([realpath(folder), realpath(path)]);
    const inside = relative(root, real);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
    if (!(await stat(real)).isFile()) return undefined;
    return { body: await readFile(real), contentType };
  } catch {
    // Missing, unreadable or gone meanwhile: not ours to show.
    return undefined;
  }
}
