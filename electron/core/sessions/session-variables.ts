/**
 * A session as the environment variables AWS tools read: what `latchkey exec` sets, and what
 * `latchkey env` and the tray's "Copy export lines" print.
 */
import type { Session } from '../sts/credentials';

export function sessionVariables(session: Session, region: string | undefined): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: session.accessKeyId,
    AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
    AWS_SESSION_TOKEN: session.sessionToken,
    AWS_CREDENTIAL_EXPIRATION: session.expiration.toISOString(),
    ...(region ? { AWS_REGION: region, AWS_DEFAULT_REGION: region } : {}),
  };
}

/** AWS_PROFILE would make tools look for that profile instead of using the variables. */
export const SHADOWING_VARIABLES = ['AWS_PROFILE'];

/** Lines each shell evaluates to take the variables (and drop the shadowing ones). */
export const SHELL_FORMATS = {
  // Single quotes keep every character literal in sh and fish (fish also needs \ and ' escaped).
  sh: (variables) =>
    [
      ...Object.entries(variables).map(([key, value]) => `export ${key}='${value.replaceAll("'", `'\\''`)}'`),
      ...SHADOWING_VARIABLES.map((key) => `unset ${key}`),
    ].join('\n'),
  fish: (variables) =>
    [
      ...Object.entries(variables).map(([key, value]) => `set -gx ${key} '${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}';`),
      ...SHADOWING_VARIABLES.map((key) => `set -e ${key};`),
    ].join('\n'),
  powershell: (variables) =>
    [
      ...Object.entries(variables).map(([key, value]) => `$Env:${key} = '${value.replaceAll("'", "''")}'`),
      ...SHADOWING_VARIABLES.map((key) => `Remove-Item Env:${key} -ErrorAction SilentlyContinue`),
    ].join('\n'),
  json: (variables) => JSON.stringify(variables),
} satisfies Record<string, (variables: Record<string, string>) => string>;

export type ShellFormat = keyof typeof SHELL_FORMATS;

export const isShellFormat = (value: string): value is ShellFormat => Object.hasOwn(SHELL_FORMATS, value);
