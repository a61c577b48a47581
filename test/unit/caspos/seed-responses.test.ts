/**
 * Every response example of seed 004, as the seed prints it (typographic quotes, missing commas, `1000.`,
 * `- 0.8000001`, a date without its space), accepted by the driver's readers, with the values the seed shows.
 */
import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../../src-main/protocols/caspos/envelope.js';
import {
  readControlTape,
  readDocument,
  readInfo,
  readLoginToken,
  readPeriodicReport,
  readShiftReport,
  readShiftStatus,
} from '../../../src-main/protocols/caspos/answers.js';
import { seedExamples } from './seed-examples.js';

const responses = seedExamples().filter((e) => e.kind === 'response');
const answerOf = (section: string) => {
  const e = responses.find((r) => r.section === section);
  if (!e) throw new Error(`no response in ${section}`);
  return readAnswer(e.text);
};

/** The sale-like answer the seed repeats for sale, credit sale, credit pay, advances, money back and rollback. */
const SALE_ANSWER = {
  document_id: 'EMnVW3qyEbUSsJ4xTJbMytDStusgXMDauaCQxdJE1wuM',
  document_number: 7045,
  shift_document_number: 2,
  short_document_id: 'EMnVW3qyEbUS',
  fiscal_number: '180724A1A1197045',
  total_cents: 3,
  rrn: '420012558257',
  approval_code: '537959',
  transaction_id: null,
  transaction_number: null,
};

describe('seed 004 response examples', () => {
  it('has 24 response examples, every one read with code 0', () => {
    expect(responses).toHaveLength(24);
    for (const r of responses) expect(readAnswer(r.text).code, `${r.section} (seed line ${r.line})`).toBe(0);
  });

  it('login: the token; logout, open shift, print last, printer, cash box: code only', () => {
    expect(readLoginToken(answerOf('Login').data)).toBe('+jUvyzDwh7MSoqA7Q6tDNA==');
    for (const s of ['Logout', 'Open Shift', 'Print Last', 'Printer Connection', 'Open CashBox']) {
      expect(answerOf(s), s).toMatchObject({ code: 0, data: null });
    }
  });

  it('getInfo', () => {
    expect(readInfo(answerOf('GetInfo').data)).toEqual({
      application_version: 'Versiya: 1.0.7.0',
      cashregister_model: 'SUNMI V1S',
      cashbox_tax_number: 'test_00086',
      cashbox_factory_number: '00320029594B500B20373357',
      cashregister_factory_number: 'VS4319W60010',
      company_name: '"CASPOS" MƏHDUD MƏSULİYYƏTLİ CƏMİYYƏTİ',
      company_tax_number: '554534053',
      last_doc_number: 10520,
      last_online_time: '2023-10-09T09:53:10',
      object_address: 'AZ1007 BAKI ŞƏHƏRİ Jafar Khandan 50.',
      object_name: 'OFİS',
      object_tax_number: '554534053 - 11001',
      qr_code_url: 'https://monitoring.e-kassa.gov.az/#/index?doc=',
      state: 'ACTIVE',
      token_version: '2.3 5 .0',
    });
  });

  it('getShiftStatus', () => {
    expect(readShiftStatus(answerOf('Get Shift Status').data)).toEqual({
      shift_open: true,
      shift_open_time: '2021-06-11T12:07:16',
    });
  });

  it('closeShift (Z): report number, documents, sums in cents, VAT amounts by percentage', () => {
    const z = readShiftReport(answerOf('Close Shift').data);
    expect(z).toMatchObject({
      report_number: 1831,
      first_doc_number: 10521,
      last_doc_number: 10527,
      doc_count_to_send: 8,
      created_at: '2023-10-09T12:58:09',
      shift_open_at: '2023-10-09T12:57:18',
      document_id: '4nwBfG2mZMSq4ztGGadNcWtXh5ieLW9BbJXKk1TVbkJx',
    });
    expect(z.currencies[0]).toMatchObject({
      currency: 'AZN',
      period_sum_cents: 300_000,
      period_vat_free_sum_cents: 200_000,
      prepay_sum_cents: 100_000,
      prepay_vat_amounts: [{ vat_percent_bp: null, sum_cents: 100_000 }],
      sale_count: 4,
      sale_vat_amounts: [
        { vat_percent_bp: null, sum_cents: 100_000 },
        { vat_percent_bp: 1800, sum_cents: 100_000 },
      ],
      withdraw_sum_cents: 100,
      deposit_count: 1,
    });
  });

  it('getXReport: float noise rounded to cents (0.5999999 → 60, -0.8000001 → -80), the date without its space read', () => {
    const x = readShiftReport(answerOf('X-Report').data);
    expect(x).toMatchObject({
      report_number: 1828,
      created_at: '2023-10-04T15:04:09',
      shift_open_at: '2023-10-04T15:02:13',
      document_id: null,
    });
    expect(x.currencies[0]).toMatchObject({
      period_sum_cents: 60,
      period_vat_free_sum_cents: -80,
      period_vat_sum_cents: 140,
      money_back_sum_cents: 220,
      money_back_cashless_sum_cents: 20,
      sale_sum_cents: 280,
      sale_vat_amounts: [
        { vat_percent_bp: 1800, sum_cents: 140 },
        { vat_percent_bp: null, sum_cents: 140 },
      ],
    });
  });

  it('deposit and withdraw', () => {
    expect(readDocument(answerOf('Deposit').data)).toMatchObject({
      document_id: '9eHUL46hMN3M3A6i4b39mNwFEVc8LD9f992R4tnQTupz',
      document_number: 10525,
      shift_document_number: 5,
      short_document_id: '9eHUL46hMN3M',
      total_cents: 0,
      fiscal_number: null,
    });
    expect(readDocument(answerOf('Withdraw').data)).toMatchObject({
      document_number: 10524,
      shift_document_number: 4,
      short_document_id: '4uNkX5FuprnW',
    });
  });

  it('the sale-like answers ("null" bank fields are null)', () => {
    for (const s of [
      'Sales',
      'Credit Sale',
      'Credit Pay',
      'Advance (Deposit) Sale',
      'Advance Sale Items',
      'Advance Pay',
      'Money Back (Refound)',
      'Money Back Manual',
      'RollBack',
    ]) {
      expect(readDocument(answerOf(s).data), s).toEqual(SALE_ANSWER);
    }
  });

  it('correction', () => {
    expect(readDocument(answerOf('Correction').data)).toMatchObject({
      document_id: 'q3W9xUnrrQYJeCTRPVoYRSrHsxrP27U6AeZPys1kZAf',
      document_number: 4911,
      fiscal_number: '280823111164911',
      shift_document_number: 7,
      short_document_id: 'q3W9xUnrrQYJ',
      total_cents: 8756,
    });
  });

  it('periodic report', () => {
    expect(readPeriodicReport(answerOf('Periodic Report').data)).toMatchObject({
      cash_in_count: 20,
      cash_in_total_cents: 662_100,
      cash_out_total_cents: 78_600,
      date: '2023-10-04T15:08:29',
      start_date: '2023-05-01T00:00:00',
      end_date: '2023-10-04T23:59:59',
      period_sum_cents: 8_333_160,
      period_vat_free_sum_cents: 120_382,
      sale_count: 1746,
      sale_cash_total_cents: 10_762_626,
      sale_return_total_cents: 9_388_393,
      prepayment_count: 5,
    });
  });

  it('control tape', () => {
    const t = readControlTape(answerOf('Control Tape').data);
    expect(t).toMatchObject({ created_at: '2023-10-04T15:10:27', shift_number: 1828, documents_quantity: 4 });
    expect(t.documents.map((d) => [d.number, d.type, d.total_cents, d.vat_cents, d.item_count])).toEqual([
      [10498, 'sale', 280, 21, 2],
      [10499, 'money_back', 220, 0, 1],
      [10500, 'withdraw', 100, 0, 0],
      [10501, 'deposit', 100, 0, 0],
    ]);
    expect(t.documents[0]).toMatchObject({
      document_id: 'EUY93uDHu3VE92usK6iLSE1wv4mCH6u4VHVs4dvTBYq',
      short_document_id: 'EUY93uDHu3VE',
      delivered: true,
    });
  });
});
