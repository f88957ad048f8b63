/**
 * The Windows client's decision before it connects (issue 16, item 3), on the facts a probe reports:
 * Wine runs one Unix user and enforces no pipe DACL, so another user's broker or a squatted pipe cannot
 * happen there (test/windows covers the path that can). The record file is read for real, from temp
 * folders; the only Windows-only call, process.kill(pid, 0), behaves alike on Linux for our own and
 * for a gone process.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isPipeName,
  pipeTrust,
  readPipeRecord,
  removePipeRecord,
  serverProcess,
  writePipeRecord,
  type PipeProbe,
  type RecordFact,
  type ServerFact,
} from '../../../../electron/core/broker/pipe-trust-win32';
import { tempFolders } from '../../../helpers/temp-folders';

const temp = tempFolders();
const RECORD = 'C:\\Users\\alice\\AppData\\Local\\Latchkey\\run\\broker-1a2b3c4d.pipe';
const PIPE = '\\\\.\\pipe\\latchkey-alice-0123456789abcdef0123456789abcdef';

/** A probe with fixed facts that remembers which process it was asked about. */
function probe(record: RecordFact, server: ServerFact): PipeProbe & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    record: () => record,
    server: (pid) => {
      asked.push(pid);
      return server;
    },
  };
}

describe('pipeTrust: whether the client may send anything to the pipe a record names', () => {
  it('owner matches: the recorded broker is a process of this user, so its pipe is asked', () => {
    const facts = probe({ pipe: PIPE, pid: 4242 }, 'ours');
    expect(pipeTrust(RECORD, facts)).toEqual({ address: PIPE });
    expect(facts.asked).toEqual([4242]);
  });

  it('owner differs: a broker of another user (or elevated) is refused, saying what to do', () => {
    expect(pipeTrust(RECORD, probe({ pipe: PIPE, pid: 4242 }, 'foreign'))).toEqual({
      problem: `the broker recorded in ${RECORD} (process 4242) runs as another user, or elevated while you are not; remove the file if no Latchkey of yours is running`,
    });
  });

  it('name file missing: no broker, and nothing is checked or sent', () => {
    const facts = probe('missing', 'ours');
    expect(pipeTrust(RECORD, facts)).toBe('absent');
    expect(facts.asked).toEqual([]);
  });

  it('name known to others (a readable record, or the pipe listed in \\\\.\\pipe\\) after the broker died: not trusted', () => {
    // Whoever serves the dead broker's pipe now learnt its name; the record's process is gone, so the
    // client works standalone rather than ask them.
    expect(pipeTrust(RECORD, probe({ pipe: PIPE, pid: 4242 }, 'gone'))).toBe('absent');
  });

  it('a record that is no record is refused, not followed', () => {
    const problem = { problem: `${RECORD} is not a Latchkey broker record; remove it and start the app or \`latchkey agent\` again` };
    expect(pipeTrust(RECORD, probe(problem, 'ours'))).toEqual(problem);
  });

  it('a pipe named outright (LATCHKEY_BROKER, agent --socket) is used as it is', () => {
    const facts = probe('missing', 'foreign');
    expect(pipeTrust('\\\\.\\pipe\\my-relay', facts)).toEqual({ address: '\\\\.\\pipe\\my-relay' });
    expect(isPipeName('\\\\?\\PIPE\\x')).toBe(true);
    expect(isPipeName(RECORD)).toBe(false);
    expect(isPipeName('\\\\.\\pipe\\a\\..\\..\\C:\\file')).toBe(false);
  });
});

describe('the record file', () => {
  it('is written whole, read back, and removed only while it names the same pipe', async () => {
    const path = join(temp('pipe-record'), 'run', 'broker-1a2b3c4d.pipe');
    expect(readPipeRecord(path)).toBe('missing');
    await writePipeRecord(path, PIPE);
    expect(readPipeRecord(path)).toEqual({ pipe: PIPE, pid: process.pid });
    await removePipeRecord(path, '\\\\.\\pipe\\latchkey-alice-another');
    expect(readPipeRecord(path)).toEqual({ pipe: PIPE, pid: process.pid });
    await removePipeRecord(path, PIPE);
    expect(readPipeRecord(path)).toBe('missing');
  });

  it('refuses what Latchkey never writes: not JSON, no pipe name, a bad process id, a huge file', () => {
    const folder = temp('pipe-record');
    for (const [name, text] of [
      ['garbage', 'not json'],
      ['file', JSON.stringify({ pipe: 'C:\\Users\\mallory\\evil', pid: 1 })],
      ['pid', JSON.stringify({ pipe: PIPE, pid: -1 })],
      ['huge', JSON.stringify({ pipe: PIPE, pid: 1, pad: 'x'.repeat(2000) })],
    ]) {
      const path = join(folder, name ?? '');
      writeFileSync(path, text ?? '');
      expect(readPipeRecord(path)).toEqual({ problem: `${path} is not a Latchkey broker record; remove it and start the app or \`latchkey agent\` again` });
    }
  });

  it('its process is ours while it runs and gone after', () => {
    expect(serverProcess(process.pid)).toBe('ours');
    expect(serverProcess(2 ** 22 + 12345)).toBe('gone');
  });
});
