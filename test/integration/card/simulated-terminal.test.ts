/** What only the simulated terminal does: amount rules, batches and settlement, its log file, its options. */
import { appendFileSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PosOperation } from '../../../src-main/domain/operations.js';
import type { PosResult } from '../../../src-main/domain/results.js';
import { createSimulatedPosDriver } from '../../../src-main/drivers/simulated-pos/index.js';
import { DEFAULT_POS_RULES, PosTerminal, POS_LOG_FILE, ruleFor } from '../../../src-main/emulators/pos/index.js';
import { errorOf, posCtx, tempStateDir } from './harness.js';

const dirs: Array<ReturnType<typeof tempStateDir>> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
const dir = () => {
  const d = tempStateDir();
  dirs.push(d);
  return d.dir;
};
const op = (o: unknown) => PosOperation.parse(o);
const config = (options: Record<string, unknown> = {}) => ({
  id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  name: 'POS',
  manufacturer: 'FisCool',
  model: 'Simulated Terminal',
  connection_details: { type: 'None' as const },
  enabled: true,
  options,
});

describe('simulated card terminal', () => {
  it('decides by the cents of the amount, and by a limit', () => {
    expect(ruleFor(1000, DEFAULT_POS_RULES)).toBe('approve');
    expect(ruleFor(12_351, DEFAULT_POS_RULES)).toBe('decline');
    expect(ruleFor(952, DEFAULT_POS_RULES)).toBe('no_answer');
    expect(ruleFor(953, DEFAULT_POS_RULES)).toBe('cancel');
    expect(ruleFor(954, DEFAULT_POS_RULES)).toBe('card_timeout');
    expect(ruleFor(955, DEFAULT_POS_RULES)).toBe('answer_lost');
    expect(ruleFor(5100, DEFAULT_POS_RULES)).toBe('approve');
    expect(ruleFor(20_000, { ...DEFAULT_POS_RULES, decline_above_cents: 10_000 })).toBe('over_limit');
  });

  it('takes its rules and delays from the device options, and names a bad option', async () => {
    const d = createSimulatedPosDriver(config({ decline_suffixes: ['13'], timeout_suffixes: [], delays: { card_ms: 120 } }), { dataDir: dir() });
    expect((await errorOf(d.execute(op({ type: 'sale', amount: 113 }), posCtx()))).code).toBe('POS_DECLINED');
    const started = performance.now();
    expect(await d.execute(op({ type: 'sale', amount: 152 }), posCtx())).toMatchObject({ approved: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect(() => createSimulatedPosDriver(config({ cancel_suffixes: ['5'] }), { dataDir: dir() })).toThrow(/cancel_suffixes\.0: must be two digits/);
  });

  it('closes batches: a sale of a closed batch can no longer be voided, only refunded', async () => {
    const d = createSimulatedPosDriver(config(), { dataDir: dir() });
    const s = (await d.execute(op({ type: 'sale', amount: 1000 }), posCtx())) as PosResult;
    const voided = (await d.execute(op({ type: 'sale', amount: 700 }), posCtx())) as PosResult;
    await d.execute(op({ type: 'void', rrn: voided.rrn }), posCtx());
    await errorOf(d.execute(op({ type: 'sale', amount: 351 }), posCtx()));
    await d.execute(op({ type: 'refund', amount: 400, original_rrn: s.rrn }), posCtx());
    expect(await d.execute(op({ type: 'settlement' }), posCtx())).toEqual({ count: 1, total_cents: 1000, refunds_cents: 400, batch_number: 1 });
    expect(await d.execute(op({ type: 'settlement' }), posCtx())).toEqual({ count: 0, total_cents: 0, refunds_cents: 0, batch_number: 2 });
    const e = await errorOf(d.execute(op({ type: 'void', rrn: s.rrn }), posCtx()));
    expect(e.deviceError?.code).toBe('BATCH_CLOSED');
    expect(await d.execute(op({ type: 'refund', amount: 600, original_rrn: s.rrn }), posCtx())).toMatchObject({ approved: true });
  });

  it('voids a refund (the simulated bank can), and not twice', async () => {
    const d = createSimulatedPosDriver(config(), { dataDir: dir() });
    const r = (await d.execute(op({ type: 'refund', amount: 300 }), posCtx())) as PosResult;
    expect(await d.execute(op({ type: 'void', rrn: r.rrn }), posCtx())).toMatchObject({ approved: true, kind: 'void' });
    expect((await errorOf(d.execute(op({ type: 'void', rrn: r.rrn }), posCtx()))).deviceError?.code).toBe('ALREADY_VOIDED');
  });

  it('logs every state change (fsync), rebuilds from the log, drops a torn line and reads a log of the old format', async () => {
    const stateDir = dir();
    const d = createSimulatedPosDriver(config(), { dataDir: stateDir });
    const sale = (await d.execute(op({ type: 'sale', amount: 1500, reference: 'persist' }), posCtx())) as PosResult;
    const file = join(stateDir, 'simulated-pos', config().id, POS_LOG_FILE);
    const records = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.state)).toEqual(['in_progress', 'in_progress', 'approved']); // started, card read, approved
    appendFileSync(file, '{"seq":4,"kind":"sa');
    const again = new PosTerminal({ stateDir: join(stateDir, 'simulated-pos', config().id) });
    expect(again.findByReference('persist')).toMatchObject({ state: 'approved', rrn: sale.rrn });
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);

    const oldDir = join(dir(), 'old');
    mkdirSync(oldDir, { recursive: true });
    const legacy = { seq: 1, kind: 'sale', datetime: '2025-01-02T10:00:00', batch: 1, amount_cents: 900, approved: true, response_code: '00', response_text: 'Aprobat', auth_code: '123456', rrn: '250102000001', card_masked: '************1234', reference: 'r-old' };
    writeFileSync(join(oldDir, POS_LOG_FILE), JSON.stringify(legacy) + '\n');
    const old = new PosTerminal({ stateDir: oldDir });
    expect(old.findByReference('r-old')).toMatchObject({ state: 'approved', txid: 'legacy-1', stan: '000001' });
    expect(existsSync(join(oldDir, POS_LOG_FILE))).toBe(true);
  });

  it('an offline terminal: ping, connect and sales fail with POS_UNREACHABLE', async () => {
    const d = createSimulatedPosDriver(config({ timeout_ms: 30 }), { dataDir: dir() });
    d.terminal.setOnline(false);
    expect((await errorOf(d.ping())).code).toBe('POS_UNREACHABLE');
    expect((await errorOf(d.connect())).code).toBe('POS_UNREACHABLE');
    expect(await errorOf(d.execute(op({ type: 'sale', amount: 100 }), posCtx()))).toMatchObject({ code: 'POS_UNREACHABLE', mayHaveActed: true });
    expect(await d.execute(op({ type: 'get_status' }), posCtx())).toMatchObject({ online: false });
    d.terminal.setOnline(true);
    await d.ping();
  });
});
