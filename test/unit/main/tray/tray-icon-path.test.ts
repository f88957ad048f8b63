import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trayIconPath } from '../../../../electron/main/tray/tray-icon-path';
import type { TrayIcon } from '../../../../electron/main/tray/tray-status';

const ASSETS = fileURLToPath(new URL('../../../../assets', import.meta.url));
const ICONS: TrayIcon[] = ['none', 'active', 'expiring', 'expired'];

/** Width, height and RGBA pixels of the PNGs make-icons.mjs writes (8-bit RGBA, unfiltered rows). */
function readPng(path: string) {
  const file = readFileSync(path);
  const width = file.readUInt32BE(16);
  const height = file.readUInt32BE(20);
  const data: Buffer[] = [];
  for (let offset = 8; offset < file.length; ) {
    const length = file.readUInt32BE(offset);
    if (file.toString('latin1', offset + 4, offset + 8) === 'IDAT') data.push(file.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const rows = inflateSync(Buffer.concat(data));
  const pixels = Array.from({ length: height }, (_, y) => rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))).flatMap((row) => [...row]);
  return { width, height, pixels };
}

describe('trayIconPath', () => {
  it('uses template images on macOS and colour images elsewhere', () => {
    expect(trayIconPath('expiring', 'darwin', '/app/assets')).toBe(join('/app/assets', 'tray-expiringTemplate.png'));
    expect(trayIconPath('expiring', 'linux', '/app/assets')).toBe(join('/app/assets', 'tray-expiring.png'));
    expect(trayIconPath('expired', 'win32', '/app/assets')).toBe(join('/app/assets', 'tray-expired.png'));
  });

  const twins = (path: string) => [path, path.replace(/\.png$/, '@2x.png')];

  it.each(ICONS)('the %s icons are 16 px PNGs with 32 px @2x twins', (icon) => {
    for (const platform of ['linux', 'darwin'] as const) {
      const [standard = '', double = ''] = twins(trayIconPath(icon, platform, ASSETS));
      expect(readPng(standard)).toMatchObject({ width: 16, height: 16 });
      expect(readPng(double)).toMatchObject({ width: 32, height: 32 });
    }
  });

  it.each(ICONS)('the %s template images are black and alpha only', (icon) => {
    for (const path of twins(trayIconPath(icon, 'darwin', ASSETS))) {
      const colours = readPng(path).pixels.filter((_, index) => index % 4 !== 3);
      expect(new Set(colours)).toEqual(new Set([0]));
    }
  });
});
