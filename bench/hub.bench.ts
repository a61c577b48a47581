/**
 * Hub overhead and parallelism (issue 2):
 *  - a 10-item print_receipt through HTTP ÷ the same receipt on the driver directly, realistic register timing
 *    (115200 baud wire time + 25 ms per printed line), at concurrency 1 and 64;
 *  - throughput with 1, 4 and 16 simulated registers in parallel, as a ratio to one register;
 *  - the zero-latency overhead per operation with 1 and 16 registers busy, split into the pipeline (journal, worker,
 *    events: submitted in process) and the HTTP door (a POS's keep-alive connection, as a
 *    separate program holds it: bench/pos-client.ts);
 *  - the native door's fast path against express for the same request (decision 69).
 * Direct and HTTP runs are interleaved in one process so they share the machine's conditions.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedFiscalDriver } from '../src-main/drivers/simulated/index.js';
import type { FiscalDeviceConfig } from '../src-main/domain/device-config.js';
import type { FiscalOperation } from '../src-main/domain/operations.js';
import { tempDir, startTestHub, waitFor, type TestHub } from '../test/helpers/hub.js';
import { posClient } from './pos-client.js';

const REALISTIC = 'realistic';

function tenItems(): FiscalOperation {
  return {
    type: 'print_receipt',
    lines: Array.from({ length: 10 }, (_, i) => ({
      type: 'item' as const,
      description: `Produs de test ${i + 1}`,
      quantity_thousandths: 1000 + i * 500,
      unit_price_cents: 199 + i * 101,
      vat: i % 3 === 0 ? 'B' : 'A',
    })),
    payments: [{ method: 'cash', amount_cents: 100_000 }],
  };
}

function simConfig(timing: unknown): FiscalDeviceConfig {
  return {
    id: randomUUID(),
    name: 'bench',
    manufacturer: 'FisCool',
    model: 'Simulated',
    connection_details: { type: 'None' },
    enabled: true,
    options: { timing },
  };
}

async function addDevice(t: TestHub, timing: unknown): Promise<string> {
  const r = await t.post('/manage/save_fiscal_device', { ...simConfig(timing), id: undefined });
  const id = r.body.device.id as string;
  await waitFor(async () => (await t.get('/devices/fiscal')).body.fiscal_devices.some((d: any) => d.config.id === id && d.status === 'Connected'));
  return id;
}

const now = () => performance.now();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function direct(timing: unknown, n: number, dataDir: string): Promise<number[]> {
  const driver = createSimulatedFiscalDriver(simConfig(timing), { dataDir });
  await driver.connect();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = now();
    await driver.execute(tenItems(), { jobId: `direct-${i}`, language: 'ro' });
    times.push(now() - t0);
  }
  await driver.disconnect();
  return times;
}

async function viaHttp(t: TestHub, id: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = now();
    const r = await t.post('/devices/operation', { device_id: id, operation: tenItems() });
    if (r.body.status !== 0) throw new Error(JSON.stringify(r.body));
    times.push(now() - t0);
  }
  return times;
}

async function concurrent(t: TestHub, id: string, n: number): Promise<number> {
  const t0 = now();
  const all = await Promise.all(Array.from({ length: n }, () => t.post('/devices/operation', { device_id: id, operation: tenItems() })));
  if (all.some((r) => r.body.status !== 0)) throw new Error('a concurrent receipt failed');
  return now() - t0;
}

export async function run(): Promise<void> {
  // The simulated registers keep their memory in RAM-backed files, directly and in the hub alike: a real register's
  // fiscal memory is in the register, not on the hub's disk, where its fsync'ed state file per sale would make the
  // journal's own fsync wait behind it. The journal stays on the disk (tmpdir), fsync'ed as in a shop.
  const registers = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'fiscool-bench-registers-'));
  const scratch = join(registers, 'direct');
  const benchHub = (name: string) => {
    const hubDir = tempDir('fiscool-bench-hub-');
    mkdirSync(join(registers, name));
    symlinkSync(join(registers, name), join(hubDir, 'simulated'));
    return startTestHub({ dataDir: hubDir, probeMs: 3000 });
  };
  const t = await benchHub('hub');
  let t4: TestHub | null = null;
  try {
    const realId = await addDevice(t, REALISTIC);
    const zeroId = await addDevice(t, 'zero');

    // Warm-up (JIT, SQLite pages).
    await viaHttp(t, zeroId, 20);
    await direct('zero', 20, scratch);

    // 1. Overhead at concurrency 1, interleaved rounds.
    const d1: number[] = [];
    const h1: number[] = [];
    for (let round = 0; round < 4; round++) {
      d1.push(...(await direct(REALISTIC, 3, scratch)));
      h1.push(...(await viaHttp(t, realId, 3)));
    }
    const ratio1 = mean(h1) / mean(d1);

    // 2. Concurrency 64 on one register: wall time ÷ 64 direct receipts.
    const wall64 = await concurrent(t, realId, 64);
    const ratio64 = wall64 / (64 * mean(d1));

    // 3. Throughput with 1, 4, 16 registers in parallel (8 receipts each).
    const ids: string[] = [realId];
    for (let i = 1; i < 16; i++) ids.push(await addDevice(t, REALISTIC));
    const perDevice = 8;
    const throughput: Record<number, number> = {};
    for (const k of [1, 4, 16]) {
      const t0 = now();
      await Promise.all(ids.slice(0, k).map((id) => Promise.all(Array.from({ length: perDevice }, () => t.post('/devices/operation', { device_id: id, operation: tenItems() })))));
      throughput[k] = (k * perDevice) / ((now() - t0) / 1000);
    }

    // 4. Zero-latency overhead per operation, with 1 and with 16 registers busy: k registers, each running N receipts
    //    one after another, all k at once — on the drivers directly, then through HTTP; the difference per receipt.
    //    A hub of its own with just these 16 registers (the 17 realistic ones above would keep being probed).
    t4 = await benchHub('hub4');
    const zeroIds: string[] = [];
    for (let i = 0; i < 16; i++) zeroIds.push(await addDevice(t4, 'zero'));
    const client = posClient(t4.url);
    const ops = t4.hub.operations;
    type Overhead = { direct: number; pipeline: number; http: number };
    const overheadAt = async (k: number, n: number): Promise<Overhead> => {
      const drivers = await Promise.all(
        Array.from({ length: k }, async () => {
          const d = createSimulatedFiscalDriver(simConfig('zero'), { dataDir: scratch });
          await d.connect();
          return d;
        }),
      );
      let t0 = now();
      await Promise.all(drivers.map(async (d, j) => { for (let i = 0; i < n; i++) await d.execute(tenItems(), { jobId: `d${k}-${j}-${i}`, language: 'ro' }); }));
      const direct = (now() - t0) / n;
      t0 = now();
      await Promise.all(
        zeroIds.slice(0, k).map(async (id) => {
          for (let i = 0; i < n; i++) {
            const sub = ops.submit({ device_id: id, operation: tenItems(), source: 'http' });
            if (sub.kind !== 'accepted') throw new Error(sub.kind);
            await sub.done;
          }
        }),
      );
      const pipeline = (now() - t0) / n;
      const lanes = zeroIds.slice(0, k).map((id) => Array.from({ length: n }, () => ({ path: '/devices/operation', body: { device_id: id, operation: tenItems() } })));
      const r = await client.run(lanes);
      if (r.answers.flat().some((a) => a.body.status !== 0)) throw new Error('a receipt through HTTP failed');
      const viaHttp = r.wallMs / n;
      for (const d of drivers) await d.disconnect();
      return { direct, pipeline, http: viaHttp };
    };
    // One register: the three ways alternate receipt by receipt, so a slow moment of the machine (they last long
    // enough to swallow a phase of 200 receipts here) falls on all three alike. Each is timed from submit to answer.
    const alternating = async (n: number): Promise<Overhead> => {
      const d = createSimulatedFiscalDriver(simConfig('zero'), { dataDir: scratch });
      await d.connect();
      const sum = { direct: 0, pipeline: 0, http: 0 };
      const id = zeroIds[0] as string;
      for (let i = 0; i < n; i++) {
        let t0 = now();
        await d.execute(tenItems(), { jobId: `a-${i}`, language: 'ro' });
        sum.direct += now() - t0;
        t0 = now();
        const sub = ops.submit({ device_id: id, operation: tenItems(), source: 'http' });
        if (sub.kind !== 'accepted') throw new Error(sub.kind);
        await sub.done;
        sum.pipeline += now() - t0;
        const r = await client.post('/devices/operation', { device_id: id, operation: tenItems() });
        if (r.body.status !== 0) throw new Error('a receipt through HTTP failed');
        sum.http += r.ms;
      }
      await d.disconnect();
      return { direct: sum.direct / n, pipeline: sum.pipeline / n, http: sum.http / n };
    };
    // Five rounds each (direct, in-process, HTTP side by side in every round); the round with the median overhead.
    const medianOf = async (round: () => Promise<Overhead>): Promise<Overhead> => {
      const rounds: Overhead[] = [];
      for (let i = 0; i < 5; i++) rounds.push(await round());
      return rounds.sort((a, b) => a.http - a.direct - (b.http - b.direct))[2] as Overhead;
    };
    // Warm-up to the steady state a shop's hub runs in (measured: the per-job cost keeps falling for the first
    // 1500 or so jobs, as the code on the path is compiled): 1200 receipts each way before the first round.
    await alternating(1200);
    const z1 = await medianOf(() => alternating(200));
    const z16 = await medianOf(() => overheadAt(16, 40));
    // 5. The fast door against express (decision 69): the same request, with a `?` after the path for express (a
    //    query string is one of the things the fast door leaves to it); five rounds, the two ways alternating request
    //    by request on one register.
    const door = { fast: [] as number[], express: [] as number[] };
    for (let round = 0; round < 5; round++) {
      const sum = { fast: 0, express: 0 };
      for (let i = 0; i < 200; i++) {
        for (const [way, path] of [['fast', '/devices/operation'], ['express', '/devices/operation?']] as const) {
          sum[way] += (await client.post(path, { device_id: zeroIds[0], operation: tenItems() })).ms;
        }
      }
      door.fast.push(sum.fast / 200);
      door.express.push(sum.express / 200);
    }
    await client.close();

    const f = (x: number, d = 3) => x.toFixed(d);
    console.log(`10-item receipt, realistic timing: direct ${f(mean(d1), 1)} ms, via HTTP ${f(mean(h1), 1)} ms`);
    console.log(`hub overhead ratio, concurrency 1:  ${f(ratio1)}   (target ≤ 1.03)`);
    console.log(`hub overhead ratio, concurrency 64: ${f(ratio64)}   (64 receipts on one register: ${f(wall64 / 1000, 2)} s wall)`);
    const t1 = throughput[1] ?? 1;
    console.log(`throughput 1 register:   ${f(t1, 2)} receipts/s (1.00×)`);
    console.log(`throughput 4 registers:  ${f(throughput[4] ?? 0, 2)} receipts/s (${f((throughput[4] ?? 0) / t1, 2)}×)`);
    console.log(`throughput 16 registers: ${f(throughput[16] ?? 0, 2)} receipts/s (${f((throughput[16] ?? 0) / t1, 2)}×, target ≥ 14×)`);
    // 16 registers each run a receipt at a time: every 'per receipt on each register' interval holds 16 operations.
    const split = (z: Overhead, k: number) =>
      `hub overhead ${f((z.http - z.direct) / k)} ms/operation (pipeline ${f((z.pipeline - z.direct) / k)} + HTTP door ${f((z.http - z.pipeline) / k)}; target ≤ 1)`;
    console.log(`zero-latency 10-item receipt, 1 register busy (median of 5 rounds, the three ways alternating):   direct ${f(z1.direct)} ms, in-process submit ${f(z1.pipeline)} ms, via HTTP ${f(z1.http)} ms: ${split(z1, 1)}`);
    console.log(`zero-latency 10-item receipt, 16 registers busy (median of 5 rounds): direct ${f(z16.direct)} ms, in-process submit ${f(z16.pipeline)} ms, via HTTP ${f(z16.http)} ms per receipt on each register (16 at once): ${split(z16, 16)}`);
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    console.log(`door, zero-latency 10-item receipt, 1 register (median of 5 rounds, alternating): fast door ${f(med(door.fast))} ms, express ${f(med(door.express))} ms: ${f(med(door.express) - med(door.fast))} ms saved an operation`);
  } finally {
    await t4?.close(true);
    await t.close(true);
    rmSync(registers, { recursive: true, force: true });
  }
}
