// The least any safe edit of an AWS file costs, as a baseline for `latchkey publish`: read the file,
// decode it, add a profile at its end, write a temporary file, flush it, rename it over the file, read
// it back and compare. Run as `node bench/rewrite-floor.mjs FILE`.
import { open, readFile, rename } from 'node:fs/promises';

const [path] = process.argv.slice(2);
const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
const after = `${text}\n[bench]\naws_access_key_id = ASIAEXAMPLEEXAMPLE01\n`;
const temp = `${path}.tmp`;
const handle = await open(temp, 'w', 0o600);
await handle.writeFile(after);
await handle.sync();
await handle.close();
await rename(temp, path);
if ((await readFile(path, 'utf8')) !== after) throw new Error(`${path} did not read back as written`);
