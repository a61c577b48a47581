/**
 * Runs one pure target in a worker thread. Before each input it writes the input's number and bytes into shared
 * memory, so the main thread can name the input if the parser never returns (a hang: the worker is terminated).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inputAt, preview } from './inputs.js';
import type { PureJob, PureReport } from './pure-job.js';
import { PURE_TARGETS } from './pure-targets.js';

const job = workerData as PureJob;
const target = PURE_TARGETS.find((t) => t.name === job.target);
if (!target) throw new Error(`no target ${job.target}`);
const src = { corpus: target.corpus(), tokens: target.tokens, generate: target.generate };
const head = new Int32Array(job.shared, 0, 2);
const bytes = new Uint8Array(job.shared, 8);
const report: PureReport = { kind: 'progress', next: job.from, crashes: [], crashCount: 0, slow: [], slowCount: 0, slowestMs: 0 };

for (let i = job.from; i < job.to; i++) {
  const input = inputAt(src, job.seed, i);
  const n = Math.min(input.length, bytes.length);
  bytes.set(input.subarray(0, n));
  head[1] = n;
  Atomics.store(head, 0, i);
  const t0 = performance.now();
  try {
    target.exec(input);
  } catch (e) {
    report.crashCount++;
    if (report.crashes.length < 20) report.crashes.push({ index: i, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e), input: preview(input) });
  }
  const ms = performance.now() - t0;
  if (ms > report.slowestMs) report.slowestMs = ms;
  if (ms > job.slowMs) {
    report.slowCount++;
    if (report.slow.length < 20) report.slow.push({ index: i, ms, input: preview(input) });
  }
  if ((i & 2047) === 2047) {
    report.next = i + 1;
    parentPort?.postMessage(report);
  }
}
report.kind = 'done';
report.next = job.to;
parentPort?.postMessage(report);
