import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeInp } from '../../../src-main/doors/inbox/parser/decode.js';
import { parseInp } from '../../../src-main/doors/inbox/parser/parse-inp.js';
import type { ParsedInp, InpParseError } from '../../../src-main/doors/inbox/parser/types.js';

const FIX = join(import.meta.dirname, '../../fixtures/inp');
const H = ',1,______,_,__;';

function ok(bytes: Uint8Array): ParsedInp {
  const r = parseInp(bytes);
  if (!r.ok) throw new Error(`unexpected parse error: ${JSON.stringify(r.error)}`);
  return r.file;
}
function bad(bytes: Uint8Array): InpParseError {
  const r = parseInp(bytes);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.file.documents)}`);
  return r.error;
}
const fixture = (name: string) => readFileSync(join(FIX, name));
const text = (...lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');
type Loose = Record<string, unknown> & { lines: Array<Record<string, unknown>>; payments: unknown };
const ops = (f: ParsedInp): Loose[] => f.documents.map((d) => d.operation) as unknown as Loose[];

describe('FPrint fixtures', () => {
  it('parses the spec example: buyer, two items on A and B, subtotal discount, card then the cash rest', () => {
    const f = ok(fixture('receipt-spec-example.inp'));
    expect(f.dialect).toBe('fprint');
    expect(ops(f)).toEqual([
      {
        type: 'print_receipt',
        buyer: { vat_number: 'RO18547290' },
        lines: [
          {
            type: 'item',
            description: 'Paine alba',
            unit_price_cents: 420,
            quantity_thousandths: 2000,
            vat: 'A',
            department: 1,
            um: 'buc',
          },
          {
            type: 'item',
            description: 'Apa plata 2L',
            unit_price_cents: 690,
            quantity_thousandths: 1000,
            vat: 'B',
            department: 1,
            um: 'buc',
          },
          { type: 'subtotal', discount: { kind: 'amount', amount_cents: 100, is_surcharge: false } },
        ],
        payments: [
          { method: 'card', amount_cents: 1000 },
          { method: 'cash', amount_cents: 430 },
        ],
      },
    ]);
    expect(f.documents[0]?.line_of).toMatchObject({
      buyer: 1,
      'lines[0]': 2,
      'lines[1]': 3,
      'lines[2]': 4,
      'payments[0]': 6,
      'payments[1]': 7,
    });
  });

  it('decodes Windows-1250 with CRLF and keeps Romanian letters', () => {
    const f = ok(fixture('receipt-cp1250-crlf.inp'));
    expect(f.encoding).toBe('windows-1250');
    expect(f.eol).toBe('\r\n');
    const lines = (ops(f)[0] as { lines: Array<{ description?: string }> }).lines;
    expect(lines.map((l) => l.description)).toEqual(['Pâine albă feliată', 'Brânză de vaci']);
    expect((ops(f)[0] as { payments: unknown }).payments).toEqual([{ method: 'cash', amount_cents: 2000 }]);
  });

  it('decodes UTF-8 with a BOM and CRLF, skipping comments and empty lines', () => {
    const f = ok(fixture('receipt-utf8-bom-crlf.inp'));
    expect(f.encoding).toBe('utf-8-bom');
    expect(f.eol).toBe('\r\n');
    expect(f.lines.map((l) => l.cmd)).toEqual(['', '', 'S', '', 'T']);
    const op = ops(f)[0] as { lines: Array<{ description: string }>; payments: unknown };
    expect(op.lines[0]?.description).toBe('Ștrudel cu mere și scorțișoară');
    expect(op.payments).toEqual([{ method: 'cash', amount_cents: 2997 }]);
  });

  it('the same receipt in UTF-8/LF and Windows-1250/CRLF gives the same operation', () => {
    const lines = [`S${H}Mâncare gătită;12.50;1.000;1;1;1;0;0;porţie`, `T${H}0;`];
    const a = ok(Buffer.from(lines.join('\n'), 'utf8'));
    const b = ok(iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1250'));
    expect(b.encoding).toBe('windows-1250');
    expect(ops(a)).toEqual(ops(b));
  });

  it('maps every C type onto the previous item, and C after T;4 onto the subtotal', () => {
    const op = ops(ok(fixture('receipt-discounts.inp')))[0] as {
      lines: Array<{ discount?: unknown }>;
      payments: unknown;
    };
    expect(op.lines.map((l) => l.discount)).toEqual([
      { kind: 'percent', basis_points: 1000, is_surcharge: true },
      { kind: 'percent', basis_points: 2500, is_surcharge: false },
      { kind: 'amount', amount_cents: 50, is_surcharge: true },
      { kind: 'amount', amount_cents: 100, is_surcharge: false },
      { kind: 'percent', basis_points: 1000, is_surcharge: false },
    ]);
    // 11.00 + 12.00 + 5.50 + 3.00 = 31.50, less 10 % = 28.35, paid as "the rest" in cash
    expect(op.payments).toEqual([{ method: 'cash', amount_cents: 2835 }]);
  });

  it('maps payment types 0,1,2,3,5 and closes the receipt when fully paid', () => {
    const op = ops(ok(fixture('receipt-payments.inp')))[0] as { payments: unknown };
    expect(op.payments).toEqual([
      { method: 'card', amount_cents: 4000 },
      { method: 'credit', amount_cents: 1000 },
      { method: 'meal_voucher', amount_cents: 2000 },
      { method: 'other', amount_cents: 500 },
      { method: 'cash', amount_cents: 3000 },
    ]);
  });

  it('keeps VAT percentages and maps group indexes to letters', () => {
    const op = ops(ok(fixture('receipt-vat-percent.inp')))[0] as unknown as {
      lines: Array<{ vat: string; department: number; um: string }>;
    };
    expect(op.lines.map((l) => [l.vat, l.department, l.um])).toEqual([
      ['21%', 2, 'buc'],
      ['11%', 3, 'buc'],
      ['C', 1, 'h'],
    ]);
  });

  it('prints P text and A barcodes as text lines inside the receipt', () => {
    const op = ops(ok(fixture('receipt-text-barcode.inp')))[0] as unknown as {
      lines: Array<{ type: string; text?: string }>;
    };
    expect(op.lines.filter((l) => l.type === 'text').map((l) => l.text)).toEqual([
      'Multumim pentru cumparaturi!',
      '1234567',
      '594000000001',
      'ORD-2026-0042',
    ]);
  });

  it.each([
    ['non-fiscal.inp', [{ type: 'print_non_fiscal', lines: ['Comanda nr. 42', 'Masa 5'] }]],
    ['cash-in.inp', [{ type: 'deposit_cash', amount: 50000 }]],
    ['cash-out.inp', [{ type: 'withdraw_cash', amount: 12050 }]],
    ['report-x.inp', [{ type: 'print_x' }]],
    ['report-z.inp', [{ type: 'print_z' }]],
    [
      'report-fiscal-memory.inp',
      [
        {
          type: 'print_fiscal_memory_report',
          range: { type: 'date', start: '2026-02-01', end: '2026-02-28' },
          detailed: false,
        },
        {
          type: 'print_fiscal_memory_report',
          range: { type: 'date', start: '2025-11-01', end: '2025-11-30' },
          detailed: true,
        },
      ],
    ],
    ['duplicate.inp', [{ type: 'print_duplicate' }]],
    ['drawer.inp', [{ type: 'open_drawer' }]],
    ['cancel-open.inp', [{ type: 'cancel_receipt' }]],
  ])('%s', (name, expected) => {
    expect(ops(ok(fixture(name)))).toEqual(expected);
  });

  it('X inside a receipt registers it and voids it', () => {
    const op = ops(ok(fixture('receipt-cancelled.inp')))[0] as Record<string, unknown>;
    expect(op['close_action']).toBe('void');
    expect(op['payments']).toBeUndefined();
  });

  it('L alone is a subtotal; L with arguments (customer display) changes nothing', () => {
    const op = ops(ok(fixture('receipt-subtotal-l.inp')))[0] as { lines: Array<{ type: string }>; payments: unknown };
    expect(op.lines.map((l) => l.type)).toEqual(['item', 'subtotal']);
    expect(op.payments).toEqual([{ method: 'cash', amount_cents: 1000 }]);
  });

  it('48 opens an invoice receipt; H and F are no-ops', () => {
    const f = ok(fixture('receipt-open-48.inp'));
    expect(f.documents).toHaveLength(1);
    expect(ops(f)[0]).toMatchObject({
      flags: { is_invoice: true },
      buyer: { vat_number: 'RO14399840' },
      payments: [{ method: 'card', amount_cents: 25000 }],
    });
    expect(f.documents[0]?.first_line).toBe(2);
  });

  it('splits a file into several documents in order', () => {
    const f = ok(fixture('receipt-then-z.inp'));
    expect(f.documents.map((d) => [d.operation.type, d.first_line, d.last_line])).toEqual([
      ['print_receipt', 1, 2],
      ['print_z', 3, 3],
    ]);
  });
});

describe('every fixture in every encoding and line ending', () => {
  const cedilla = (t: string) => t.replace(/ș/g, 'ş').replace(/ț/g, 'ţ').replace(/Ș/g, 'Ş').replace(/Ț/g, 'Ţ');
  const names = readdirSync(FIX).filter((n) => !n.startsWith('bad-binary'));
  it.each(names)('%s: UTF-8/LF, UTF-8 BOM/CRLF and Windows-1250/CRLF parse the same', (name) => {
    const decoded = decodeInp(fixture(name));
    if (!decoded.ok) throw new Error(`${name} does not decode`);
    const text = cedilla(decoded.text).replace(/\r\n/g, '\n');
    const variants = [
      Buffer.from(text, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]),
      iconv.encode(text.replace(/\n/g, '\r\n'), 'windows-1250'),
    ];
    const results = variants.map((v) => {
      const r = parseInp(v);
      return r.ok
        ? { ok: true, ops: r.file.documents.map((d) => d.operation), dialect: r.file.dialect }
        : { ok: false, error: r.error };
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]?.ok).toBe(!name.startsWith('bad-') || name === 'bad-vat-group.inp');
  });
});

describe('other dialects', () => {
  it('FiscalNet caret lines', () => {
    const f = ok(fixture('fiscalnet.txt'));
    expect(f.dialect).toBe('fiscalnet');
    expect(ops(f)[0]).toMatchObject({
      buyer: { vat_number: 'RO18547290' },
      lines: [
        {
          description: 'Paine',
          quantity_thousandths: 2000,
          vat: 'A',
          discount: { kind: 'amount', amount_cents: 40, is_surcharge: false },
        },
        { description: 'Apa', vat: 'B' },
        { type: 'subtotal' },
      ],
      payments: [
        { method: 'card', amount_cents: 1000 },
        { method: 'cash', amount_cents: 490 },
      ],
    });
  });

  it('EcrBridge fiscal, text and Z files', () => {
    const f = ok(fixture('ecrbridge.txt'));
    expect(f.dialect).toBe('ecrbridge');
    expect(ops(f)[0]).toMatchObject({
      buyer: { vat_number: 'RO18547290' },
      lines: [{ description: 'Paine', quantity_thousandths: 2000, unit_price_cents: 420, vat: 'A' }, { vat: 'B' }],
      payments: [
        { method: 'card', amount_cents: 500 },
        { method: 'cash', amount_cents: 1030 },
      ],
    });
    expect(ops(ok(fixture('ecrbridge-text.txt')))).toEqual([
      { type: 'print_non_fiscal', lines: ['Raport intern', 'Tura 2'] },
    ]);
    expect(ops(ok(fixture('ecrbridge-z.txt')))).toEqual([{ type: 'print_z' }]);
  });
});

describe('malformed files', () => {
  it.each([
    ['bad-unknown-command.inp', { line: 2, cmd: 'Q', arg: null }, /unknown command/],
    ['bad-number.inp', { line: 2, cmd: 'S', arg: 2 }, /decimal separator/],
    ['bad-semicolon-name.inp', { line: 2, cmd: 'S', arg: 10 }, /must not contain ";"/],
    ['bad-missing-payment.inp', { line: 3, cmd: 'T', arg: null }, /payment missing.*6\.10/],
    ['bad-k-after-s.inp', { line: 2, cmd: 'K', arg: 1 }, /before the first item/],
    ['bad-binary.inp', { line: 1, cmd: '', arg: null }, /not text/],
  ])('%s', (name, where, why) => {
    const e = bad(fixture(name));
    expect(e).toMatchObject(where);
    expect(e.message.en).toMatch(why);
    expect(e.message.ro.length).toBeGreaterThan(10);
  });

  it('rejects a 10 MB file as a whole (line 0)', () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 'S,1,______,_,__;A;1.00;1;1;1;1;0;0;buc\n');
    const e = bad(big);
    expect(e.line).toBe(0);
    expect(e.message.en).toMatch(/at most 1 MB/);
  });

  it.each([
    [[`C${H}3;1.00`], { line: 1, cmd: 'C' }, /right after an item/],
    [[`S${H}A;1.00;1;1;1;1`, `T${H}0;5.00`, `T${H}`], { line: 3, cmd: 'T' }, /no open receipt/],
    [[`S${H}A;1.00;1;1;1;1`, `T${H}1;0.50`, `S${H}B;1.00;1;1;1;1`], { line: 3, cmd: 'S' }, /after a payment/],
    [[`S${H}A;1.00;1;1;1;1`, `T${H}1;5.00`], { line: 2, cmd: 'T', arg: 2 }, /exceeds the amount due/],
    [[`S${H}A;1.00;1;1;1;1`, `I${H}0;10.00`], { line: 2, cmd: 'I' }, /not closed/],
    [[`Y${H}`, `S${H}A;1.00;1;1;1;1`], { line: 2, cmd: 'S' }, /non-fiscal/],
    [[`Y${H}`, `T${H}`], { line: 2, cmd: 'T' }, /no text line/],
    [[`Z${H}2;26`], { line: 1, cmd: 'Z', arg: 3 }, /month.*missing/],
    [[`S${H}A;1.005;1;1;1;1`, `T${H}`], { line: 1, cmd: 'S', arg: 2 }, /at most 2 decimals/],
    [[`S${H}A;1.00;0.0001;1;1;1`, `T${H}`], { line: 1, cmd: 'S', arg: 3 }, /at most 3 decimals/],
    [[`S${H}A;1.00;-1;1;1;1`, `T${H}`], { line: 1, cmd: 'S', arg: 3 }, /greater than 0/],
    [[`S${H}A;1.00;1;1;1;9`, `T${H}`], { line: 1, cmd: 'S', arg: 6 }, /group index/],
    [[`S${H}${'x'.repeat(73)};1.00;1;1;1;1`, `T${H}`], { line: 1, cmd: 'S', arg: 1 }, /73 characters/],
    [[`K${H}RO12345678`], { line: 1, cmd: 'K', arg: 1 }, /check digit/],
    [[`A${H}2;5940000000016`], { line: 1, cmd: 'A' }, /inside a receipt/],
    [[`S${H}A;1.00;1;1;1;1`, `A${H}2;12345`, `T${H}`], { line: 2, cmd: 'A', arg: 2 }, /12 or 13 digits/],
    [['S 1 hello'], { line: 1 }, /not of the form/],
    [[`S${H}A;1.00;1;1;1;1`, `C${H}3;2.00`, `T${H}`], { line: 2 }, /larger than the line total/],
    [['; only a comment', ''], { line: 0 }, /no command/],
  ])('%j', (lines, where, why) => {
    const e = bad(text(...lines));
    expect(e).toMatchObject(where);
    expect(e.message.en).toMatch(why);
  });

  it('accepts trailing empty arguments and headers without a service field', () => {
    const f = ok(text(`S,1;Paine;1.00;1;;;1;;;;`, `T,1,______,_,__;0;;;;`));
    expect(ops(f)[0]).toMatchObject({
      lines: [{ description: 'Paine', department: 1, vat: 'A' }],
      payments: [{ method: 'cash', amount_cents: 100 }],
    });
  });
});
