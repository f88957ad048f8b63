/** A separate process that adds identities one update at a time: `node update-worker.cjs FILE WORKER COUNT`. */
import { SettingsStore } from '../../../../electron/core/settings/settings-store';

async function run(path: string, worker: number, count: number): Promise<void> {
  const store = new SettingsStore(path);
  for (let i = 0; i < count; i++)
    await store.update((settings) => {
      settings.identities.push({ name: `w${worker}-${i}`, accessKeyId: `AKIA${String(worker * 1000 + i).padStart(16, '0')}` });
    });
}

const [path = '', worker, count] = process.argv.slice(2);
run(path, Number(worker), Number(count)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
