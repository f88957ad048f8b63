/**
 * Reads an AWS file's text for parsing: a missing file is an empty one, and bytes that are not UTF-8
 * are refused (botocore cannot read them either), because decoding them leniently and writing the
 * result back would change bytes Latchkey promised to keep. A BOM stays in the text. Only a regular
 * file up to 10 MB is read (see read-regular-file.ts): real ones hold kilobytes, and a FIFO or a
 * device would block or never end.
 */
import { createHash } from 'node:crypto';
import { LatchkeyError } from '../../shared/errors';
import { readRegularFileInto } from '../fs/read-regular-file';
import { Recent } from './recent';

export const MAX_AWS_FILE_BYTES = 10 * 1_048_576;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// A command reads a file for its check, again under the lock and again before the rename. Decoding a
// large file takes milliseconds, so each text is decoded once and found again by its bytes' digest;
// the same bytes then also give the very same string, by which the parsed document is found at once.
const decoded = new Recent<string, string>(2, (a, b) => a === b);

// The buffer of the last read, for the next: only the digest of the bytes is kept, and new memory for
// a large file costs more than reading the file into memory already used.
let spare: Buffer | undefined;

export async function loadAwsText(path: string): Promise<string> {
  // Taken, so that a read beside this one reads into a buffer of its own.
  const into = spare;
  spare = undefined;
  const read = await readRegularFileInto(path, { maxBytes: MAX_AWS_FILE_BYTES, code: 'aws-file', what: 'an AWS file' }, into);
  if (read === undefined) {
    spare = into;
    return '';
  }
  const { bytes } = read;
  try {
    return decoded.get(createHash('sha256').update(bytes).digest('base64'), () => utf8.decode(bytes));
  } catch (error) {
    throw new LatchkeyError('aws-file', `${path} is not valid UTF-8 text, so AWS tools cannot read it; save it as UTF-8, then try again`, {
      cause: error,
    });
  } finally {
    spare = read.buffer;
  }
}
