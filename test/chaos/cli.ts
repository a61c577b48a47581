/**
 * `npm run chaos -- --seconds N --seed S [--framing x|classic] [--transport tcp|pty] [--timing zero|realistic]
 *                   [--faults kill,power,nak,nakdrop,garble,noise,drop,disconnect,paper,cover,slow,cardkill | none] [--gap MS]
 *                   [--resolve-seconds N] [--runs K] [--keep] [--lenient-cancel] [--no-card | --card-share P]
 *                   [--card-trouble P] [--verbose]`
 * --lenient-cancel: the emulated register allows cancelling a paid receipt (a firmware variant; default: refused).
 * Card payments (on by default): the register is linked to the hub's simulated card terminal and P % of the
 * requests (--card-share, default 35) pay all or part by card; --card-trouble P % of those charges (default 35) get
 * an amount the terminal declines, never answers, has cancelled by the customer, times out or loses the answer of.
 * --no-card turns them off (the traffic of a seed is then the same as without card support). The fault family
 * `cardkill` (default with card payments on) SIGKILLs the hub when a charge or a void is in progress on the terminal
 * (inside the hub) or was just approved.
 * Runs the chaos harness (test/chaos/run.ts) and prints one line of figures per run. Without --seed a random seed
 * is drawn and printed; --runs K runs seeds S, S+1, …. Exits 1 when any run has a lost, duplicate, orphan, open,
 * wrong-total, unresolved or stray receipt, or a card charge without exactly one receipt, a receipt without exactly
 * one live charge, a receipt charged twice or a pending void left; 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CARD } from './card-plan.js';
import { ALL_FAULT_FAMILIES, type FaultFamily } from './monkey.js';
import { runChaos } from './run.js';

function fail(msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    seed: { type: 'string' },
    framing: { type: 'string' },
    transport: { type: 'string' },
    timing: { type: 'string' },
    faults: { type: 'string' },
    gap: { type: 'string' },
    'resolve-seconds': { type: 'string' },
    runs: { type: 'string' },
    keep: { type: 'boolean' },
    'lenient-cancel': { type: 'boolean' },
    'no-card': { type: 'boolean' },
    'card-share': { type: 'string' },
    'card-trouble': { type: 'string' },
    verbose: { type: 'boolean' },
  },
  strict: true,
});
const int = (name: string, v: string | undefined, dflt: number): number => {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v)) fail(`--${name}: expected a whole number, got "${v}"`);
  return Number(v);
};
const oneOf = <T extends string>(name: string, v: string | undefined, allowed: readonly T[]): T | undefined => {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) fail(`--${name}: expected ${allowed.join(' or ')}, got "${v}"`);
  return v as T;
};
const seconds = int('seconds', values.seconds, 60);
const seed = int('seed', values.seed, Math.floor(Math.random() * 1_000_000));
const runs = int('runs', values.runs, 1);
let faults: FaultFamily[] | undefined;
if (values.faults !== undefined) {
  faults = values.faults === 'none' ? [] : (values.faults.split(',').map((f) => f.trim()) as FaultFamily[]);
  for (const f of faults) if (!ALL_FAULT_FAMILIES.includes(f)) fail(`--faults: unknown fault family "${f}" (one of ${ALL_FAULT_FAMILIES.join(', ')})`);
}
const framing = oneOf('framing', values.framing, ['x', 'classic'] as const);
const transport = oneOf('transport', values.transport, ['tcp', 'pty'] as const);
const timing = oneOf('timing', values.timing, ['zero', 'realistic'] as const);
const percent = (name: string, v: string | undefined, dflt: number): number => {
  const n = int(name, v, Math.round(dflt * 100));
  if (n > 100) fail(`--${name}: expected a percentage 0–100, got "${v}"`);
  return n / 100;
};
if (values['no-card'] && (values['card-share'] !== undefined || values['card-trouble'] !== undefined)) fail('--no-card: cannot be combined with --card-share or --card-trouble');
const card = values['no-card']
  ? null
  : { share: percent('card-share', values['card-share'], DEFAULT_CARD.share), trouble: percent('card-trouble', values['card-trouble'], DEFAULT_CARD.trouble) };

let anyFailed = false;
for (let i = 0; i < runs; i++) {
  const s = seed + i;
  process.stdout.write(`chaos: seed ${s}\n`);
  const r = await runChaos({
    seed: s,
    seconds,
    ...(framing ? { framing } : {}),
    ...(transport ? { transport } : {}),
    ...(timing ? { timing } : {}),
    ...(faults ? { faults } : {}),
    ...(values.gap !== undefined ? { faultGapMs: int('gap', values.gap, 1500) } : {}),
    ...(values['resolve-seconds'] !== undefined ? { resolveSeconds: int('resolve-seconds', values['resolve-seconds'], 90) } : {}),
    keep: values.keep ?? false,
    lenientCancel: values['lenient-cancel'] ?? false,
    card,
    ...(values.verbose ? { log: (l: string) => process.stderr.write(`${l}\n`) } : {}),
  });
  for (const f of r.verdict.findings) process.stdout.write(`  ${f}\n`);
  if (r.failed) process.stdout.write(`  (files kept in ${r.dir})\n`);
  process.stdout.write(`${r.line}\n`);
  anyFailed ||= r.failed;
}
process.exit(anyFailed ? 1 : 0);
