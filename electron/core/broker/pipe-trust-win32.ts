/**
 * How a client on Windows finds the person's own broker, and how the broker publishes itself — the
 * Windows half of the broker's transport (the Unix socket's is socketTrust in broker-client.ts).
 *
 * A named pipe has no folder to keep others out, and its name is no secret: any user may list
 * `\\.\pipe\`, and whoever creates a name first serves it. So the per-user address on Windows is not a
 * pipe but a record file in the per-user runtime folder (%LOCALAPPDATA%\Latchkey\run\broker-SETUP.pipe)
 * that the broker writes once it listens and removes when it stops: the pipe it serves — a fresh name
 * with 128 random bits each time it starts, so nobody can take the name before it — and its process id.
 * Before sending anything the client checks that process: `process.kill(pid, 0)` opens it, which
 * Windows allows for a process of this user (at this user's elevation) and refuses for another user's.
 * That catches the one way in left: a broker that died without removing its record, and someone who
 * listed its pipe's name and now serves it. A dead process means no broker (work standalone); another
 * user's means refuse and say so.
 *
 * What Node cannot do, so Latchkey does not (native code would): ask the pipe itself which process
 * serves it (GetNamedPipeServerProcessId needs the pipe's handle, which Node does not expose) and read
 * that process's token; give the pipe a DACL of its own (libuv creates it with the default one: full
 * control for the owner, SYSTEM and Administrators, read-only for Everyone, which lets no other user send
 * a request or add an instance); read or set the record's ACL (it inherits %LOCALAPPDATA%'s: the user,
 * SYSTEM and Administrators). libuv does create the first instance with FILE_FLAG_FIRST_PIPE_INSTANCE,
 * so a broker never joins a pipe someone else created. README, "Windows", lists what to check on a real
 * Windows machine; Wine enforces neither pipe DACLs nor FILE_FLAG_FIRST_PIPE_INSTANCE.
 *
 * A pipe named outright (`\\.\pipe\…` in LATCHKEY_BROKER or `agent --socket`) is used as it is: the
 * person chose it, as with a socket they name on Unix.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';

/** Where the client connects, nothing to connect to, or why what is there is not to be trusted (on either OS). */
export type BrokerTrust = 'absent' | { address: string } | { problem: string };

/** What a record file says: nothing, something unusable, or a pipe and its server's process. */
export type RecordFact = 'missing' | { problem: string } | PipeRecord;
export interface PipeRecord {
  pipe: string;
  pid: number;
}
/** Whether the recorded process is one of this user's, gone, or one this user may not open. */
export type ServerFact = 'ours' | 'gone' | 'foreign';

/** How the facts are found: the record file and the process, on the machine (tests give their own). */
export interface PipeProbe {
  record(path: string): RecordFact;
  server(pid: number): ServerFact;
}

const PIPE_NAME = /^\\\\[.?]\\pipe\\[^\\]+$/i;
const MAX_RECORD_BYTES = 1024;

/** An address that names a pipe itself, rather than a record file saying which pipe. */
export const isPipeName = (address: string): boolean => PIPE_NAME.test(address);

/** The client's decision, before it connects: no file system or process call beyond the probe's two. */
export function pipeTrust(address: string, probe: PipeProbe = systemProbe): BrokerTrust {
  if (isPipeName(address)) return { address };
  const record = probe.record(address);
  if (record === 'missing') return 'absent';
  if ('problem' in record) return record;
  switch (probe.server(record.pid)) {
    case 'ours':
      return { address: record.pipe };
    case 'gone':
      // A broker that died without removing its record: whoever serves its pipe now is not it.
      return 'absent';
    case 'foreign':
      return {
        problem: `the broker recorded in ${address} (process ${record.pid}) runs as another user, or elevated while you are not; remove the file if no Latchkey of yours is running`,
      };
  }
}

export const systemProbe: PipeProbe = { record: readPipeRecord, server: serverProcess };

export function readPipeRecord(path: string): RecordFact {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : { problem: `cannot read ${path}: ${(error as Error).message}` };
  }
  const bad = { problem: `${path} is not a Latchkey broker record; remove it and start the app or \`latchkey agent\` again` };
  if (text.length > MAX_RECORD_BYTES) return bad;
  try {
    const { pipe, pid } = JSON.parse(text) as Partial<PipeRecord>;
    return typeof pipe === 'string' && isPipeName(pipe) && Number.isSafeInteger(pid) && (pid as number) > 0 ? { pipe, pid: pid as number } : bad;
  } catch {
    return bad;
  }
}

/** libuv's kill(pid, 0) opens the process (PROCESS_TERMINATE | PROCESS_QUERY_INFORMATION) and checks it runs. */
export function serverProcess(pid: number): ServerFact {
  try {
    process.kill(pid, 0);
    return 'ours';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH' ? 'gone' : 'foreign';
  }
}

/** A pipe name nobody can guess before the broker takes it. */
export async function freshPipeName(): Promise<string> {
  const { randomBytes } = await import('node:crypto');
  return `\\\\.\\pipe\\latchkey-${userInfo().username}-${randomBytes(16).toString('hex')}`;
}

/** Records the pipe this process now serves (written whole, then renamed into place). */
export async function writePipeRecord(path: string, pipe: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}`;
  await writeFile(temp, JSON.stringify({ pipe, pid: process.pid } satisfies PipeRecord));
  await rename(temp, path);
}

/** Removes the record if it still names this pipe (another broker may have recorded its own since). */
export async function removePipeRecord(path: string, pipe: string): Promise<void> {
  const record = readPipeRecord(path);
  if (typeof record === 'object' && 'pipe' in record && record.pipe === pipe) await rm(path, { force: true });
}
