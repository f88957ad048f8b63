/**
 * A QR code image (the PNG of an MFA setup page's QR code) read into its text, the otpauth:// URI.
 * Decoded in the main process, so the seed in it never reaches a renderer. Messages never echo what
 * the code says: it holds the seed.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { LatchkeyError } from '../../shared/errors';

export function decodeQrImage(png: Uint8Array): string {
  let image: PNG;
  try {
    image = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  } catch {
    throw invalid('the file is not a PNG image: save the QR code as a PNG screenshot and choose that');
  }
  const code = jsQR(onWhite(image.data), image.width, image.height);
  if (!code || code.data === '') throw invalid('no QR code was found in the image: choose a sharp screenshot that shows the whole code');
  return code.data;
}

/**
 * jsQR reads colour and ignores alpha, so a transparent background would look black: lay the image
 * on white first, as a screen shows it.
 */
function onWhite(rgba: Uint8Array): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(rgba);
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = (pixels[i + 3] ?? 255) / 255;
    for (let c = i; c < i + 3; c++) pixels[c] = (pixels[c] ?? 0) * alpha + 255 * (1 - alpha);
    pixels[i + 3] = 255;
  }
  return pixels;
}

const invalid = (message: string) => new LatchkeyError('invalid-input', message);
