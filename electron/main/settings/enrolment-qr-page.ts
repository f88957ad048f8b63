/**
 * The page of the enrolment QR window, made whole in main: the new device's otpauth:// URI as a QR code
 * (a PNG data URL drawn here with `qrcode`), the URI again as selectable text for an app that cannot
 * scan, and the device's serial. It holds the seed, so it is shown only in a window that runs no script
 * (enrolment-qr-window.ts) and never reaches the settings renderer. Its CSP allows nothing but its own
 * inline styles and data: images. Light and dark follow the system, as the other windows do.
 */
import QRCode from 'qrcode';

export const QR_PAGE_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

export interface EnrolmentQr {
  /** The otpauth:// URI: the seed itself. */
  uri: string;
  deviceName: string;
  serial: string;
  /** The seed is kept in the keychain too, so this is not the last chance to copy it. */
  seedStored: boolean;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);

export async function enrolmentQrPage({ uri, deviceName, serial, seedStored }: EnrolmentQr): Promise<string> {
  // Dark on white whatever the theme: authenticator apps read a light background best.
  const image = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 264, color: { dark: '#000000', light: '#ffffff' } });
  const advice = seedStored
    ? 'Scan it with your authenticator app if you want codes there too. The seed is also in the system keychain, so Latchkey can make codes on this computer.'
    : 'Scan it now with your authenticator app: it will not be shown again. Latchkey did not keep the seed, so that app will be the only place its codes come from.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${QR_PAGE_POLICY}">
<meta name="color-scheme" content="light dark">
<title>Scan your new MFA device</title>
<style>
  /* The colours of the app's other windows (renderer/src/lib/theme.css), which this page cannot load. */
  :root { color-scheme: light dark; --bg: #f4f4f6; --surface: #ffffff; --text: #1c1c1e; --muted: #6c6c72; --separator: #dcdce1; --warning-bg: #fff5db; --warning-border: #e8c66a; --warning-text: #5c4300; }
  @media (prefers-color-scheme: dark) { :root { --bg: #232326; --surface: #2b2b2f; --text: #f2f2f5; --muted: #a2a2aa; --separator: #3c3c42; --warning-bg: #3a3120; --warning-border: #7a6328; --warning-text: #f3dca0; } }
  body { margin: 0; padding: 20px 22px; background: var(--bg); color: var(--text); font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Ubuntu, Cantarell, "Noto Sans", sans-serif; }
  h1 { margin: 0 0 6px; font-size: 17px; font-weight: 650; }
  p { margin: 0 0 12px; }
  .advice { color: var(--muted); }
  .advice.last-chance { padding: 10px 12px; border: 1px solid var(--warning-border); border-radius: 7px; background: var(--warning-bg); color: var(--warning-text); font-weight: 600; }
  .qr { display: block; margin: 0 auto 14px; width: 264px; height: 264px; border-radius: 8px; }
  .label { margin: 0 0 4px; color: var(--muted); font-size: 12px; }
  .value { margin: 0 0 12px; padding: 8px 10px; border: 1px solid var(--separator); border-radius: 7px; background: var(--surface); font: 11.5px/1.4 ui-monospace, "SF Mono", Menlo, "DejaVu Sans Mono", monospace; word-break: break-all; user-select: all; }
  .done { color: var(--muted); font-size: 12px; }
</style>
</head>
<body>
<main>
<h1>Scan your new MFA device</h1>
<p>MFA device <strong>${escape(deviceName)}</strong> is enabled in IAM.</p>
<p class="advice${seedStored ? '' : ' last-chance'}">${escape(advice)}</p>
<img class="qr" src="${image}" alt="QR code of the otpauth:// URI of MFA device ${escape(deviceName)}">
<p class="label">Or enter this otpauth:// URI in the app</p>
<p class="value">${escape(uri)}</p>
<p class="label">Serial (ARN)</p>
<p class="value">${escape(serial)}</p>
<p class="done">Close this window, or choose Done in Latchkey's settings, once your app shows codes for it.</p>
</main>
</body>
</html>
`;
}
