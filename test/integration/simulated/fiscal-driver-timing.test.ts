import { afterEach, describe, expect, it, vi } from 'vitest';
import { FiscalOperation } from '../../../src-main/domain/operations.js';
import { commandMs, createSimulatedFiscalDriver, resolveTiming, wireMs } from '../../../src-main/drivers/simulated/index.js';
import { REALISTIC_TIMING } from '../../../src-main/emulators/virtual-register/register-api.js';
import { ctx, fiscalConfig, tempDirs } from './helpers.js';

const dirs = tempDirs();
afterEach(() => {
  vi.useRealTimers();
  dirs.cleanup();
});

const receipt = (items: number) =>
  FiscalOperation.parse({
    type: 'print_receipt',
    lines: Array.from({ length: items }, (_, i) => ({ type: 'item', description: `Produs ${i}`, quantity_thousandths: 1000, unit_price_cents: 100 + i, vat: 'A' })),
  });

describe('simulated driver time model', () => {
  it('computes command time from per-command, per-line and X-frame wire time', () => {
    const t = { baud: 9600, per_line_ms: 10, per_command_ms: 3 };
    // request "ab" + answer "c" + 16 + 25 bytes of framing = 44 bytes at 9600 baud = 45.833 ms
    expect(wireMs(44, 9600)).toBeCloseTo(45.833, 2);
    expect(commandMs(t, { request: 'ab', answer: 'c', printed_lines: 2 })).toBeCloseTo(3 + 20 + 45.833, 2);
    expect(commandMs(t, { request: '', answer: '', printed_lines: 0, commands: 3 })).toBeCloseTo(9 + wireMs(3 * 41, 9600), 6);
    expect(commandMs({ baud: 0, per_line_ms: 0, per_command_ms: 0 }, { request: 'x'.repeat(200), answer: '', printed_lines: 50 })).toBe(0);
    expect(resolveTiming('realistic')).toEqual(REALISTIC_TIMING);
    expect(resolveTiming({ baud: 19200, per_line_ms: 1, per_command_ms: 1 })).toEqual({ baud: 19200, per_line_ms: 1, per_command_ms: 1 });
  });

  it('with zero timing never waits on a timer', async () => {
    const d = createSimulatedFiscalDriver(fiscalConfig({ timing: 'zero' }), { dataDir: dirs.make() });
    vi.useFakeTimers(); // any setTimeout would never fire: execute() would hang
    const r = await d.execute(receipt(20), ctx());
    expect(r).toMatchObject({ slip_number: 1 });
    expect(d.modelledMs).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('with realistic timing takes at least the modelled minimum (printed lines × per-line + commands × per-command)', async () => {
    const d = createSimulatedFiscalDriver(fiscalConfig({ timing: 'realistic' }), { dataDir: dirs.make() });
    const items = 8;
    const started = performance.now();
    await d.execute(receipt(items), ctx('timed'));
    const elapsed = performance.now() - started;
    const [doc] = d.register.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'fiscal_receipts' });
    const lines = doc?.lines.length ?? 0;
    // identity, counters, open, items, pay, close: at least items + 5 commands
    const minimum = lines * REALISTIC_TIMING.per_line_ms + (items + 5) * REALISTIC_TIMING.per_command_ms;
    expect(lines).toBeGreaterThan(items);
    expect(d.modelledMs).toBeGreaterThanOrEqual(minimum);
    expect(elapsed).toBeGreaterThanOrEqual(minimum - 1); // timers may fire up to 1 ms early
  });
});
