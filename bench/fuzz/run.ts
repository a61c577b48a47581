/**
 * `npm run fuzz` — fuzzers for every parser that reads what others send: the Datecs codec (bytes from a register),
 * the INP parser (files in a scan folder), the compatible doors' lenient JSON and XML readers, and the request
 * bodies of all three HTTP doors over real HTTP against an in-process hub. One figure line per target; exit code 1
 * when anything crashed, hung or answered 500.
 *
 *   npm run fuzz                        10^6 inputs per target
 *   npm run fuzz -- --quick             a short run (20 000 per parser, 5 000 per door)
 *   npm run fuzz -- --inputs N --only lenient-json,erpnet-http --seed 7 [--from I] [--verbose]
 */
import { parseArgs } from 'node:util';
import { HTTP_TARGETS, runHttpTarget } from './http-doors.js';
import { runPureTarget, type Figures } from './pure-runner.js';
import { PURE_TARGETS } from './pure-targets.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    inputs: { type: 'string' },
    only: { type: 'string' },
    seed: { type: 'string', default: '20261122' },
    from: { type: 'string', default: '0' },
    verbose: { type: 'boolean', default: false },
  },
  strict: true,
});

const seed = Number(values.seed) >>> 0;
const from = Number(values.from);
const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
const wanted = (name: string) => !only || only.includes(name);
const count = (quickDefault: number) => (values.inputs ? Number(values.inputs) : values.quick ? quickDefault : 1_000_000);

const fmt = (n: number) => n.toLocaleString('en-US');

function line(f: Figures): string {
  const rate = f.inputs / Math.max(f.seconds, 0.001);
  return [
    f.target.padEnd(14),
    `${fmt(f.inputs).padStart(10)} inputs`,
    `${String(f.crashes).padStart(3)} crashes`,
    `${String(f.hangs).padStart(3)} hangs`,
    `${f.answers500 === null ? '  -' : String(f.answers500).padStart(3)} answers 500`,
    `${f.seconds.toFixed(1).padStart(7)} s`,
    `${(rate >= 1000 ? `${(rate / 1000).toFixed(1)}k` : rate.toFixed(0)).padStart(6)} inputs/s`,
    `slowest ${f.slowestMs.toFixed(1)} ms`,
  ].join('  ');
}

const all: Figures[] = [];
process.stdout.write(`FisCool fuzz — seed ${seed}${values.quick ? ' (quick)' : ''}\n`);
for (const t of PURE_TARGETS) {
  if (!wanted(t.name)) continue;
  const f = await runPureTarget(t.name, { seed, from, inputs: count(20_000), hangMs: 10_000, slowMs: 1000 });
  all.push(f);
  process.stdout.write(line(f) + '\n');
  for (const d of f.details) process.stdout.write(`    ${d}\n`);
}
for (const t of HTTP_TARGETS) {
  if (!wanted(t.name)) continue;
  const f = await runHttpTarget(t, { seed, from, inputs: count(5_000), hangMs: 30_000 });
  all.push(f);
  process.stdout.write(line(f) + '\n');
  for (const d of f.details) process.stdout.write(`    ${d}\n`);
  if (values.verbose && f.info) process.stdout.write(`    ${f.info}\n`);
}
const bad = all.filter((f) => f.crashes > 0 || f.hangs > 0 || (f.answers500 ?? 0) > 0);
process.stdout.write(bad.length === 0 ? `all ${all.length} targets: 0 crashes, 0 hangs, 0 answers 500\n` : `FAILED: ${bad.map((f) => f.target).join(', ')}\n`);
process.exit(bad.length === 0 ? 0 : 1);
