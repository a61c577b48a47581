/**
 * The GUI's small pure helpers (typed text → API units, error wording, form ↔ config, job upserts),
 * run by Playwright in Node next to the browser tests (vitest's include covers test/** and src-main/** only).
 */
import { expect, test } from '@playwright/test';
import { explainError, fieldInWords } from '../../src-renderer/errors/explain-error.js';
import { en } from '../../src-renderer/i18n/texts-en.js';
import { ro } from '../../src-renderer/i18n/texts-ro.js';
import { enteredSumCents, formatCents, formatRate, textToCents, textToThousandths } from '../../src-renderer/lib/amount-text.js';
import { ApiError } from '../../src-renderer/lib/api-client.js';
import { buildReceipt, useReceiptStore, type LineDraft } from '../../src-renderer/features/receipt/receipt-store.js';
import { upsertJob, type JobRow } from '../../src-renderer/features/jobs/jobs-store.js';
import { configFromDraft, draftFromConfig } from '../../src-renderer/features/settings/device-draft.js';

test('typed amounts become integer units without floats, and bad text is refused', () => {
  expect(textToCents('12,50')).toBe(1250);
  expect(textToCents('0.1')).toBe(10);
  expect(textToCents(' 7 ')).toBe(700);
  expect(textToCents('1.005')).toBeNull();
  expect(textToCents('-1')).toBeNull();
  expect(textToCents('doi')).toBeNull();
  expect(textToThousandths('1,5')).toBe(1500);
  expect(textToThousandths('0.333')).toBe(333);
  expect(textToThousandths('0.3333')).toBeNull();
  expect(formatCents(2125, 'ro')).toBe('21,25');
  expect(formatCents(5, 'en')).toBe('0.05');
  expect(formatRate(2100, 'ro')).toBe('21%');
  expect(formatRate(550, 'ro')).toBe('5,5%');
  // 0.333 × 0.10 = 0.0333 → 0.03; 3 × 19.99 = 59.97
  expect(enteredSumCents([{ thousandths: 333, cents: 10 }, { thousandths: 3000, cents: 1999 }, { thousandths: null, cents: 5 }])).toBe(6000);
});

test('the hub’s field paths are put in words, in both languages', () => {
  expect(fieldInWords('operation.lines[2].unit_price_cents', ro)).toBe('linia 3, preț unitar');
  expect(fieldInWords('operation.lines[0].description', en)).toBe('line 1, description');
  const e = explainError(new ApiError(400, { status: 400, error: 'operation.lines[0].vat: must be a percentage' }, 'x'), ro);
  expect(e.field).toBe('linia 1, TVA');
  expect(e.action).toBe(ro.errValidation);
  expect(explainError(new ApiError(0, null, 'fetch failed'), en).action).toBe(en.errNetwork);
  expect(explainError(new ApiError(401, { status: 401, error: 'Authorization' }, 'x'), ro).action).toBe(ro.errAuth);
});

test('a typed receipt becomes a print_receipt operation; cash without an amount leaves payments to the hub', () => {
  const lines: LineDraft[] = [{ key: 1, description: 'Cafea', quantity: '2', price: '8,50', vat: 'A' }];
  const cash = buildReceipt(lines, 'cash', '');
  expect(cash).toEqual({
    ok: true,
    operation: { type: 'print_receipt', lines: [{ type: 'item', description: 'Cafea', quantity_thousandths: 2000, unit_price_cents: 850, vat: 'A' }] },
  });
  const card = buildReceipt(lines, 'card', '');
  expect(card.ok && card.operation.payments).toEqual([{ method: 'card', amount_cents: 1700 }]);
  const given = buildReceipt(lines, 'cash', '20');
  expect(given.ok && given.operation.payments).toEqual([{ method: 'cash', amount_cents: 2000 }]);
  const bad = buildReceipt([{ ...lines[0]!, quantity: 'x' }], 'cash', '');
  expect(bad.ok).toBe(false);
  if (!bad.ok && bad.failure.kind === 'input') expect(bad.failure.message(ro)).toContain('linia 1, Cantitate');
});

test('choosing a register without a line’s VAT group moves that line to the register’s first group', () => {
  const store = useReceiptStore.getState();
  store.reset('A');
  store.addLine('C');
  useReceiptStore.getState().fitVat(['A', 'B']);
  expect(useReceiptStore.getState().lines.map((l) => l.vat)).toEqual(['A', 'A']);
  useReceiptStore.getState().fitVat(['D']);
  expect(useReceiptStore.getState().lines.map((l) => l.vat)).toEqual(['D', 'D']);
});

test('job events update the row in place or add it on top', () => {
  const rows: JobRow[] = [{ id: 'a', device_id: 'd', type: 'print_x', source: 'http', state: 'succeeded', created_at: 't0', outcome: null }];
  const added = upsertJob(rows, { job_id: 'b', device_id: 'd', state: 'queued', operation_type: 'print_receipt', source: 'http' }, 't1');
  expect(added.map((r) => r.id)).toEqual(['b', 'a']);
  const progressed = upsertJob(added, { job_id: 'b', device_id: 'd', state: 'progress', operation_type: 'print_receipt', source: 'http' }, 't2');
  expect(progressed[0]).toMatchObject({ id: 'b', state: 'queued', created_at: 't1' });
  const done = upsertJob(progressed, { job_id: 'b', device_id: 'd', state: 'succeeded', operation_type: 'print_receipt', source: 'http', outcome: { ok: true, msg: 'ok', result: {} } }, 't3');
  expect(done[0]).toMatchObject({ state: 'succeeded', outcome: { ok: true } });
  expect(done).toHaveLength(2);
});

test('editing a device keeps the fields the form does not show; numbers that cannot be read go as typed', () => {
  const config = {
    id: '7d3f8b1e-8d1c-4c4b-9f57-0d3a2d8c1e11',
    name: 'Casa 1',
    manufacturer: 'Datecs',
    model: 'DP-25MX',
    connection_details: { type: 'Serial' as const, details: { port: 'COM3', baud_rate: 115200 } },
    enabled: true,
    options: { encoding: 'cp1250' },
    linked_pos_device_id: null,
  };
  const draft = draftFromConfig('fiscal', config);
  expect(draft.serialPort).toBe('COM3');
  const out = configFromDraft({ ...draft, connType: 'Network', ipAddress: '10.0.0.5', tcpPort: '39x9', scanFolder: ' C:\\Bon ' });
  expect(out).toMatchObject({
    id: config.id,
    options: { encoding: 'cp1250' },
    linked_pos_device_id: null,
    connection_details: { type: 'Network', details: { ip_address: '10.0.0.5', port: '39x9' } },
    scan_folder: 'C:\\Bon',
  });
});

