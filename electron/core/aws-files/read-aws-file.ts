/** Every profile in an AWS file with its keys as botocore reads them; a missing file has none. */
import { AwsFile, type AwsProfile } from './aws-file';
import { loadAwsText } from './load-aws-text';
import type { AwsFileKind } from './profile-header';

export async function readAwsFile(path: string, kind: AwsFileKind): Promise<Record<string, AwsProfile>> {
  return AwsFile.parse(await loadAwsText(path), kind, path).profiles();
}
