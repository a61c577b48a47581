/**
 * The compatible doors' overhead, side by side in one run on the simulated register (zero timing):
 *  - a UcsFPHub seed sale (lenient JSON, Rows → operation, pipeline, answer) ÷ the same operation posted to the
 *    native API — the cost of the translation layer;
 *  - an ErpNet.FP seed receipt ÷ the same native operation;
 *  - the lenient JSON reader ÷ JSON.parse on the seed's body (parse only).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLenientJson } from '../src-main/doors/compat-shared/lenient-json.js';
import { startHub, type Running } from '../test/integration/compat/harness.js';
import { codeBlocks, seedText } from '../test/integration/compat/seed-examples.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Median time of `a` and of `b`, run alternately so both see the same machine state. */
async function sideBySide(n: number, a: () => Promise<void>, b: () => Promise<void>): Promise<[number, number]> {
  const xa: number[] = [];
  const xb: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const [fn, xs] of i % 2 === 0
      ? ([
          [a, xa],
          [b, xb],
        ] as const)
      : ([
          [b, xb],
          [a, xa],
        ] as const)) {
      const t0 = performance.now();
      await fn();
      xs.push(performance.now() - t0);
    }
  }
  return [median(xa), median(xb)];
}

async function post(url: string, body: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return res.json();
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fiscool-bench-compat-'));
  let r: Running | null = null;
  try {
    r = await startHub(dir);
    const hub = r;
    const native = hub.hub.addresses().native;
    const nativeUrl = `http://127.0.0.1:${native?.port}/devices/operation`;
    const ucsBody = codeBlocks(seedText('003'))[16]?.text ?? '';
    const erpBody = codeBlocks(seedText('002'))[7]?.text ?? '';
    await post(`${hub.ucsUrl}/printers/DT518315/receipt`, ucsBody); // warm up, and learn the operation it becomes
    const ucsOp = hub.hub.operations.listJobs({ device_id: hub.deviceId, limit: 1 })[0]?.operation;
    await post(`${hub.erpUrl}/printers/dt279013/receipt`, erpBody);
    const erpOp = hub.hub.operations.listJobs({ device_id: hub.deviceId, limit: 1 })[0]?.operation;
    const nativeBody = (op: unknown) => JSON.stringify({ device_id: hub.deviceId, operation: op });
    const rounds = 60;
    const [ucs, ucsNative] = await sideBySide(
      rounds,
      async () => void (await post(`${hub.ucsUrl}/printers/DT518315/receipt`, ucsBody)),
      async () => void (await post(nativeUrl, nativeBody(ucsOp))),
    );
    const [erp, erpNative] = await sideBySide(
      rounds,
      async () => void (await post(`${hub.erpUrl}/printers/dt279013/receipt`, erpBody)),
      async () => void (await post(nativeUrl, nativeBody(erpOp))),
    );
    process.stdout.write(
      `UcsFPHub seed sale: ${ucs.toFixed(2)} ms median; native same operation ${ucsNative.toFixed(2)} ms; ratio ${(ucs / ucsNative).toFixed(3)}\n`,
    );
    process.stdout.write(
      `ErpNet.FP seed receipt: ${erp.toFixed(2)} ms median; native same operation ${erpNative.toFixed(2)} ms; ratio ${(erp / erpNative).toFixed(3)}\n`,
    );

    const strict = ucsBody.replace(/,(\s*[}\]])/g, '$1');
    const n = 20_000;
    let t0 = performance.now();
    for (let i = 0; i < n; i++) parseLenientJson(ucsBody);
    const lenient = performance.now() - t0;
    t0 = performance.now();
    for (let i = 0; i < n; i++) JSON.parse(strict);
    const builtin = performance.now() - t0;
    process.stdout.write(
      `lenient JSON reader: ${((lenient / n) * 1000).toFixed(2)} µs per seed body; JSON.parse ${((builtin / n) * 1000).toFixed(2)} µs; ratio ${(lenient / builtin).toFixed(2)}\n`,
    );
  } finally {
    await r?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
