/**
 * A separate process that edits an AWS credentials file through Latchkey's API, for the crash,
 * concurrency and lock tests (bundled with bundleForNode). Usage:
 *   toggle FILE A B        forever flips profile "crash" between the values in files A and B (JSON),
 *                          printing "ready" after its first write
 *   update FILE N COUNT    sets key_1 … key_COUNT of profile worker-N, one locked edit each
 *   hold FILE              takes FILE's lock, prints "locked" and never lets go
 */
import { readFile } from 'node:fs/promises';
import { editAwsFile } from '../../../../electron/core/aws-files/edit-aws-file';
import { withFileLock } from '../../../../electron/core/fs/file-lock';

const [mode = '', file = '', ...rest] = process.argv.slice(2);

async function toggle(a: Record<string, string>, b: Record<string, string>): Promise<never> {
  for (let first = true; ; first = false) {
    await editAwsFile(file, 'credentials', (aws) => {
      const current = aws.profiles().crash?.aws_session_token;
      aws.setKeys('crash', current === a.aws_session_token ? b : a);
    });
    if (first) process.stdout.write('ready\n');
  }
}

async function update(worker: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++)
    await editAwsFile(file, 'credentials', (aws) => aws.setKeys(`worker-${worker}`, { [`key_${i}`]: `value-${worker}-${i}` }));
}

async function hold(): Promise<void> {
  await withFileLock(file, async () => {
    process.stdout.write('locked\n');
    // A pending promise alone does not keep Node running (the lock's own refresh timer is unref'd).
    await new Promise(() => setInterval(() => undefined, 60_000));
  });
}

const json = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Record<string, string>;

if (mode === 'toggle') await toggle(await json(rest[0] ?? ''), await json(rest[1] ?? ''));
else if (mode === 'update') await update(rest[0] ?? '', Number(rest[1]));
else if (mode === 'hold') await hold();
else throw new Error(`unknown mode ${mode}`);
