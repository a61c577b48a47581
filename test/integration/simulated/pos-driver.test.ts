import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { PosOperation } from '../../../src-main/domain/operations.js';
import type { PosResult } from '../../../src-main/domain/results.js';
import { createSimulatedPosDriver, type SimulatedPosDriver } from '../../../src-main/drivers/simulated-pos/index.js';
import { PosTerminal, POS_LOG_FILE, ruleFor, DEFAULT_POS_RULES } from '../../../src-main/emulators/pos/index.js';
import { codeOf, ctx, deviceErrorOf, posConfig, tempDirs } from './helpers.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const op = (o: unknown): PosOperation => PosOperation.parse(o);

function driver(options: Record<string, unknown> = {}, timeoutMs = 50): SimulatedPosDriver {
  return createSimulatedPosDriver(posConfig(options), { dataDir: dirs.make(), timeoutMs });
}

describe('simulated card terminal', () => {
  it('decides by amount: …51 declined, …52 no answer, others approved', () => {
    expect(ruleFor(1000, DEFAULT_POS_RULES)).toBe('approve');
    expect(ruleFor(12_351, DEFAULT_POS_RULES)).toBe('decline');
    expect(ruleFor(51, DEFAULT_POS_RULES)).toBe('decline');
    expect(ruleFor(952, DEFAULT_POS_RULES)).toBe('no_answer');
    expect(ruleFor(5100, DEFAULT_POS_RULES)).toBe('approve');
  });

  it('approves a sale with auth code, RRN, masked card, terminal id and slip text', async () => {
    const d = driver({ terminal_id: 'T1234567' });
    expect(await d.connect()).toEqual({ terminal_id: 'T1234567' });
    const r = (await d.execute(op({ type: 'sale', amount: 4599, reference: 'job-1' }), ctx())) as PosResult;
    expect(r).toMatchObject({ approved: true, terminal_id: 'T1234567', amount_cents: 4599 });
    expect(r.auth_code).toMatch(/^\d{6}$/);
    expect(r.rrn).toMatch(/^\d{12}$/);
    expect(r.card_masked).toMatch(/^\*{12}\d{4}$/);
    expect(r.receipt_text).toEqual(expect.arrayContaining(['SUMA: 45.99 RON', 'APROBAT / APPROVED', `RRN: ${r.rrn}`]));
  });

  it('throws POS_DECLINED for a declined sale, with the bank text', async () => {
    const d = driver();
    const e = await deviceErrorOf(d.execute(op({ type: 'sale', amount: 2051, reference: 'dec' }), ctx()));
    expect(e.code).toBe('POS_DECLINED');
    expect(e.deviceError).toEqual({ code: '51', text: 'Fonduri insuficiente / Insufficient funds' });
    expect(e.mayHaveActed).toBe(false);
    expect(await d.findByReference('dec')).toMatchObject({ approved: false, auth_code: null });
  });

  it('throws POS_UNREACHABLE (may have acted) after the timeout when the terminal never answers', async () => {
    const d = driver({}, 80);
    const started = performance.now();
    const e = await deviceErrorOf(d.execute(op({ type: 'sale', amount: 1052, reference: 'lost' }), ctx()));
    expect(performance.now() - started).toBeGreaterThanOrEqual(79);
    expect(e.code).toBe('POS_UNREACHABLE');
    expect(e.mayHaveActed).toBe(true);
    expect(await d.findByReference('lost')).toBeNull();
  });

  it('takes configured rules', async () => {
    const d = driver({ decline_suffixes: ['13'], timeout_suffixes: [] });
    expect(await codeOf(d.execute(op({ type: 'sale', amount: 113 }), ctx()))).toBe('POS_DECLINED');
    expect(await d.execute(op({ type: 'sale', amount: 151 }), ctx())).toMatchObject({ approved: true });
    expect(await d.execute(op({ type: 'sale', amount: 152 }), ctx())).toMatchObject({ approved: true });
  });

  it('finds a sale by reference (the last one), and reports a voided sale as not charged', async () => {
    const d = driver();
    const first = (await d.execute(op({ type: 'sale', amount: 100, reference: 'ref' }), ctx())) as PosResult;
    const second = (await d.execute(op({ type: 'sale', amount: 200, reference: 'ref' }), ctx())) as PosResult;
    expect(await d.findByReference('ref')).toMatchObject({ approved: true, rrn: second.rrn, amount_cents: 200 });
    expect(await d.findByReference('nope')).toBeNull();
    await d.execute(op({ type: 'void', rrn: second.rrn }), ctx());
    expect(await d.findByReference('ref')).toMatchObject({ approved: false, rrn: second.rrn });
    expect(first.rrn).not.toBe(second.rrn);
  });

  it('voids the last transaction or one by RRN, once', async () => {
    const d = driver();
    const a = (await d.execute(op({ type: 'sale', amount: 1000 }), ctx())) as PosResult;
    const b = (await d.execute(op({ type: 'sale', amount: 2000 }), ctx())) as PosResult;
    const v = (await d.execute(op({ type: 'void' }), ctx())) as PosResult;
    expect(v).toMatchObject({ approved: true, rrn: b.rrn, amount_cents: 2000 });
    expect(v.receipt_text).toContain('ANULARE / VOID');
    const again = await deviceErrorOf(d.execute(op({ type: 'void', rrn: b.rrn }), ctx()));
    expect(again).toMatchObject({ code: 'DEVICE_REJECTED', deviceError: { code: 'ALREADY_VOIDED' } });
    expect(await d.execute(op({ type: 'void' }), ctx())).toMatchObject({ rrn: a.rrn }); // next "last" is a
    expect((await deviceErrorOf(d.execute(op({ type: 'void' }), ctx()))).deviceError).toMatchObject({ code: 'NOT_FOUND' });
    expect((await deviceErrorOf(d.execute(op({ type: 'void', rrn: '999999999999' }), ctx()))).deviceError).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refunds (checking the original RRN when given) and settles the batch', async () => {
    const d = driver();
    const s1 = (await d.execute(op({ type: 'sale', amount: 1000 }), ctx())) as PosResult;
    await d.execute(op({ type: 'sale', amount: 2500 }), ctx());
    const voided = (await d.execute(op({ type: 'sale', amount: 700 }), ctx())) as PosResult;
    await d.execute(op({ type: 'void', rrn: voided.rrn }), ctx());
    await codeOf(d.execute(op({ type: 'sale', amount: 351 }), ctx())); // declined: not in the batch
    expect(await d.execute(op({ type: 'refund', amount: 400, original_rrn: s1.rrn }), ctx())).toMatchObject({ approved: true, amount_cents: 400 });
    expect((await deviceErrorOf(d.execute(op({ type: 'refund', amount: 400, original_rrn: '000000000000' }), ctx()))).deviceError).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await d.execute(op({ type: 'settlement' }), ctx())).toEqual({ count: 2, total_cents: 3500, refunds_cents: 400, batch_number: 1 });
    expect(await d.execute(op({ type: 'settlement' }), ctx())).toEqual({ count: 0, total_cents: 0, refunds_cents: 0, batch_number: 2 });
    // a sale of a closed batch can no longer be voided
    expect((await deviceErrorOf(d.execute(op({ type: 'void', rrn: s1.rrn }), ctx()))).deviceError).toMatchObject({ code: 'BATCH_CLOSED' });
  });

  it('reports offline: ping, connect and operations fail with POS_UNREACHABLE after the timeout', async () => {
    const d = driver({}, 30);
    expect(await d.execute(op({ type: 'get_status' }), ctx())).toEqual({ online: true, busy: false });
    d.terminal.setOnline(false);
    expect(await codeOf(d.ping())).toBe('POS_UNREACHABLE');
    expect(await codeOf(d.connect())).toBe('POS_UNREACHABLE');
    expect(await codeOf(d.execute(op({ type: 'sale', amount: 100 }), ctx()))).toBe('POS_UNREACHABLE');
    expect(await d.execute(op({ type: 'get_status' }), ctx())).toEqual({ online: false, busy: false });
    d.terminal.setOnline(true);
    await d.ping();
  });

  it('persists transactions in a JSONL log and rebuilds the batch from it (dropping a torn line)', async () => {
    const dataDir = dirs.make();
    const cfg = posConfig();
    const a = createSimulatedPosDriver(cfg, { dataDir, timeoutMs: 10 });
    const sale = (await a.execute(op({ type: 'sale', amount: 1500, reference: 'persist' }), ctx())) as PosResult;
    await a.execute(op({ type: 'settlement' }), ctx());
    await a.execute(op({ type: 'sale', amount: 800 }), ctx());
    const file = join(dataDir, 'simulated-pos', cfg.id, POS_LOG_FILE);
    expect(existsSync(file)).toBe(true);
    appendFileSync(file, '{"seq":4,"kind":"sa');
    const b = new PosTerminal({ stateDir: join(dataDir, 'simulated-pos', cfg.id) });
    expect(b.batch).toBe(2);
    expect(b.findByReference('persist')?.rrn).toBe(sale.rrn);
    expect(b.transactions()).toHaveLength(3);
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
    const settled = b.settlement();
    expect(settled.kind === 'answer' && settled.tx.totals).toEqual({ count: 1, total_cents: 800, refunds_cents: 0 });
  });
});
