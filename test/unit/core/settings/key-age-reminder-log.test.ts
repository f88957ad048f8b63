/** The key-age reminder log: what one app run writes, the next reads; a missing or damaged file reads as empty. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyAgeReminderLog } from '../../../../electron/core/settings/key-age-reminder-log';
import { tempFolders } from '../../../helpers/temp-folders';

const temp = tempFolders();
const AT = Date.UTC(2026, 3, 1, 9);

describe('KeyAgeReminderLog', () => {
  it('keeps the reminder times next to the settings file, readable, for the next run', async () => {
    const folder = temp('key-age-log');
    await new KeyAgeReminderLog(join(folder, 'settings.json')).save({ alice: AT, 'bob.smith': AT + 1 });
    expect(JSON.parse(readFileSync(join(folder, 'key-age-reminders.json'), 'utf8'))).toEqual({
      lastReminded: { alice: '2026-04-01T09:00:00.000Z', 'bob.smith': '2026-04-01T09:00:00.001Z' },
    });
    expect(await new KeyAgeReminderLog(join(folder, 'settings.json')).load()).toEqual({ alice: AT, 'bob.smith': AT + 1 });
  });

  it('reads a missing or damaged file as empty: at worst one reminder comes again', async () => {
    const folder = temp('key-age-log');
    const log = new KeyAgeReminderLog(join(folder, 'settings.json'));
    expect(await log.load()).toEqual({});
    for (const damaged of ['{"lastReminded":', '{"lastReminded":{"alice":"yesterday"}}', '[]']) {
      writeFileSync(log.path, damaged);
      expect(await log.load()).toEqual({});
    }
  });
});
