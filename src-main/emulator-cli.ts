/**
 * Emulators as separate processes, one per device family that has one (the family list in devices/families.ts):
 *   npm run emulator -- <family> [flags]        e.g.  npm run emulator -- datecs --protocol x --tcp 3999
 * Prints one JSON line when ready: {"ready":true, …}. SIGINT/SIGTERM stop it.
 */
import { FAMILIES } from './devices/families.js';

function parseArgs(argv: string[]): { kind: string; flags: Map<string, string> } {
  const [kind = '', ...rest] = argv;
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) flags.set(a.slice(2), 'true');
    else {
      flags.set(a.slice(2), next);
      i++;
    }
  }
  return { kind, flags };
}

const emulators = FAMILIES.flatMap((f) => (f.emulator ? [f.emulator] : []));
const usage = () => ['usage: npm run emulator -- <family> [flags]', ...emulators.map((e) => `  ${e.usage}`)].join('\n');

async function main(): Promise<void> {
  const { kind, flags } = parseArgs(process.argv.slice(2));
  const emulator = emulators.find((e) => e.name === kind);
  if (!emulator) throw new Error(`${kind ? `no emulator called "${kind}"` : 'which emulator?'}\n${usage()}`);
  let running: Awaited<ReturnType<typeof emulator.start>>;
  try {
    running = await emulator.start(flags);
  } catch (e) {
    throw new Error(`${(e as Error).message}\nusage: npm run emulator -- ${emulator.usage}`);
  }
  process.stdout.write(JSON.stringify({ ready: true, ...running.ready }) + '\n');
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
});
