import * as v from 'valibot';
import { execFile } from 'node:child_process';
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { SettingsSchema, type Settings } from '../../../../electron/shared/model';
import { rejection } from '../../../helpers/rejection';
import { tempFolders } from '../../../helpers/temp-folders';

const ARN = 'arn:aws:iam::123456789012';

function addSetup(settings: Settings): void {
  settings.identities.push({ name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', region: 'eu-west-1', accountId: '123456789012' });
  settings.mfaDevices.push({ name: 'alice-phone', serial: `${ARN}:mfa/alice`, identity: 'alice', hasSeed: true, autoMfa: false });
  settings.roles.push({ name: 'admin', roleArn: `${ARN}:role/admin`, source: 'alice', mfaDevice: 'alice-phone', directMfa: false });
  settings.published.push({ profile: 'prod-admin', source: 'admin' });
  settings.preferences.activeTargetProfile = 'work';
}


describe('SettingsStore on real files', () => {
  const temp = tempFolders();
  let home: string;
  let path: string;
  let store: SettingsStore;
  beforeEach(async () => {
    home = temp('settings');
    path = join(home, 'config', 'settings.json');
    store = new SettingsStore(path);
  });

  it('reads defaults when there is no file, and creates none', async () => {
    expect(await store.load()).toEqual(v.parse(SettingsSchema, { schemaVersion: 1 }));
    await expect(stat(join(home, 'config'))).rejects.toThrow(/ENOENT/);
  });

  it('serves an unchanged file from memory, as a copy, and sees every change made by anyone', async () => {
    await store.update((s) => {
      s.preferences.reminderLeadMinutes = 20;
    });
    const first = await store.load();
    first.preferences.reminderLeadMinutes = 99; // a caller's change stays its own
    expect((await store.load()).preferences.reminderLeadMinutes).toBe(20);
    // Another process (another store) writes the file: the next load sees it.
    await new SettingsStore(path).update((s) => {
      s.preferences.reminderLeadMinutes = 30;
    });
    expect((await store.load()).preferences.reminderLeadMinutes).toBe(30);
  });

  it('round-trips every kind of entry', async () => {
    const saved = await store.update(addSetup);
    expect(saved.roles[0]).toMatchObject({ name: 'admin', source: 'alice' });
    expect(await new SettingsStore(path).load()).toEqual(saved);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(saved);
    const changed = await store.update((settings) => {
      settings.roles[0]!.durationSeconds = 7200;
    });
    expect((await store.load()).roles[0]?.durationSeconds).toBe(7200);
    expect(changed.identities).toEqual(saved.identities);
  });

  it('writes atomically: a 0600 file in a 0700 folder, no temp or lock files left', async () => {
    await store.update(addSetup);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, 'config'))).mode & 0o777).toBe(0o700);
    expect(await readdir(join(home, 'config'))).toEqual(['settings.json']);
  });

  it('keeps the mode of an existing file', async () => {
    await store.update(addSetup);
    await chmod(path, 0o640);
    await store.update((settings) => void (settings.preferences.launchAtLogin = true));
    expect((await stat(path)).mode & 0o777).toBe(0o640);
  });

  describe('a change that fails writes nothing', () => {
    beforeEach(async () => {
      await store.update(addSetup);
    });

    it('when the change throws', async () => {
      const before = await readFile(path);
      const error = await store
        .update((settings) => {
          settings.identities = [];
          throw new LatchkeyError('not-found', 'no such role');
        })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'not-found', message: 'no such role' });
      expect(await readFile(path)).toEqual(before);
    });

    it('when the result breaks the schema or the integrity rules', async () => {
      const before = await readFile(path);
      const badField = await rejection(store.update((settings) => void (settings.roles[0]!.durationSeconds = 60)));
      expect(badField.code).toBe('invalid-input');
      expect(badField.message).toMatch(/^settings not saved: roles\[0\]\.durationSeconds: role duration must be a whole number of seconds from 900 to 43200 \(got 60\)$/);
      const dangling = await rejection(store.update((settings) => void settings.identities.pop()));
      expect(dangling.message).toMatch(/^settings not saved: MFA device "alice-phone" belongs to identity "alice", which does not exist/);
      const secret = await rejection(
        store.update((settings) => void Object.assign(settings.identities[0]!, { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' })),
      );
      expect(secret.message).toBe('settings not saved: identities[0]: unknown key "secretAccessKey"');
      expect(await readFile(path)).toEqual(before);
    });
  });

  describe('a bad file is refused with its problem, and left byte-identical', () => {
    const CASES: [what: string, content: string, message: RegExp][] = [
      ['malformed JSON', '{\n  "schemaVersion": 1,\n  "identities": [,]\n}\n', /is not valid JSON at line 3, column 18: Unexpected token ','; fix the file$/],
      ['an empty file', '', /is not valid JSON at line 1, column 1: Unexpected end of JSON input; fix/],
      ['a bad token', '{"schemaVersion": tru}', /is not valid JSON at line 1, column 22: Unexpected token '}'; fix the file$/],
      ['a bad field', '{"schemaVersion":1,"identities":[{"name":"a b","accessKeyId":"AKIAIOSFODNN7EXAMPLE"}]}', /is invalid: identities\[0\]\.name: name "a b" is not allowed/],
      [
        'an unknown key',
        '{"schemaVersion":1,"identities":[{"name":"alice","accessKeyId":"AKIAIOSFODNN7EXAMPLE","secretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}]}',
        /is invalid: identities\[0\]: unknown key "secretAccessKey"; fix the file$/,
      ],
      ['a newer version', '{"schemaVersion":2,"identities":"new shape"}', /was written by a newer Latchkey \(schema version 2; this one reads version 1\); update Latchkey$/],
      ['no version', '{"identities":[]}', /is invalid: schemaVersion: /],
      ['not an object', '[]', /is invalid: /],
      [
        'a dangling reference',
        JSON.stringify({ schemaVersion: 1, roles: [{ name: 'admin', roleArn: `${ARN}:role/admin`, source: 'ghost' }] }),
        /is invalid: role "admin" has source "ghost", which is neither an identity nor a role; fix the file$/,
      ],
    ];

    it.each(CASES)('%s', async (_what, content, message) => {
      await store.update(() => undefined);
      await writeFile(path, content);
      const before = await readFile(path);
      const loaded = await rejection(store.load());
      expect(loaded.code).toBe('settings');
      expect(loaded.message).toContain(`the settings file ${path} `);
      expect(loaded.message).toMatch(message);
      expect(loaded.message).not.toContain('wJalr');
      const updated = await rejection(store.update(addSetup));
      expect(updated.message).toBe(loaded.message);
      expect(await readFile(path)).toEqual(before);
    });

    it('but accepts a byte order mark', async () => {
      await store.update(() => undefined);
      await writeFile(path, `\uFEFF${await readFile(path, 'utf8')}`);
      expect((await store.load()).schemaVersion).toBe(1);
    });
  });
});

describe('SettingsStore across processes', () => {
  const temp = tempFolders();
  let work: string;
  let worker: string;
  beforeAll(async () => {
    work = temp('settings-procs');
    worker = join(work, 'update-worker.cjs');
    await build({ entryPoints: [join(import.meta.dirname, 'update-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: worker, logLevel: 'silent' });
  });

  it('loses no update when several processes change the file at once', async () => {
    const path = join(work, 'home', 'settings.json');
    const workers = 4;
    const updates = 8;
    await Promise.all(
      Array.from({ length: workers }, (_, w) => promisify(execFile)(process.execPath, [worker, path, String(w), String(updates)])),
    );
    const names = (await new SettingsStore(path).load()).identities.map((identity) => identity.name);
    expect(names).toHaveLength(workers * updates);
    for (let w = 0; w < workers; w++)
      expect(names.filter((name) => name.startsWith(`w${w}-`))).toEqual(Array.from({ length: updates }, (_, i) => `w${w}-${i}`));
  });
});
