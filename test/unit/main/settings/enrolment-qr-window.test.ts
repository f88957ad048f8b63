/**
 * The enrolment QR window, the one place a TOTP seed is ever on screen: a window that runs no script,
 * has no preload (so no IPC), lives in an in-memory session of its own that grants nothing and sends the
 * page's CSP, cannot navigate or open windows, and shows a page main made whose QR code reads back as the
 * otpauth:// URI it was given.
 */
import type { App } from 'electron';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { enrolmentQrPage, QR_PAGE_POLICY } from '../../../../electron/main/settings/enrolment-qr-page';
import { EnrolmentQrWindow, QR_PARTITION } from '../../../../electron/main/settings/enrolment-qr-window';
import { guardWebContents } from '../../../../electron/main/windows/guard-web-contents';
import { app, BrowserWindow, preventable, resetFakeElectron, session } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${SEED}&issuer=Amazon%20Web%20Services&algorithm=SHA1&digits=6&period=30`;
const SERIAL = 'arn:aws:iam::123456789012:mfa/alice-phone';

const page = (seedStored = false) => enrolmentQrPage({ uri: URI, deviceName: 'alice-phone', serial: SERIAL, seedStored });

/** The HTML a window loaded from its data: URL. */
const loaded = (window: BrowserWindow | undefined): string => {
  const url = window?.page ?? '';
  const prefix = 'data:text/html;charset=utf-8,';
  expect(url.startsWith(prefix)).toBe(true);
  return decodeURIComponent(url.slice(prefix.length));
};

/** What the page's QR image says, read as a phone's camera would. */
function qrText(html: string): string | undefined {
  const source = /<img class="qr" src="data:image\/png;base64,([^"]+)"/.exec(html)?.[1];
  if (!source) return undefined;
  const image = PNG.sync.read(Buffer.from(source, 'base64'));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('the enrolment QR page', () => {
  it('carries its CSP and no script, and its QR code reads as the otpauth:// URI', async () => {
    const html = await page();
    expect(QR_PAGE_POLICY).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${QR_PAGE_POLICY}">`);
    expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
    // Nothing outside the page: only data: images and its own inline style.
    expect(html.match(/\s(?:src|href)="([^"]*)"/g)?.every((attribute) => attribute.includes('"data:image/png;base64,'))).toBe(true);
    expect(qrText(html)).toBe(URI);
  });

  it('shows the URI as text (escaped), the serial, and says whether this is the last chance to scan it', async () => {
    const once = await page(false);
    expect(once).toContain(`<p class="value">${URI.replaceAll('&', '&amp;')}</p>`);
    expect(once).toContain(`<p class="value">${SERIAL}</p>`);
    expect(once).toContain('Scan it now with your authenticator app: it will not be shown again.');
    const stored = await page(true);
    expect(stored).toContain('The seed is also in the system keychain');
    expect(stored).not.toContain('it will not be shown again');
  });

  it('escapes what it shows, so a name cannot make markup', async () => {
    const html = await enrolmentQrPage({ uri: 'otpauth://totp/a?secret=JBSWY3DP&x=<b>', deviceName: '"><img src=x>', serial: SERIAL, seedStored: true });
    expect(html).not.toContain('<img src=x>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&quot;&gt;&lt;img src=x&gt;');
  });
});

describe('EnrolmentQrWindow', () => {
  beforeEach(() => {
    resetFakeElectron();
    // As the app installs it before it is ready, for every web contents.
    guardWebContents(app as unknown as App);
  });

  it('runs no script, has no preload, and lives sandboxed in a session of its own', async () => {
    const html = await page();
    await new EnrolmentQrWindow().show(html);
    const [window] = BrowserWindow.all;
    expect(window?.options.webPreferences).toEqual({
      partition: QR_PARTITION,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: false,
    });
    expect(window?.options.webPreferences).not.toHaveProperty('preload');
    // In memory only: a partition without `persist:` is never written to disk.
    expect(QR_PARTITION.startsWith('persist:')).toBe(false);
    expect(loaded(window)).toBe(html);
    expect(window?.visible).toBe(true);
  });

  it('its session grants no permission and sends the page\'s CSP with every response', async () => {
    await new EnrolmentQrWindow().show(await page());
    const partition = session.partitions.get(QR_PARTITION);
    expect(partition).toBeDefined();
    expect(partition).not.toBe(session.defaultSession);
    const granted = vi.fn();
    partition?.permissionRequestHandler?.({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(partition?.permissionCheckHandler?.({}, 'clipboard-read')).toBe(false);
    const answered = vi.fn();
    partition?.headersListener?.({ url: 'https://example.com/', responseHeaders: {} }, answered);
    expect(answered).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [QR_PAGE_POLICY] } });
    // The app pages' session is left as it was.
    expect(session.defaultSession.headersListener).toBeUndefined();
  });

  it('cannot navigate, redirect, embed a webview or open a window', async () => {
    await new EnrolmentQrWindow().show(await page());
    const contents = BrowserWindow.all[0]?.webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const attempt = preventable();
      contents?.emit(event, attempt, 'https://evil.example/');
      expect(attempt.prevented, event).toBe(true);
    }
    expect(contents?.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('shows one at a time, and is gone once closed, whoever closes it', async () => {
    const qr = new EnrolmentQrWindow();
    await qr.show(await page());
    await qr.show(await page(true));
    const [first, second] = BrowserWindow.all;
    expect(first?.destroyed).toBe(true);
    expect(second?.destroyed).toBe(false);
    qr.close();
    expect(second?.destroyed).toBe(true);

    await qr.show(await page());
    const third = BrowserWindow.all[2];
    third?.close();
    // The person closed it: closing again does nothing.
    qr.close();
    expect(third?.destroyed).toBe(true);
  });

  it('says why it could not show the page, leaving no window behind', async () => {
    const html = await page();
    BrowserWindow.failingPages.add(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    await expect(new EnrolmentQrWindow().show(html)).rejects.toThrow(/ERR_HTTP_RESPONSE_CODE_FAILURE/);
    expect(BrowserWindow.all[0]?.destroyed).toBe(true);
  });
});
