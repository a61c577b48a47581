/**
 * The GUI's small pure helpers (typed text → API units, error wording, the receipt draft → operation, inbox rows,
 * device and settings forms, job upserts), run by Playwright in Node next to the browser tests
 * (vitest's include covers test/** and src-main/** only).
 */
import { expect, test } from '@playwright/test';
import { ERROR_TEXTS } from '../../src-main/shared/texts/error-texts.js';
import { DEVICE_ERRORS } from '../../src-main/domain/error-codes.js';
import { explainApiError, fieldHint, fieldInWords } from '../../src-renderer/errors/explain-error.js';
import { az } from '../../src-renderer/i18n/texts-az.js';
import { en } from '../../src-renderer/i18n/texts-en.js';
import { ro } from '../../src-renderer/i18n/texts-ro.js';
import { formatCents, formatQuantity, formatRate, parseEntry } from '../../src-renderer/lib/number-entry.js';
import { ApiError } from '../../src-renderer/lib/api-client.js';
import { buildReceipt, needsTotal } from '../../src-renderer/features/receipt/build-receipt.js';
import { blankDraft, type ItemDraft, type ReceiptDraft } from '../../src-renderer/features/receipt/draft.js';
import { groupFiles } from '../../src-renderer/features/inbox/group-files.js';
import { upsertJob, type JobRow } from '../../src-renderer/features/jobs/jobs-store.js';
import { configFromDraft, draftFromConfig } from '../../src-renderer/features/admin/device-draft.js';
import { draftOf, patchOf } from '../../src-renderer/features/settings/settings-draft.js';

test('numbers typed the Romanian way become integer units; an ambiguous one is named as such', () => {
  const v = (text: string, d: 2 | 3 = 2) => parseEntry(text, d);
  expect(v('1.234,50')).toEqual({ ok: true, value: 123_450 });
  expect(v('1234.50')).toEqual({ ok: true, value: 123_450 });
  expect(v('1234,5')).toEqual({ ok: true, value: 123_450 });
  expect(v('1 234,50')).toEqual({ ok: true, value: 123_450 });
  expect(v('1,234.50')).toEqual({ ok: true, value: 123_450 });
  expect(v('1.234.567')).toEqual({ ok: true, value: 123_456_700 });
  expect(v('12,5')).toEqual({ ok: true, value: 1250 });
  expect(v('0.125')).toEqual({ ok: false, reason: 'decimals' });
  expect(v('1.234')).toEqual({ ok: false, reason: 'ambiguous' });
  expect(v('12,500')).toEqual({ ok: false, reason: 'ambiguous' });
  expect(v('1.2.3')).toEqual({ ok: false, reason: 'invalid' });
  expect(v('1,234,50')).toEqual({ ok: false, reason: 'invalid' });
  expect(v('doi lei')).toEqual({ ok: false, reason: 'invalid' });
  expect(v('-3')).toEqual({ ok: false, reason: 'invalid' });
  expect(v('  ')).toEqual({ ok: false, reason: 'empty' });
  // quantities take three decimals plainly: 1.234 kg
  expect(v('1.234', 3)).toEqual({ ok: true, value: 1234 });
  expect(v('0,250', 3)).toEqual({ ok: true, value: 250 });
  expect(formatCents(123_450, 'ro')).toBe('1.234,50');
  expect(formatCents(123_450, 'en')).toBe('1,234.50');
  expect(formatCents(123_450, 'az')).toBe('1\u00a0234,50');
  expect(formatCents(5, 'ro')).toBe('0,05');
  expect(formatQuantity(1500, 'ro')).toBe('1,5');
  expect(formatRate(2100, 'ro')).toBe('21%');
  expect(formatRate(550, 'en')).toBe('5.5%');
});

const item = (over: Partial<ItemDraft>): ItemDraft => ({ key: 1, kind: 'item', description: 'Pâine', quantity: '1', unit: '', price: '4,20', vat: 'A', adjust: 'none', adjustValue: '', ...over });
const draftWith = (over: Partial<ReceiptDraft>): ReceiptDraft => ({ ...blankDraft('A'), lines: [item({})], ...over });

test('the draft becomes a print_receipt: units, discounts, payments with the rest, cash last, buyer and invoice', () => {
  const d = draftWith({
    lines: [item({ key: 1, quantity: '2', unit: 'buc', adjust: 'discPct', adjustValue: '10' }), { key: 2, kind: 'text', text: 'Mulțumim!' }, item({ key: 3, description: 'Apă', price: '6.90', vat: 'B', adjust: 'surAmt', adjustValue: '0,50' })],
    payments: [
      { key: 4, method: 'cash', amount: '' },
      { key: 5, method: 'card', amount: '5' },
    ],
    totalAdjust: 'discAmt',
    totalAdjustValue: '1',
    buyerCui: ' RO18547290 ',
    invoice: true,
  });
  expect(needsTotal(d)).toBe(true);
  const built = buildReceipt(d, 'print', 1400);
  expect(built.ok && built.operation).toEqual({
    type: 'print_receipt',
    lines: [
      { type: 'item', description: 'Pâine', quantity_thousandths: 2000, unit_price_cents: 420, vat: 'A', um: 'buc', discount: { kind: 'percent', basis_points: 1000 } },
      { type: 'text', text: 'Mulțumim!' },
      { type: 'item', description: 'Apă', quantity_thousandths: 1000, unit_price_cents: 690, vat: 'B', discount: { kind: 'amount', amount_cents: 50, is_surcharge: true } },
    ],
    payments: [
      { method: 'card', amount_cents: 500 },
      { method: 'cash', amount_cents: 900 },
    ],
    receipt_discount: { kind: 'amount', amount_cents: 100 },
    buyer: { vat_number: 'RO18547290' },
    flags: { is_invoice: true },
  });
  // cash without an amount: the hub takes the whole total in cash
  const cash = buildReceipt(draftWith({}), 'print');
  expect(cash.ok && cash.operation.payments).toBeUndefined();
  expect(needsTotal(draftWith({}))).toBe(false);
  // the live total leaves out a line still being typed
  const typing = buildReceipt(draftWith({ lines: [item({ key: 1 }), item({ key: 2, description: 'Lapte', price: '' })] }), 'preview');
  expect(typing.ok && typing.lineKeys).toEqual([1]);
});

test('a number that cannot be read stops the draft at its field, in the cashier’s words', () => {
  const bad = buildReceipt(draftWith({ lines: [item({ key: 7, price: '1.234' })] }), 'print');
  expect(bad.ok).toBe(false);
  if (bad.ok || bad.failure.kind !== 'input') throw new Error('expected an input failure');
  expect(bad.field).toBe('rc-7-price');
  expect(bad.failure.code).toBe('AMBIGUOUS_NUMBER');
  expect(bad.failure.message(ro)).toContain('linia 1, Preț: „1.234” se poate citi în două feluri');
  const q = buildReceipt(draftWith({ lines: [item({ key: 8, quantity: 'x' })] }), 'print');
  if (q.ok || q.failure.kind !== 'input') throw new Error('expected an input failure');
  expect(q.failure.message(en)).toBe('line 1, Qty: type a number, for example 12.50 or 1,234.50.');
});

test('the hub’s field paths and refusals are put in words, with what the field needs; detail kept apart', () => {
  expect(fieldInWords('operation.lines[2].unit_price_cents', ro)).toBe('linia 3, preț');
  expect(fieldInWords('operation.payments[1].amount_cents', en)).toBe('payment 2, amount');
  expect(fieldInWords('operation.buyer.vat_number', ro)).toBe('CUI/CIF');
  expect(fieldInWords('device.options.text_width', ro)).toBe('Lățime text nefiscal');
  expect(fieldHint('operation.lines[0].discount.amount_cents', en)).toBe(en.fieldHints.discount);
  const e = explainApiError(new ApiError(400, { status: 400, error: 'operation.payments: payments (1000 cents) do not cover the receipt total (3780 cents)', path: 'operation.payments' }, 'x'), ro, 'ro');
  expect(e).toMatchObject({ code: 'VALIDATION', title: 'Date de corectat', field: 'plăți', fieldHint: ro.fieldHints.payments });
  expect(e.action).not.toContain('cents');
  expect(e.detail).toContain('3780 cents');
  expect(explainApiError(new ApiError(0, null, 'Failed to fetch'), en, 'en')).toMatchObject({ code: 'HUB_UNREACHABLE', title: 'The hub does not answer' });
  expect(explainApiError(new ApiError(401, { status: 401, error: 'x' }, 'x'), az, 'az').title).toBe('Token tələb olunur');
});

test('the texts catalogue: every code has a title and what to do in RO, EN and AZ; device codes keep the hub’s words', () => {
  for (const [code, e] of Object.entries(ERROR_TEXTS)) {
    for (const lang of ['ro', 'en', 'az'] as const) {
      expect(e.title[lang].length, `${code} ${lang}`).toBeGreaterThan(2);
      expect(e.action[lang].length, `${code} ${lang}`).toBeGreaterThan(10);
    }
  }
  for (const code of Object.keys(DEVICE_ERRORS) as Array<keyof typeof DEVICE_ERRORS>) {
    expect(ERROR_TEXTS[code].action.ro.startsWith(DEVICE_ERRORS[code].ro)).toBe(true);
    expect(ERROR_TEXTS[code].action.en.startsWith(DEVICE_ERRORS[code].en)).toBe(true);
  }
  expect(Object.keys(az).sort()).toEqual(Object.keys(ro).sort());
});

test('one inbox row per file: the newest record, with the number of attempts', () => {
  const f = (id: string, name: string, created_at: string, state: 'failed' | 'discarded' | 'done') =>
    ({ id, device_id: 'd', name, state, created_at, updated_at: created_at, dialect: null, job_id: null, result: null, error: null, error_line: null, error_code: null, attempt: 0, retryable: false });
  const rows = groupFiles([f('1', 'a.inp', '2025-01-01T10:00:00Z', 'discarded'), f('2', 'b.inp', '2025-01-01T10:01:00Z', 'failed'), f('3', 'a.inp', '2025-01-01T10:02:00Z', 'done')]);
  expect(rows.map((r) => [r.file.id, r.attempts])).toEqual([
    ['3', 2],
    ['2', 1],
  ]);
});

test('job events update the row in place or add it on top', () => {
  const rows: JobRow[] = [{ id: 'a', device_id: 'd', type: 'print_x', source: 'http', state: 'succeeded', created_at: 't0', outcome: null }];
  const added = upsertJob(rows, { job_id: 'b', device_id: 'd', state: 'queued', operation_type: 'print_receipt', source: 'http' }, 't1');
  expect(added.map((r) => r.id)).toEqual(['b', 'a']);
  const progressed = upsertJob(added, { job_id: 'b', device_id: 'd', state: 'progress', operation_type: 'print_receipt', source: 'http' }, 't2');
  expect(progressed[0]).toMatchObject({ id: 'b', state: 'queued', created_at: 't1' });
});

test('editing a device keeps what the form does not show; options take their schema types', () => {
  const config = {
    id: '7d3f8b1e-8d1c-4c4b-9f57-0d3a2d8c1e11',
    name: 'Casa 1',
    manufacturer: 'Datecs',
    model: 'DP-25MX',
    connection_details: { type: 'Serial' as const, details: { port: 'COM3', baud_rate: 115200 } },
    enabled: true,
    options: { encoding: 'cp1250', operator: 2 },
    linked_pos_device_id: null,
  };
  const draft = draftFromConfig('fiscal', config);
  expect(draft.options).toMatchObject({ operator: '2' });
  const model = { model: 'DP-25MX', family: 'datecs', connection_types: ['Serial', 'Network'] as Array<'Serial' | 'Network'>, options: { type: 'object' as const, properties: { operator: { type: 'integer' as const }, protocol: { enum: ['auto', 'x', 'classic'] } } } };
  const out = configFromDraft({ ...draft, connType: 'Network', ipAddress: '10.0.0.5', tcpPort: '39x9', scanFolder: ' C:\\Bon ', options: { operator: '', protocol: 'x' } }, model);
  expect(out).toMatchObject({
    id: config.id,
    options: { encoding: 'cp1250', protocol: 'x' },
    linked_pos_device_id: null,
    auto_send_card_to_pos: false,
    connection_details: { type: 'Network', details: { ip_address: '10.0.0.5', port: '39x9' } },
    scan_folder: 'C:\\Bon',
  });
  expect((out.options as Record<string, unknown>).operator).toBeUndefined();
});

test('the settings form sends only what changed, the token only when asked', () => {
  const before = {
    schema_version: 1 as const,
    language: 'ro' as const,
    simulated_devices: true,
    api: { enabled: true, host: '127.0.0.1', port: 10123, token: '********', allowed_hosts: [], allowed_origins: [], body_limit_kb: 1024 },
    inbox: { extensions: ['.inp'], settle_ms: 100, rescan_ms: 5000, wait_for_device: true, wait_timeout_s: 600, duplicate_policy: 'skip' as const, paused: false },
    erpnet: { enabled: false, host: '127.0.0.1', allowed_clients: [], port: 8001, aliases: {}, truncate_text: false, unique_sale_number: 'print' as const },
    ucsfphub: { enabled: false, host: '127.0.0.1', allowed_clients: [], port: 8192, aliases: {}, truncate_text: false, unique_sale_number: 'print' as const },
    retention_days: 30,
  };
  expect(patchOf(before, draftOf(before))).toEqual({});
  const d = { ...draftOf(before), erpnetEnabled: true, erpnetPort: '8011', retentionDays: '4x', allowedHosts: 'casa1.local\ncasa2.local' };
  expect(patchOf(before, d)).toEqual({ api: { allowed_hosts: ['casa1.local', 'casa2.local'] }, erpnet: { enabled: true, port: 8011 }, retention_days: '4x' });
  expect(patchOf(before, { ...draftOf(before), tokenClear: true })).toEqual({ api: { token: null } });
});

