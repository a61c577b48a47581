/**
 * Datecs driver ↔ wire emulator, side by side in one run, at 115200 baud with the realistic print model
 * (25 ms per printed line, 2 ms per command):
 *  - a 10-item receipt end to end ÷ the emulator's own modelled minimum for the exchanges of that receipt
 *    (wire time of every request and answer + processing + printing), target ≤ 1.05;
 *  - frames per receipt;
 *  - the same over a socat pseudo-terminal (serial path) and with a persistent (fsync'ed) register.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FiscalDeviceConfig } from '../src-main/domain/device-config.js';
import type { PrintReceipt } from '../src-main/domain/operations.js';
import { DatecsDriver } from '../src-main/drivers/datecs/driver.js';
import { startDatecsEmulator } from '../src-main/emulators/datecs/start-emulator.js';
import { REALISTIC_TIMING } from '../src-main/emulators/virtual-register/register-api.js';
import { openPtyPair } from '../test/helpers/pty.js';

const fmt = (x: number) => x.toFixed(3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const receipt: PrintReceipt = {
  type: 'print_receipt',
  lines: Array.from({ length: 10 }, (_, k) => ({
    type: 'item' as const,
    description: `Produs ${k + 1}`,
    quantity_thousandths: 1000 + k * 250,
    unit_price_cents: 199 + k * 37,
    vat: k % 3 === 0 ? 'B' : 'A',
  })),
  payments: [{ method: 'cash', amount_cents: 50_000 }],
};

async function measure(label: string, mode: { serial: boolean; persistent: boolean }, rounds: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fiscool-bench-datecs-'));
  const pty = mode.serial ? await openPtyPair() : null;
  const em = await startDatecsEmulator({
    protocol: 'x',
    timing: REALISTIC_TIMING,
    ...(mode.persistent ? { stateDir: join(dir, 'reg') } : {}),
    ...(pty ? { serial: pty.a } : {}),
  });
  const config: FiscalDeviceConfig = {
    id: randomUUID(),
    name: 'bench',
    manufacturer: 'Datecs',
    model: 'DP-25MX',
    enabled: true,
    connection_details: pty
      ? { type: 'Serial', details: { port: pty.b, baud_rate: 115_200 } }
      : { type: 'Network', details: { ip_address: '127.0.0.1', port: em.tcp?.port ?? 0 } },
    options: { protocol: 'x' },
  };
  const driver = new DatecsDriver(config);
  try {
    await driver.connect();
    await driver.execute(receipt, { jobId: 'warm-up', language: 'ro' });
    const ratios: number[] = [];
    const wall: number[] = [];
    const model: number[] = [];
    let frames = 0;
    for (let i = 0; i < rounds; i++) {
      em.emulator.resetStats();
      const t0 = performance.now();
      await driver.execute(receipt, { jobId: `b${i}`, language: 'ro' });
      const t = performance.now() - t0;
      wall.push(t);
      model.push(em.emulator.stats.modelledMs);
      ratios.push(t / em.emulator.stats.modelledMs);
      frames = em.emulator.stats.requests;
    }
    process.stdout.write(
      `${label}: end-to-end ÷ modelled minimum = ${fmt(median(ratios))} (median of ${rounds}; worst ${fmt(Math.max(...ratios))}; ` +
        `${median(wall).toFixed(1)} ms vs ${median(model).toFixed(1)} ms), ${frames} frames per receipt\n`,
    );
  } finally {
    await driver.disconnect();
    await em.close();
    await pty?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  process.stdout.write('10-item receipt, X framing, 115200 baud, 25 ms per printed line, 2 ms per command\n');
  await measure('TCP, memory register      ', { serial: false, persistent: false }, 7);
  await measure('socat pty, memory register', { serial: true, persistent: false }, 7);
  await measure('TCP, persistent register  ', { serial: false, persistent: true }, 7);
}
