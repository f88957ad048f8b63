/**
 * Reads an AWS file's text for parsing: a missing file is an empty one, and bytes that are not UTF-8
 * are refused (botocore cannot read them either), because decoding them leniently and writing the
 * result back would change bytes Latchkey promised to keep. A BOM stays in the text.
 */
import { readFile } from 'node:fs/promises';
import { LatchkeyError } from '../../shared/errors';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function loadAwsText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new LatchkeyError('aws-file', `cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return utf8.decode(bytes);
  } catch (error) {
    throw new LatchkeyError('aws-file', `${path} is not valid UTF-8 text, so AWS tools cannot read it; save it as UTF-8, then try again`, {
      cause: error,
    });
  }
}
