/**
 * The seed in a QR code image the person chooses. The file is read and decoded here in main, so the
 * seed never passes through the settings window.
 */
import { open } from 'node:fs/promises';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { LatchkeyError } from '../../shared/errors';
import { decodeQrImage } from '../../core/totp/qr-image';
import { isOtpauthUri, readSeedText, type SeedInput } from './read-seed-text';

/** A screenshot of a QR code is well under this; anything larger is not worth decoding. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Electron's dialog, or a test's stand-in for it. */
export interface OpenDialog {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** undefined when the person cancels the dialog. */
export async function readQrSeed(dialog: OpenDialog): Promise<SeedInput | undefined> {
  const { canceled, filePaths } = await dialog.showOpenDialog({
    title: 'Choose the QR code of the MFA device',
    properties: ['openFile'],
    filters: [{ name: 'PNG image', extensions: ['png'] }],
  });
  const path = filePaths[0];
  if (canceled || path === undefined) return undefined;
  const text = decodeQrImage(await readImage(path));
  if (!isOtpauthUri(text))
    throw new LatchkeyError('invalid-input', 'that QR code does not hold an otpauth:// URI: choose the QR code shown when the virtual MFA device was set up');
  return readSeedText(text);
}

async function readImage(path: string): Promise<Buffer> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw new LatchkeyError('invalid-input', `cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    // Sized before it is read, so a huge file never fills memory.
    if ((await file.stat()).size > MAX_IMAGE_BYTES)
      throw new LatchkeyError('invalid-input', `${path} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB: choose a screenshot of just the QR code`);
    return await file.readFile();
  } finally {
    await file.close();
  }
}
