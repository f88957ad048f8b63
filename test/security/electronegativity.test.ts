/**
 * The Electron security scan: @doyensec/electronegativity over electron/, failing on any HIGH or MEDIUM
 * finding not accepted in electronegativity-allowed.txt, on an accepted finding that no longer occurs
 * (so the list stays short and true), and on a file it could not parse (which it would not have checked).
 * It asks the network for translations and Electron releases and carries on without them. It reads a
 * CSP only from a string literal, so the pages' policy (one constant) goes through its evaluator here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/windows/app-protocol';

interface Finding {
  id: string;
  severity: { name: string };
  file: string;
  location: { line: number; column: number };
  description: string;
}
interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; description: string }[] };
  Version: { CSP3: unknown };
  severities: Record<'MEDIUM_MAYBE', number>;
}
type Scan = (options: object, forCli: false) => Promise<{ issues: Finding[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

const require = createRequire(import.meta.url);
const scan = require('@doyensec/electronegativity') as Scan;
const electronVersion = (require('electron/package.json') as { version: string }).version;

function allowed(): { key: string; why: string }[] {
  const text = readFileSync(new URL('./electronegativity-allowed.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^(\S+)\s+(\S+)\s+—\s+(\S.*)$/.exec(line);
      if (!match) throw new Error(`electronegativity-allowed.txt: "${line}" is not "CHECK_ID FILE — why"`);
      return { key: `${match[1]} ${match[2]}`, why: match[3] ?? '' };
    });
}

it('finds nothing of HIGH or MEDIUM severity in electron/ beyond the reviewed allow-list', async () => {
  const { issues, errors } = await scan(
    { input: resolve('electron'), isRelative: true, electronVersionOverride: electronVersion, customScan: [], excludeFromScan: [], parserPlugins: [] },
    false,
  );
  expect(errors.filter((error) => !error.tolerable).map((error) => `${error.file}: ${error.message}`)).toEqual([]);

  const serious = issues.filter((issue) => ['HIGH', 'MEDIUM'].includes(issue.severity.name));
  const accepted = new Set(allowed().map((entry) => entry.key));
  const unexpected = serious
    .filter((issue) => !accepted.has(`${issue.id} ${issue.file}`))
    .map((issue) => `${issue.id} ${issue.severity.name} ${issue.file}:${issue.location.line} — ${issue.description}`);
  expect(unexpected).toEqual([]);
  const stale = [...accepted].filter((key) => !serious.some((issue) => `${issue.id} ${issue.file}` === key));
  expect(stale).toEqual([]);
}, 120_000);

it("finds the pages' CSP strict, by the scanner's own CSP evaluator", () => {
  const csp = createRequire(require.resolve('@doyensec/electronegativity'))('@doyensec/csp-evaluator') as CspEvaluatorModule;
  const findings = new csp.CspEvaluator(new csp.CspParser(CONTENT_SECURITY_POLICY).csp, csp.Version.CSP3).evaluate();
  // Left: "'self' can be problematic if you host JSONP, Angular or user uploaded files", a maybe that
  // does not apply, since app:// serves the renderer build and nothing else.
  expect(findings.filter((finding) => finding.severity < csp.severities.MEDIUM_MAYBE).map((finding) => `${finding.directive}: ${finding.description}`)).toEqual([]);
});
