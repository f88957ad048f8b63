/**
 * botocore's own reading of AWS files, for many files in one python3 run (starting Python and importing
 * botocore is the slow part). For each path: the raw sections as `raw_config_parse` returns them and the
 * profiles as `build_profile_map` makes them, or the error botocore raised with the configparser error
 * behind it and the line numbers that one names.
 */
import { spawn } from 'node:child_process';

const SCRIPT = `
import json, sys
from botocore.configloader import raw_config_parse, build_profile_map
out = []
for path in json.load(sys.stdin):
    try:
        raw = raw_config_parse(path)
        out.append({"raw": raw, "profiles": build_profile_map(raw)["profiles"]})
    except Exception as error:
        cause = getattr(error, "kwargs", {}).get("error", error)
        lines = [n for n, _ in getattr(cause, "errors", [])] or ([cause.lineno] if getattr(cause, "lineno", None) else [])
        out.append({"error": type(error).__name__ + ": " + str(error), "cause": type(cause).__name__, "lines": lines})
json.dump(out, sys.stdout)
`;

export type Sections = Record<string, Record<string, unknown>>;
export interface BotocoreView {
  raw?: Sections;
  profiles?: Sections;
  error?: string;
  /** The error behind botocore's ConfigParseError (configparser's DuplicateSectionError…). */
  cause?: string;
  /** The 1-based line numbers that error names, if any. */
  lines?: number[];
}

export async function botocoreParse(paths: readonly string[]): Promise<BotocoreView[]> {
  // PYTHONUTF8: read the files as UTF-8 whatever the machine's locale, as on any developer's laptop.
  const child = spawn('python3', ['-c', SCRIPT], { env: { ...process.env, PYTHONUTF8: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(JSON.stringify(paths));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`python3 exited ${code}: ${stderr}`);
  return JSON.parse(stdout) as BotocoreView[];
}
