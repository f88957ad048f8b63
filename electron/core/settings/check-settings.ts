/** Schema, then integrity: the settings as they will be used, or every problem found, each naming its field. */
import * as v from 'valibot';
import { SettingsSchema, type Settings } from '../../shared/model';
import { integrityProblems } from './integrity-problems';

export type SettingsCheck = { settings: Settings; problems?: never } | { problems: string[] };

export function checkSettings(value: unknown): SettingsCheck {
  const parsed = v.safeParse(SettingsSchema, value);
  if (!parsed.success) return { problems: parsed.issues.map(describeIssue) };
  const problems = integrityProblems(parsed.output);
  return problems.length > 0 ? { problems } : { settings: parsed.output };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  // A strict object reports a key it does not know at the key itself.
  const unknownKey = issue.type === 'strict_object' && issue.expected === 'never';
  const where = (unknownKey ? path.slice(0, -1) : path)
    .map((item, index) => (typeof item.key === 'number' ? `[${item.key}]` : `${index > 0 ? '.' : ''}${String(item.key)}`))
    .join('');
  const message = unknownKey ? `unknown key ${JSON.stringify(path.at(-1)?.key)}` : issue.message;
  return where === '' ? message : `${where}: ${message}`;
}
