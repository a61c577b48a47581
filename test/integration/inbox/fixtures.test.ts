import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { JournalDocument } from '../../../src-main/emulators/virtual-register/register-api.js';
import { decodeInp } from '../../../src-main/doors/inbox/parser/decode.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerOf,
  drop,
  errorOf,
  finished,
  fixture,
  FIXTURES,
  journal,
  ls,
  receipts,
  startInboxHub,
  type InboxHub,
} from './harness.js';

let h: InboxHub;
beforeAll(async () => {
  // FiscalNet and EcrBridge files end in .txt, which a scan folder takes only when asked to.
  h = await startInboxHub({ inbox: { extensions: ['.inp', '.bon', '.txt'] } });
});
afterAll(async () => {
  await h.close();
});

/** What each fixture added to the register journal (kind and total), to compare the re-encoded runs with. */
const seen = new Map<string, Array<[string, number | null]>>();
/** Kind of each added document, with the total of receipts (reports' totals depend on the day so far). */
const shape = (docs: JournalDocument[]) =>
  docs.map((d): [string, number | null] => [d.kind, d.kind === 'fiscal_receipt' ? (d.total_cents ?? null) : null]);

/** Drop a fixture, wait until it is finished, return the register documents it added. */
async function run(name: string, as = name, bytes = fixture(name)) {
  const before = journal(h.register()).length;
  drop(h.folder, as, bytes);
  const where = await finished(h.folder, as);
  const added = journal(h.register()).slice(before);
  if (as === name && where === 'ok') seen.set(name, shape(added));
  return { where, added };
}

describe('every FPrint command, from fixture files, on the simulated register', () => {
  it('the spec example: buyer CUI, subtotal discount, card then cash (receipt and answer)', async () => {
    const { where, added } = await run('receipt-spec-example.inp');
    expect(where).toBe('ok');
    expect(added.map((d) => d.kind)).toEqual(['fiscal_receipt']);
    const doc = added[0]!;
    expect(doc.total_cents).toBe(1430);
    const text = doc.lines.join('\n');
    expect(text).toMatch(/Paine alba/);
    expect(text).toMatch(/Apa plata 2L/);
    expect(text).toMatch(/18547290/);
    const a = answerOf(h.folder, 'receipt-spec-example.inp');
    expect(a).toMatchObject({ RESULT: 'OK', RECEIPT_NO: String(doc.number), TOTAL: '14.30' });
    expect(a['SERIAL']).not.toBe('');
    expect(a['DATE']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(a['POS_AUTH']).toMatch(/\S/); // the card part went through the linked simulated terminal
    // The original moved unchanged; the answer echoes each command with the service field filled.
    expect(readFileSync(join(h.folder, 'BonOK', 'receipt-spec-example.inp'))).toEqual(
      fixture('receipt-spec-example.inp'),
    );
    const answer = readFileSync(join(h.folder, 'BonANSWER', 'receipt-spec-example.txt'), 'utf8').split('\n');
    expect(answer[0]).toMatch(/^K,1,[0-9A-Z]{6},1,0 ;RO18547290$/);
    expect(answer[6]).toMatch(/^T,1,[0-9A-Z]{6},7,0 ;0;$/);
    expect(ls(h.folder)).toEqual(['BonANSWER', 'BonOK']);
  });

  it('Windows-1250 + CRLF: Romanian letters reach the register; the answer keeps the encoding and CRLF', async () => {
    const { where, added } = await run('receipt-cp1250-crlf.inp');
    expect(where).toBe('ok');
    expect(added[0]?.lines.join('\n')).toMatch(/Brânză de vaci/);
    expect(added[0]?.total_cents).toBe(1106);
    const raw = readFileSync(join(h.folder, 'BonANSWER', 'receipt-cp1250-crlf.txt'));
    const text = iconv.decode(raw, 'windows-1250');
    expect(text).toContain('Pâine albă feliată');
    expect(text.split('\r\n').filter((l) => l.startsWith('S,1,'))).toHaveLength(2);
    expect(answerOf(h.folder, 'receipt-cp1250-crlf.inp')).toMatchObject({ TOTAL: '11.06', CHANGE: '8.94' });
  });

  it('UTF-8 with BOM + CRLF, comments ignored', async () => {
    const { where, added } = await run('receipt-utf8-bom-crlf.inp');
    expect(where).toBe('ok');
    expect(added[0]?.total_cents).toBe(2997);
  });

  it.each([
    ['receipt-discounts.inp', 2835],
    ['receipt-payments.inp', 10000],
    ['receipt-vat-percent.inp', 5800],
    ['receipt-subtotal-l.inp', 1000],
    ['receipt-open-48.inp', 25000],
    ['receipt-text-barcode.inp', 1498],
  ])('%s prints one receipt of the right total', async (name, total) => {
    const { where, added } = await run(name);
    expect(where).toBe('ok');
    expect(added.map((d) => [d.kind, d.total_cents])).toEqual([['fiscal_receipt', total]]);
    expect(answerOf(h.folder, name)['RECEIPT_NO']).toBe(String(added[0]?.number));
  });

  it('P and A lines are printed inside the receipt', async () => {
    const last = receipts(h.register()).at(-1)!;
    const text = last.lines.join('\n');
    expect(text).toMatch(/Multumim pentru cumparaturi!/);
    expect(text).toMatch(/594000000001/);
  });

  it.each([
    ['non-fiscal.inp', ['non_fiscal']],
    ['cash-in.inp', ['cash_in']],
    ['cash-out.inp', ['cash_out']],
    ['report-x.inp', ['x_report']],
    ['receipt-cancelled.inp', ['voided']],
    ['receipt-then-z.inp', ['fiscal_receipt', 'z_report']],
  ])('%s adds %j to the register journal', async (name, kinds) => {
    const { where, added } = await run(name);
    expect(where).toBe('ok');
    expect(added.map((d) => d.kind)).toEqual(kinds);
  });

  it('the several-document file answers with its receipt and its Z number', async () => {
    const a = answerOf(h.folder, 'receipt-then-z.inp');
    expect(a['Z_NO']).toMatch(/^\d+$/);
    expect(a['RECEIPT_NO']).toMatch(/^\d+$/);
  });

  it.each([
    'report-z.inp',
    'report-fiscal-memory.inp',
    'duplicate.inp',
    'drawer.inp',
    'cancel-open.inp',
    'fiscalnet.txt',
    'ecrbridge.txt',
    'ecrbridge-text.txt',
    'ecrbridge-z.txt',
  ])('%s is executed and answered', async (name) => {
    const { where } = await run(name);
    expect(where).toBe('ok');
    expect(answerOf(h.folder, name)['RESULT']).toBe('OK');
  });

  it('FiscalNet and EcrBridge receipts print like their FPrint equivalents', async () => {
    const { added } = await run('fiscalnet.txt', 'fiscalnet-2.txt');
    expect(added.map((d) => [d.kind, d.total_cents])).toEqual([['fiscal_receipt', 1490]]);
  });
});

describe('the same command files in Windows-1250 with CRLF and in UTF-8 with LF', () => {
  it('print exactly what the original files printed', async () => {
    // Every valid fixture ran above (each command of the table is in at least one of them).
    expect([...seen.keys()].sort()).toEqual(
      readdirSync(FIXTURES)
        .filter((n) => !n.startsWith('bad-'))
        .sort(),
    );
    for (const [name, expected] of seen) {
      const decoded = decodeInp(fixture(name));
      if (!decoded.ok) throw new Error(name);
      const text = decoded.text.replace(/ș/g, 'ş').replace(/ț/g, 'ţ').replace(/\r\n/g, '\n');
      for (const [tag, bytes] of [
        ['w1250', iconv.encode(text.replace(/\n/g, '\r\n'), 'windows-1250')],
        ['lf', Buffer.from(text, 'utf8')],
      ] as const) {
        const { where, added } = await run(name, `${tag}-${name}`, bytes);
        expect(where, `${tag} ${name}`).toBe('ok');
        expect(shape(added), `${tag} ${name}`).toEqual(expected);
      }
    }
  });
});

describe('malformed files go to BonERR with the right line, and nothing is printed', () => {
  it.each([
    ['bad-unknown-command.inp', '2', 'Q'],
    ['bad-number.inp', '2', 'S'],
    ['bad-semicolon-name.inp', '2', 'S'],
    ['bad-missing-payment.inp', '3', 'T'],
    ['bad-k-after-s.inp', '2', 'K'],
    ['bad-binary.inp', '1', ''],
    ['bad-vat-group.inp', '1', 'S'],
  ])('%s → ERROR_LINE=%s', async (name, line, cmd) => {
    const { where, added } = await run(name);
    expect(where).toBe('err');
    expect(added).toEqual([]);
    const e = errorOf(h.folder, name);
    expect(e).toMatchObject({ RESULT: 'ERROR', ERROR_LINE: line, ERROR_CMD: cmd, RECEIPT_STATE: 'not_opened' });
    expect(Number(e['ERROR_CODE'])).not.toBe(0);
    // The original is kept byte for byte in front of the error block.
    const original = fixture(name);
    expect(readFileSync(join(h.folder, 'BonERR', name)).subarray(0, original.length)).toEqual(original);
    expect(ls(h.folder).filter((n) => !n.startsWith('Bon'))).toEqual([]);
  });

  it('a 10 MB file → BonERR, ERROR_LINE=0', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 'S,1,______,_,__;A;1.00;1;1;1;1;0;0;buc\n');
    const before = journal(h.register()).length;
    drop(h.folder, 'ten-mb.inp', big);
    expect(await finished(h.folder, 'ten-mb.inp', 30_000)).toBe('err');
    expect(journal(h.register()).length).toBe(before);
    expect(errorOf(h.folder, 'ten-mb.inp')).toMatchObject({ ERROR_LINE: '0', ERROR_CODE: '400' });
  });

  it('a file name with ".." → BonERR under a safe name, ERROR_LINE=0', async () => {
    const before = journal(h.register()).length;
    drop(h.folder, 'bon..1.inp', fixture('receipt-spec-example.inp'));
    expect(await finished(h.folder, 'bon_1.inp')).toBe('err');
    expect(journal(h.register()).length).toBe(before);
    expect(errorOf(h.folder, 'bon_1.inp')).toMatchObject({ ERROR_LINE: '0', ERROR_CODE: '400' });
  });
});
