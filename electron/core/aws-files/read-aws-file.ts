/** Profiles of an AWS file with their keys as botocore reads them; a missing file has none. */
import { AwsFile, type AwsProfile } from './aws-file';
import { loadAwsText } from './load-aws-text';
import type { AwsFileKind } from './profile-header';

/** Every profile in the file. */
export async function readAwsFile(path: string, kind: AwsFileKind): Promise<Record<string, AwsProfile>> {
  return AwsFile.parse(await loadAwsText(path), kind, path).profiles();
}

/** One profile, as readAwsFile gives it, without making every other profile's record: files can hold thousands. */
export async function readAwsProfile(path: string, kind: AwsFileKind, profile: string): Promise<AwsProfile | undefined> {
  return AwsFile.parse(await loadAwsText(path), kind, path).profile(profile);
}
