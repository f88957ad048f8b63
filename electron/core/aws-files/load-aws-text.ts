/**
 * Reads an AWS file's text for parsing: a missing file is an empty one, and bytes that are not UTF-8
 * are refused (botocore cannot read them either), because decoding them leniently and writing the
 * result back would change bytes Latchkey promised to keep. A BOM stays in the text. Only a regular
 * file up to 10 MB is read (see read-regular-file.ts): real ones hold kilobytes, and a FIFO or a
 * device would block or never end.
 */
import { LatchkeyError } from '../../shared/errors';
import { readRegularFile } from '../fs/read-regular-file';
import { Recent } from './recent';

export const MAX_AWS_FILE_BYTES = 10 * 1_048_576;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// Decoding a large file takes milliseconds; the same bytes also give the very same string, by which
// the parsed document is found at once.
const decoded = new Recent<Buffer, string>(2, (a, b) => a.equals(b));

export async function loadAwsText(path: string): Promise<string> {
  const bytes = await readRegularFile(path, { maxBytes: MAX_AWS_FILE_BYTES, code: 'aws-file', what: 'an AWS file' });
  if (bytes === undefined) return '';
  try {
    return decoded.get(bytes, () => utf8.decode(bytes));
  } catch (error) {
    throw new LatchkeyError('aws-file', `${path} is not valid UTF-8 text, so AWS tools cannot read it; save it as UTF-8, then try again`, {
      cause: error,
    });
  }
}
