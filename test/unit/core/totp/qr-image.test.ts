import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQrImage } from '../../../../electron/core/totp/qr-image';

const URI = 'otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon%20Web%20Services';

/** The QR code of `text` as a PNG, drawn with the given colours (RGBA). */
async function qrPng(text: string, dark: string, light: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', margin: 4, scale: 6, color: { dark, light } });
}

function refusal(png: Uint8Array): string {
  try {
    decodeQrImage(png);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('decodeQrImage', () => {
  it('reads the otpauth URI of a QR code screenshot', async () => {
    expect(decodeQrImage(await qrPng(URI, '#000000ff', '#ffffffff'))).toBe(URI);
  });

  it('reads a code on a transparent background, as a screen would show it', async () => {
    expect(decodeQrImage(await qrPng(URI, '#000000ff', '#00000000'))).toBe(URI);
  });

  it('reads a light-on-dark code (a dark-mode screenshot)', async () => {
    expect(decodeQrImage(await qrPng(URI, '#ffffffff', '#1c1c1eff'))).toBe(URI);
  });

  it('refuses a file that is not a PNG, and an image without a code, without echoing anything', async () => {
    expect(refusal(Buffer.from('%PDF-1.7 otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'))).toBe(
      'the file is not a PNG image: save the QR code as a PNG screenshot and choose that',
    );
    const blank = new PNG({ width: 64, height: 64 });
    blank.data.fill(255);
    expect(refusal(PNG.sync.write(blank))).toBe('no QR code was found in the image: choose a sharp screenshot that shows the whole code');
  });
});
