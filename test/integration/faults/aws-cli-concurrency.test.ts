/**
 * Issue 11, item 9: the AWS CLI takes no lock, so `aws configure set` beside `latchkey publish` lost
 * CLI updates (Latchkey read, the CLI wrote, Latchkey renamed its older copy over it). editAwsFile now
 * compares the file with what it read just before its rename and redoes the edit when it changed.
 * Both sides edit the credentials file: `configure set` writes aws_* keys there.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { editAwsFile } from '../../../electron/core/aws-files/edit-aws-file';
import { readAwsFile } from '../../../electron/core/aws-files/read-aws-file';
import { awsCliV1 } from '../../helpers/components';
import { collect } from '../../helpers/latchkey-cli';
import { describeWith } from '../../helpers/needs';
import { tempFolders } from '../../helpers/temp-folders';

const AWS_UPDATES = 20;
const EDITS = 60;
// One AWS CLI run at a time: it rewrites the file in place without a lock, so two of its runs can read
// each other's half-written file (ConfigParseError) or lose each other's update, whatever Latchkey does.
// Latchkey's edits run meanwhile, at any point of a CLI run.
const STREAMS = 1;

/** `aws configure set aws_session_token VALUE --profile PROFILE` against these files. */
const configureSet = (files: { credentials: string; config: string }, profile: string, value: string) =>
  collect(
    spawn('aws', ['configure', 'set', 'aws_session_token', value, '--profile', profile], {
      env: { PATH: process.env.PATH, HOME: tmpdir(), AWS_SHARED_CREDENTIALS_FILE: files.credentials, AWS_CONFIG_FILE: files.config },
    }),
  );

/** Runs `count` tasks, `streams` at a time; resolves with their results in order. */
async function inStreams<T>(count: number, streams: number, task: (n: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const stream = async () => {
    while (next < count) {
      const n = next++;
      results[n] = await task(n);
    }
  };
  await Promise.all(Array.from({ length: streams }, stream));
  return results;
}

describeWith([awsCliV1], 'an edit beside `aws configure set`', () => {
  const temp = tempFolders();
  let dir: string;
  beforeAll(() => {
    dir = temp('aws-race');
  });

  it('that the CLI overtakes is redone on the CLI’s file, losing neither update', async () => {
    const files = { credentials: join(dir, 'credentials'), config: join(dir, 'config') };
    writeFileSync(files.credentials, '[cli]\naws_session_token = old\n', { mode: 0o600 });
    let runs = 0;
    // The widest window there is: the CLI writes after Latchkey read the file and before it renames.
    const written = await editAwsFile(files.credentials, 'credentials', async (file) => {
      if (++runs === 1) expect(await configureSet(files, 'cli', 'new')).toMatchObject({ code: 0 });
      file.setKeys('latchkey', { aws_session_token: 'ours' });
    });
    expect({ written, runs }).toEqual({ written: true, runs: 2 });
    expect(readFileSync(files.credentials, 'utf8')).toBe('[cli]\naws_session_token = new\n\n[latchkey]\naws_session_token = ours\n');
  });
});

describeWith([awsCliV1], `${AWS_UPDATES} \`aws configure set\` beside ${EDITS} publish-like edits`, () => {
  const temp = tempFolders();
  let dir: string;
  beforeAll(() => {
    dir = temp('aws-race');
  });

  it('lose no update on either side', async () => {
    const files = { credentials: join(dir, 'credentials'), config: join(dir, 'config') };
    // Half the CLI's profiles exist already (it rewrites the file in place), half are new (it appends).
    writeFileSync(files.credentials, Array.from({ length: AWS_UPDATES / 2 }, (_, n) => `[p${2 * n}]\nregion = eu-west-1\n`).join(''), { mode: 0o600 });

    // Each CLI run that ends sets off three edits, which run while the next CLI run is at any point of its own.
    let edits = 0;
    let editing = Promise.resolve();
    const publish = (n: number) => () =>
      editAwsFile(files.credentials, 'credentials', (file) =>
        file.setKeys(`lk-${n}`, { aws_access_key_id: `ASIA${n}`, aws_secret_access_key: 'secret', aws_session_token: `token-${n}`, x_security_token_expires: '2030-01-01T00:00:00Z' }),
      ).then(() => undefined);
    const cli = await inStreams(AWS_UPDATES, STREAMS, async (n) => {
      const result = await configureSet(files, `p${n}`, `cli-${n}`);
      for (let i = 0; i < EDITS / AWS_UPDATES; i++) editing = editing.then(publish(edits++));
      return result;
    });
    await editing;
    expect(cli.filter((r) => r.code !== 0)).toEqual([]);
    expect(edits).toBe(EDITS);

    const profiles = await readAwsFile(files.credentials, 'credentials');
    const lostCli = Array.from({ length: AWS_UPDATES }, (_, n) => `p${n}`).filter((p, n) => profiles[p]?.aws_session_token !== `cli-${n}`);
    const lostLatchkey = Array.from({ length: EDITS }, (_, n) => `lk-${n}`).filter((p, n) => profiles[p]?.aws_session_token !== `token-${n}`);
    // Should both sides lose everything, the file itself is what to look at: say what it held.
    const held = readFileSync(files.credentials, 'utf8');
    expect({ lostCli, lostLatchkey }, `${held.length} bytes, starting ${JSON.stringify(held.slice(0, 300))}`).toEqual({ lostCli: [], lostLatchkey: [] });
    // ~20 s on an idle 2-core machine (20 Python starts of ~1 CPU-second each, one after another); the
    // deadline only catches a hang on a loaded one.
  }, 300_000);
});
