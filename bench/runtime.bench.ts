/**
 * The production runtime (issue 15), the compiled service `node dist/service/fiscool-service.mjs` beside the
 * developer's entry (`node --import tsx src-main/service.ts`, what `npm run serve` runs) in the same run:
 *  - time from spawning the process to its first HTTP answer (median of 3, fresh data directory each);
 *  - idle resident memory 5 s after start-up;
 *  - a soak of the compiled service: 100 concurrent clients for --duration seconds (default 600) mixing receipts
 *    (each with its own Idempotency-Key), status reads (GET /devices/fiscal) and journal queries (GET /jobs): errors,
 *    p50/p99 latency, RSS after warm-up (first 10 %, at least 10 s) and at the end (medians of 30 s windows), the journal's size per 1,000 jobs
 *    (hub journal and the simulated register's journal).
 * `npm run bench -- runtime --duration=60` for a quick run; `--soak-only` skips the start-up figures.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const COMPILED = ['dist/service/fiscool-service.mjs'];
const DEV = ['--import', 'tsx', 'src-main/service.ts'];

function arg(name: string, fallback: number): number {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  const v = a ? Number(a.split('=')[1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name}: not a positive number`);
  return v;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Running {
  child: ChildProcess;
  url: string;
  dataDir: string;
  firstAnswerMs: number;
  stop(): Promise<void>;
}

async function launch(entry: string[]): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fiscool-bench-rt-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, [...entry, '--data-dir', dataDir, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, FISCOOL_LOG_LEVEL: 'warn' },
  });
  let firstAnswerMs = -1;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry.join(' ')} exited with ${child.exitCode}`);
    try {
      const r = await fetch(url + '/');
      if (r.ok) {
        firstAnswerMs = performance.now() - t0;
        await r.text();
        break;
      }
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 30_000) throw new Error('no answer in 30 s');
    await sleep(5);
  }
  return {
    child,
    url,
    dataDir,
    firstAnswerMs,
    stop: () =>
      new Promise<void>((res) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          res();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function startAndIdle(entry: string[]): Promise<{ startMs: number[]; idleRssMb: number[] }> {
  const startMs: number[] = [];
  const idleRssMb: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await launch(entry);
    startMs.push(r.firstAnswerMs);
    await sleep(5000);
    idleRssMb.push(rssMb(r.child.pid!));
    await r.stop();
  }
  return { startMs, idleRssMb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function soak(seconds: number, clients: number) {
  const r = await launch(COMPILED);
  const devices = (await (await fetch(`${r.url}/devices/fiscal`)).json()) as { fiscal_devices: Array<{ config: { id: string }; status: string }> };
  const id = devices.fiscal_devices[0]!.config.id;
  for (let i = 0; i < 200 && (await (await fetch(`${r.url}/devices/fiscal`)).json() as any).fiscal_devices[0].status !== 'Connected'; i++) await sleep(25);
  const lat: Record<'receipt' | 'status' | 'journal', number[]> = { receipt: [], status: [], journal: [] };
  let errors = 0;
  const errorSamples: string[] = [];
  let seq = 0;
  const end = Date.now() + seconds * 1000;
  const warmupEnd = Date.now() + Math.max(10, seconds * 0.1) * 1000;
  let warmRss = 0;
  let warmHeap = 0;
  const rssSamples: number[] = [];
  const heapMb = async () => {
    const m = /^fiscool_process_heap_used_bytes (\d+)$/m.exec(await (await fetch(`${r.url}/metrics`)).text());
    return Number(m?.[1] ?? 0) / 1048576;
  };
  const sampler = setInterval(() => {
    const v = rssMb(r.child.pid!);
    rssSamples.push(v);
    if (warmRss === 0 && Date.now() >= warmupEnd) {
      warmRss = v;
      void heapMb().then((h) => (warmHeap = h));
    }
  }, 1000);
  const fail = (what: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(what);
  };
  const client = async (c: number) => {
    let n = 0;
    while (Date.now() < end) {
      const pick = (c + n++) % 5; // 2/5 receipts, 2/5 status reads, 1/5 journal queries
      const t0 = performance.now();
      try {
        if (pick < 2) {
          const res = await fetch(`${r.url}/devices/operation`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `soak-${++seq}` },
            body: JSON.stringify({
              device_id: id,
              operation: {
                type: 'print_receipt',
                lines: [
                  { type: 'item', description: 'Cafea espresso', quantity_thousandths: 1000, unit_price_cents: 850, vat: 'A' },
                  { type: 'item', description: 'Apă plată 0,5 l', quantity_thousandths: 2000, unit_price_cents: 425, vat: 'B' },
                ],
                payments: [{ method: 'cash', amount_cents: 2000 }],
              },
            }),
          });
          const body = (await res.json()) as { status: number };
          if (res.status !== 200 || body.status !== 0) fail(`receipt: HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
          lat.receipt.push(performance.now() - t0);
        } else if (pick < 4) {
          const res = await fetch(`${r.url}/devices/fiscal`);
          await res.json();
          if (res.status !== 200) fail(`status: HTTP ${res.status}`);
          lat.status.push(performance.now() - t0);
        } else {
          const res = await fetch(`${r.url}/jobs?limit=20`);
          await res.json();
          if (res.status !== 200) fail(`jobs: HTTP ${res.status}`);
          lat.journal.push(performance.now() - t0);
        }
      } catch (e) {
        fail(String(e));
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const wall = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const endHeap = await heapMb();
  // RSS saw-tooths with the garbage collector: compare medians of 30 s windows (after warm-up, at the end).
  const win = Math.min(30, Math.max(3, Math.floor(seconds / 10)));
  const warmIdx = Math.max(0, Math.min(rssSamples.length - win, Math.round(Math.max(10, seconds * 0.1))));
  const warmWindow = median(rssSamples.slice(warmIdx, warmIdx + win));
  const endRss = median(rssSamples.slice(-win));
  const health = (await (await fetch(`${r.url}/health`)).json()) as { journal: { jobs: number; bytes_on_disk: number; bytes: number } };
  const regJournal = join(r.dataDir, 'simulated', id, 'journal.jsonl');
  const regBytes = statSync(regJournal).size;
  await r.stop();
  return { wall, lat, errors, errorSamples, warmRss: warmWindow || warmRss || rssSamples[0] || 0, endRss, win, peakRss: Math.max(...rssSamples), warmHeap, endHeap, health, regBytes };
}

async function startFigures(f: (x: number, d?: number) => string): Promise<void> {
  const compiled = await startAndIdle(COMPILED);
  const dev = await startAndIdle(DEV);
  console.log(`start to first answer, compiled: ${f(median(compiled.startMs))} ms (runs ${compiled.startMs.map((x) => f(x)).join(', ')}; target ≤ 1000 ms)`);
  console.log(`start to first answer, tsx dev:  ${f(median(dev.startMs))} ms (ratio compiled/dev ${f(median(compiled.startMs) / median(dev.startMs), 2)})`);
  console.log(`idle RSS, compiled: ${f(median(compiled.idleRssMb), 1)} MB (runs ${compiled.idleRssMb.map((x) => f(x, 1)).join(', ')}; target ≤ 90 MB)`);
  console.log(`idle RSS, tsx dev:  ${f(median(dev.idleRssMb), 1)} MB (ratio compiled/dev ${f(median(compiled.idleRssMb) / median(dev.idleRssMb), 2)})`);
}

export async function run(): Promise<void> {
  const duration = arg('duration', 600);
  const clients = arg('clients', 100);
  process.stdout.write('building the compiled service (npm run build:main && npm run build:service)…\n');
  execFileSync('npm', ['run', '--silent', 'build:main'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npm', ['run', '--silent', 'build:service'], { cwd: ROOT, stdio: 'inherit' });

  const f = (x: number, d = 0) => x.toFixed(d);
  if (!process.argv.includes('--soak-only')) await startFigures(f);

  console.log(`soak: ${clients} clients for ${duration} s on the compiled service…`);
  const s = await soak(duration, clients);
  const all = [...s.lat.receipt, ...s.lat.status, ...s.lat.journal].sort((a, b) => a - b);
  const line = (name: string, xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `${name}: ${sorted.length} ops, p50 ${f(pct(sorted, 50), 1)} ms, p99 ${f(pct(sorted, 99), 1)} ms`;
  };
  console.log(`soak operations: ${all.length} in ${f(s.wall, 1)} s (${f(all.length / s.wall)} ops/s), errors: ${s.errors}${s.errorSamples.length ? ` (${s.errorSamples.join(' | ')})` : ''}`);
  console.log(`  ${line('receipts', s.lat.receipt)}`);
  console.log(`  ${line('status reads', s.lat.status)}`);
  console.log(`  ${line('journal queries', s.lat.journal)}`);
  console.log(`  all: p50 ${f(pct(all, 50), 1)} ms, p99 ${f(pct(all, 99), 1)} ms`);
  const growth = ((s.endRss - s.warmRss) / s.warmRss) * 100;
  console.log(`soak RSS (medians of ${s.win} s windows): after warm-up ${f(s.warmRss, 1)} MB, at the end ${f(s.endRss, 1)} MB (growth ${f(growth, 1)} %; target < 10 %), peak ${f(s.peakRss, 1)} MB; V8 heap in use ${f(s.warmHeap, 1)} → ${f(s.endHeap, 1)} MB`);
  const jobs = s.health.journal.jobs;
  console.log(
    `journal: ${jobs} jobs, ${f(s.health.journal.bytes_on_disk / 1048576, 1)} MB on disk (${f(s.health.journal.bytes / 1048576, 1)} MB of pages) = ${f((s.health.journal.bytes / jobs) * 1000 / 1024, 0)} KB per 1,000 jobs; simulated register journal ${f(s.regBytes / 1048576, 1)} MB = ${f((s.regBytes / Math.max(1, s.lat.receipt.length)) * 1000 / 1024, 0)} KB per 1,000 receipts`,
  );
}
