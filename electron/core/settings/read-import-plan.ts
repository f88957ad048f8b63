/** What an import from ~/.aws would take now: the AWS files and the settings, read and planned. Changes nothing. */
import { awsFilePath } from '../aws-files/aws-file-path';
import { readAwsFile } from '../aws-files/read-aws-file';
import { planImport, type ImportPlan } from './import-plan';
import type { SettingsStore } from './settings-store';

export interface ImportSource {
  plan: ImportPlan;
  /** The file the imported keys come from, and --scrub removes them from. */
  credentialsPath: string;
}

export async function readImportPlan(store: SettingsStore, env: NodeJS.ProcessEnv): Promise<ImportSource> {
  const credentialsPath = awsFilePath('credentials', env);
  const [credentials, config, settings] = await Promise.all([
    readAwsFile(credentialsPath, 'credentials'),
    readAwsFile(awsFilePath('config', env), 'config'),
    store.load(),
  ]);
  return { plan: planImport(credentials, config, settings), credentialsPath };
}
