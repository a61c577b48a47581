/**
 * Runs a pure target in a worker with a watchdog: no progress for `hangMs` means the parser is stuck on the input
 * in shared memory — it is recorded as a hang, the worker is terminated and a new one goes on after that input.
 */
import { Worker } from 'node:worker_threads';
import type { PureJob, PureReport } from './pure-job.js';
import { SHARED_BYTES } from './pure-job.js';
import { preview } from './inputs.js';

export interface Figures {
  target: string;
  inputs: number;
  crashes: number;
  hangs: number;
  /** HTTP targets only. */
  answers500: number | null;
  seconds: number;
  slowestMs: number;
  details: string[];
  /** Extra figures shown with --verbose (the HTTP answers by status). */
  info?: string;
}

/** The worker runs TypeScript too: it registers tsx's loader, then imports the worker module. */
const WORKER_BOOT = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(new URL('./pure-worker.ts', import.meta.url).href)}); })`;

function runSlice(job: Omit<PureJob, 'shared'>, hangMs: number): Promise<{ report: PureReport | null; hung: { index: number; input: string } | null }> {
  const shared = new SharedArrayBuffer(8 + SHARED_BYTES);
  const head = new Int32Array(shared, 0, 2);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { ...job, shared } });
    let last: PureReport | null = null;
    let lastAt = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - lastAt < hangMs) return;
      clearInterval(timer);
      const index = Atomics.load(head, 0);
      const len = head[1] ?? 0;
      const input = new Uint8Array(shared, 8, len).slice();
      void worker.terminate().then(() => resolve({ report: last, hung: { index, input: preview(input) } }));
    }, 250);
    worker.on('message', (r: PureReport) => {
      last = r;
      lastAt = Date.now();
      if (r.kind === 'done') {
        clearInterval(timer);
        void worker.terminate().then(() => resolve({ report: r, hung: null }));
      }
    });
    worker.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
  });
}

export async function runPureTarget(name: string, o: { seed: number; from: number; inputs: number; hangMs: number; slowMs: number }): Promise<Figures> {
  const t0 = performance.now();
  const f: Figures = { target: name, inputs: 0, crashes: 0, hangs: 0, answers500: null, seconds: 0, slowestMs: 0, details: [] };
  let from = o.from;
  const to = o.from + o.inputs;
  while (from < to) {
    const { report, hung } = await runSlice({ target: name, seed: o.seed, from, to, slowMs: o.slowMs }, o.hangMs);
    if (report) {
      f.crashes += report.crashCount;
      f.slowestMs = Math.max(f.slowestMs, report.slowestMs);
      for (const c of report.crashes) if (f.details.length < 40) f.details.push(`crash #${c.index}: ${c.error} — input ${c.input}`);
      f.hangs += report.slowCount;
      for (const s of report.slow) if (f.details.length < 40) f.details.push(`slow #${s.index}: ${s.ms.toFixed(0)} ms — input ${s.input}`);
    }
    if (hung) {
      f.hangs++;
      f.details.push(`hang #${hung.index}: no answer in ${o.hangMs} ms — input ${hung.input}`);
      from = hung.index + 1;
    } else from = to;
  }
  f.inputs = o.inputs;
  f.seconds = (performance.now() - t0) / 1000;
  return f;
}
