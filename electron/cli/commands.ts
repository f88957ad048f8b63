/**
 * Every `latchkey` command: its usage, one line of help, and a loader for its file. Keeping the loaders
 * lazy means a run loads only the code of the command it runs.
 */
import type { Command } from './command';

export interface CommandEntry {
  usage: string;
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {};
