/** What an import from ~/.aws would take now: the AWS files and the settings, read and planned. Changes nothing. */
import type { AwsProfile } from '../aws-files/aws-file';
import { awsFilePaths } from '../aws-files/aws-file-path';
import { readAwsFile } from '../aws-files/read-aws-file';
import { planImport, type ImportPlan } from './import-plan';
import type { SettingsStore } from './settings-store';

export interface ImportSource {
  plan: ImportPlan;
  /** The file the imported keys come from, and --scrub removes them from. */
  credentialsPath: string;
  /** The file --adopt writes credential_process into. */
  configPath: string;
  /** Both files' profiles as the plan saw them, to tell which profiles --scrub would leave without credentials. */
  credentials: Record<string, AwsProfile>;
  config: Record<string, AwsProfile>;
}

export async function readImportPlan(store: SettingsStore, env: NodeJS.ProcessEnv): Promise<ImportSource> {
  const paths = awsFilePaths(env);
  const [credentials, config, settings] = await Promise.all([readAwsFile(paths.credentials, 'credentials'), readAwsFile(paths.config, 'config'), store.load()]);
  return { plan: planImport(credentials, config, settings), credentialsPath: paths.credentials, configPath: paths.config, credentials, config };
}
