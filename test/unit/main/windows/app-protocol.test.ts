import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { appUrl, CONTENT_SECURITY_POLICY, registerAppScheme, rendererResponse, serveRenderer } from '../../../../electron/main/windows/app-protocol';
import { protocol, resetFakeElectron } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

// A built renderer in a temp folder, with things beside and inside it that must not be served.
const base = mkdtempSync(join(tmpdir(), 'latchkey-app-protocol-'));
const folder = join(base, 'renderer');
mkdirSync(join(folder, 'assets'), { recursive: true });
mkdirSync(join(folder, 'folder.js'));
const files: Record<string, string> = {
  'renderer/settings.html': '<!doctype html><title>settings</title>',
  'renderer/assets/settings-CTpVvDr3.js': 'export {};',
  'renderer/assets/settings-DsULNZ0y.css': 'body {}',
  'renderer/assets/notes.txt': 'an unknown type',
  'renderer/assets/settings-CTpVvDr3.js.map': '{"sources":[]}',
  'renderer/.hidden.js': 'hidden',
  'outside.html': '<p>outside the renderer folder</p>',
  'renderer-sibling/settings.html': '<p>a sibling folder whose name starts the same</p>',
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(base, path, '..'), { recursive: true });
  writeFileSync(join(base, path), text);
}
symlinkSync(join(base, 'outside.html'), join(folder, 'link-out.html'));
symlinkSync(join(folder, 'assets', 'settings-CTpVvDr3.js'), join(folder, 'link-in.js'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string) => rendererResponse(folder, { url, method: 'GET' });

describe('the app:// handler', () => {
  it('serves the renderer files by their type, each with the CSP and no sniffing', async () => {
    for (const [file, type] of [
      ['settings.html', 'text/html; charset=utf-8'],
      ['assets/settings-CTpVvDr3.js', 'text/javascript; charset=utf-8'],
      ['assets/settings-DsULNZ0y.css', 'text/css; charset=utf-8'],
    ] as const) {
      const response = await get(appUrl(file).href);
      expect(response.status, file).toBe(200);
      expect(Object.fromEntries(response.headers)).toEqual({
        'content-type': type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      });
      expect(await response.text()).toBe(files[`renderer/${file}`]);
    }
  });

  it('ignores the query and the fragment', async () => {
    expect((await get('app://latchkey/settings.html?request=1#code')).status).toBe(200);
  });

  it('follows a symlink that stays inside the renderer folder', async () => {
    const response = await get('app://latchkey/link-in.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('export {};');
  });

  it.each([
    ['a climb out', 'app://latchkey/../outside.html'],
    ['a climb out through a folder', 'app://latchkey/assets/../../outside.html'],
    ['an encoded climb', 'app://latchkey/%2e%2e/outside.html'],
    ['an encoded climb with an encoded slash', 'app://latchkey/..%2Foutside.html'],
    ['a wholly encoded climb', 'app://latchkey/%2E%2E%2F%2E%2E%2Foutside.html'],
    ['a climb hidden in a folder name', 'app://latchkey/assets%2F..%2F..%2Foutside.html'],
    ['a doubly encoded climb', 'app://latchkey/%252e%252e%252foutside.html'],
    ['a backslash climb', 'app://latchkey/..\\outside.html'],
    ['an encoded backslash climb', 'app://latchkey/..%5Coutside.html'],
    ['the sibling folder', 'app://latchkey/../renderer-sibling/settings.html'],
    ['an absolute path', 'app://latchkey//etc/passwd'],
    ['an encoded absolute path', `app://latchkey/${encodeURIComponent(join(base, 'outside.html'))}`],
    ['a Windows drive', 'app://latchkey/C:/Windows/win.ini'],
    ['an encoded Windows path', 'app://latchkey/C%3A%5CWindows%5Cwin.ini'],
    ['a NUL byte', 'app://latchkey/settings.html%00.js'],
    ['a symlink out of the folder', 'app://latchkey/link-out.html'],
  ])('answers 404 to %s', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['a file that is not there', 'app://latchkey/missing.html'],
    ['a type the renderer does not ship', 'app://latchkey/assets/notes.txt'],
    ['a source map', 'app://latchkey/assets/settings-CTpVvDr3.js.map'],
    ['a hidden file', 'app://latchkey/.hidden.js'],
    ['a folder', 'app://latchkey/assets/'],
    ['a folder named like a file', 'app://latchkey/folder.js'],
    ['the root', 'app://latchkey/'],
    ['another host', 'app://evil.example/settings.html'],
    ['a port', 'app://latchkey:8080/settings.html'],
    ['credentials', 'app://user:secret@latchkey/settings.html'],
    ['another scheme', `file://${join(folder, 'settings.html')}`],
    ['https', 'https://latchkey/settings.html'],
    ['a URL that does not parse', 'not a url'],
  ])('answers 404 to %s', async (_what, url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('answers 404 when the renderer was not built, rather than failing', async () => {
    expect((await rendererResponse(join(base, 'missing'), { url: 'app://latchkey/settings.html', method: 'GET' })).status).toBe(404);
  });

  it('answers 405 to anything but GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD']) {
      const response = await rendererResponse(folder, { url: 'app://latchkey/settings.html', method });
      expect(response.status, method).toBe(405);
      expect(await response.text()).toBe('');
    }
  });

  it("sends the same policy as every page's meta tag", () => {
    for (const page of ['mfa-prompt.html', 'settings.html']) {
      const html = readFileSync(new URL(`../../../../renderer/${page}`, import.meta.url), 'utf8');
      expect(html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1], page).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  // Every file the renderer build emits must be one the handler serves, or a window would miss it.
  const built = new URL('../../../../dist/renderer/', import.meta.url);
  it.skipIf(!existsSync(built))('serves every file of the renderer build (skipped: dist/renderer/ not built)', async () => {
    const names = readdirSync(built, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(built.pathname.length));
    expect(names.map(extname)).toContain('.html');
    for (const name of names) expect((await rendererResponse(built.pathname, { url: appUrl(name).href, method: 'GET' })).status, name).toBe(200);
  });
});

describe('the app:// scheme in Electron', () => {
  beforeEach(resetFakeElectron);

  it('is privileged as standard and secure, and nothing more', () => {
    registerAppScheme(protocol as unknown as Protocol);
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('serves the folder it was given through protocol.handle', async () => {
    serveRenderer(protocol as unknown as Protocol, folder);
    const response = await protocol.fetch('app://latchkey/settings.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await protocol.fetch('app://latchkey/../outside.html')).status).toBe(404);
  });
});
