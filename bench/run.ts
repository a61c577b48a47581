/**
 * `npm run bench`: runs every bench/*.bench.ts (or the ones named on the command line) and prints their figures.
 * Arguments starting with `--` are options for the benches (e.g. `npm run bench -- runtime --duration=60`).
 */
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort((a, b) => (a.startsWith('hub') ? -1 : b.startsWith('hub') ? 1 : a.localeCompare(b)));

for (const f of files) {
  process.stdout.write(`\n=== ${f} ===\n`);
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') {
    process.stdout.write('(no run() export; skipped)\n');
    continue;
  }
  await mod.run();
}
process.exit(0);
