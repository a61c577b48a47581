import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  receiptStateAfter,
  renderAnswer,
  renderErrorBlock,
  serial6,
} from '../../../src-main/doors/inbox/answer-files.js';
import { inside, sanitizeName, uniqueName, unsafeNameReason } from '../../../src-main/doors/inbox/fs-safe.js';
import { parseInp } from '../../../src-main/doors/inbox/parser/parse-inp.js';
import type { ParsedInp } from '../../../src-main/doors/inbox/parser/types.js';

const H = ',1,______,_,__;';
function parsed(text: string): ParsedInp {
  const r = parseInp(Buffer.from(text));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.file;
}
const receiptResult = (n: number, total: number, pos?: object) => ({
  operation_type: 'print_receipt',
  finished_at: '2026-11-22T10:00:00.000Z',
  outcome: {
    ok: true as const,
    msg: 'Bon tipărit',
    result: {
      slip_number: n,
      total_cents: total,
      change_cents: 0,
      receipt_datetime: '2026-11-22T12:00:05',
      fiscal_serial: 'SIM0012345',
      ...(pos ? { pos } : {}),
    },
  },
});

describe('answer file', () => {
  it('echoes FPrint lines with the service field, keeps comments, then key=values', () => {
    const f = parsed(`; comment\r\nS${H}Paine;1.00;1;1;1;1\r\nT${H}1;\r\n`);
    const text = renderAnswer(f, [receiptResult(42, 100, { approved: true, auth_code: 'A1B2C3', rrn: '000123' })], {
      serial: 'X',
    });
    expect(text.split('\r\n')).toEqual([
      '; comment',
      'S,1,012345,1,0 ;Paine;1.00;1;1;1;1',
      'T,1,012345,2,0 ;1;',
      'RESULT=OK',
      'RECEIPT_NO=42',
      'TOTAL=1.00',
      'SERIAL=SIM0012345',
      'DATE=2026-11-22 12:00:05',
      'POS_AUTH=A1B2C3',
      'POS_RRN=000123',
      '',
    ]);
  });

  it('the sequence digit wraps at 9; several receipts are listed; a duplicate says so', () => {
    const lines = Array.from({ length: 11 }, (_, i) => `P${H}t${i}`);
    const f = parsed(
      [`Y${H}`, ...lines, `T${H}`, `S${H}A;1.00;1;1;1;1`, `T${H}`, `S${H}B;2.00;1;1;1;1`, `T${H}`].join('\n'),
    );
    const nonFiscal = {
      operation_type: 'print_non_fiscal',
      finished_at: null,
      outcome: { ok: true as const, msg: '', result: {} },
    };
    const text = renderAnswer(f, [nonFiscal, receiptResult(7, 100), receiptResult(8, 200)], {
      serial: 'S',
      duplicate: true,
    });
    const echoed = text.split('\n').filter((l) => /^[A-Z],1,/.test(l));
    expect(echoed.map((l) => l.split(',')[3])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
    expect(text).toContain('RECEIPT_NO=8\nTOTAL=2.00');
    expect(text).toContain('RECEIPTS=7,8');
    expect(text).toContain('DUPLICATE=1');
  });

  it('a report-only file has an empty receipt number and the job time as date', () => {
    const f = parsed(`Z${H}1\n`);
    const z = {
      operation_type: 'print_z',
      finished_at: '2026-11-22T10:00:00.000Z',
      outcome: { ok: true as const, msg: '', result: { z_number: 5 } },
    };
    const kv = renderAnswer(f, [z], { serial: 'SIM0000001' });
    expect(kv).toMatch(/^RECEIPT_NO=$/m);
    expect(kv).toMatch(/^Z_NO=5$/m);
    expect(kv).toMatch(/^DATE=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/m);
  });

  it('serial6 takes the last six characters', () => {
    expect(serial6('SIM0000001')).toBe('000001');
    expect(serial6('DT-12')).toBe('00DT12');
  });
});

describe('error block', () => {
  it('has every key, one line each, and a time-stamped log', () => {
    const block = renderErrorBlock(
      {
        line: 3,
        cmd: 'T',
        code: -500,
        message: 'Lipsă hârtie\nîn imprimantă',
        receipt_state: 'voided',
        log: [{ at: new Date(2026, 10, 22, 9, 5, 7), level: 'ERROR', text: 'x' }],
      },
      '\r\n',
    );
    const lines = block.split('\r\n');
    expect(lines.slice(1, 8)).toEqual([
      'RESULT=ERROR',
      'ERROR_LINE=3',
      'ERROR_CMD=T',
      'ERROR_CODE=-500',
      'ERROR=Lipsă hârtie în imprimantă',
      'RECEIPT_STATE=voided',
      'Execution Log',
    ]);
    expect(lines[8]).toBe('2026-11-22 09:05:07 - ERROR: x');
  });

  it('receipt state after a failed job', () => {
    const fail = (code: string) => ({ ok: false as const, status: -1, code: code as never, error: '' });
    expect(receiptStateAfter('print_receipt', fail('POS_DECLINED'))).toBe('not_opened');
    expect(receiptStateAfter('print_receipt', fail('IN_DOUBT'))).toBe('open');
    expect(receiptStateAfter('print_receipt', fail('PAPER_OUT'))).toBe('voided');
    expect(receiptStateAfter('print_z', fail('PAPER_OUT'))).toBe('not_opened');
  });
});

describe('file names', () => {
  const root = mkdtempSync(join(tmpdir(), 'fiscool-names-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('rejects "..", separators and control characters; sanitizes them for BonERR', () => {
    expect(unsafeNameReason('bon1.inp')).toBeNull();
    expect(unsafeNameReason('a..b.inp')).toBe('dot-dot');
    expect(unsafeNameReason('a\\b.inp')).toBe('separator');
    expect(unsafeNameReason('a\nb.inp')).toBe('control character');
    expect(sanitizeName('..\\..\\x.inp')).toBe('____x.inp');
    expect(() => inside(root, 'BonOK', '../../etc/passwd')).toThrow(/outside/);
    expect(inside(root, 'BonOK', 'x.inp')).toBe(join(root, 'BonOK', 'x.inp'));
  });

  it('never reuses a taken name', async () => {
    const now = new Date(2026, 10, 22, 9, 5, 7);
    expect(await uniqueName(root, '', 'a.inp', now)).toBe('a.inp');
    writeFileSync(join(root, 'a.inp'), '');
    expect(await uniqueName(root, '', 'a.inp', now)).toBe('a_20261122090507.inp');
    writeFileSync(join(root, 'a_20261122090507.inp'), '');
    expect(await uniqueName(root, '', 'a.inp', now)).toBe('a_20261122090507_2.inp');
  });
});
