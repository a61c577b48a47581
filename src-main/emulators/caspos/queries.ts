/**
 * The emulator's operations that make no sale-like document: device information, the shift (open with its
 * initial deposit, close = Z report), X report, periodic report, control tape, printer, drawer, last receipt.
 */
import type { WValue } from '../../protocols/caspos/json-write.js';
import { casposDateTime, readCasposDateTime } from '../../protocols/caspos/units.js';
import { RegisterError } from '../virtual-register/register-api.js';
import type { VirtualRegister } from '../virtual-register/virtual-register.js';
import { newDocument, registerRefusal } from './doc-common.js';
import type { LedgerState } from './ledger.js';
import { controlTape, periodicReport, shiftReport } from './reports.js';
import { refuse, type Fields } from './request-reader.js';

export interface QueryContext {
  state: LedgerState;
  register: VirtualRegister;
  data: Fields;
  top: Fields;
  now: string;
  uuid: string | null;
  cashOnOpen(sum: number): void;
}

type Query = (c: QueryContext) => Record<string, WValue> | null;

function openShiftOf(c: QueryContext): { number: number; opened_at: string } {
  const s = c.state.shift;
  if (!s.open || s.opened_at === null) return refuse(503, 'no shift is open');
  return { number: s.number, opened_at: s.opened_at };
}

const shiftDocs = (c: QueryContext) => c.state.documents.filter((d) => d.shift_number === c.state.shift.number);

const info: Query = (c) => {
  const id = c.register.identity();
  return {
    application_version: 'Versiya: 1.0.7.0',
    cashregister_model: id.model,
    cashbox_tax_number: `emu_${id.serial.slice(-5)}`,
    cashbox_factory_number: id.fiscal_memory_id,
    cashregister_factory_number: id.serial,
    company_name: '"FISCOOL EMULATOR" MƏHDUD MƏSULİYYƏTLİ CƏMİYYƏTİ',
    company_tax_number: '1234567891',
    last_doc_number: c.state.last_doc_number,
    last_online_time: casposDateTime(c.now),
    object_address: 'AZ1000 BAKI ŞƏHƏRİ, Nizami küç. 1',
    object_name: 'MAĞAZA',
    object_tax_number: '1234567891-00001',
    qr_code_url: 'https://monitoring.e-kassa.gov.az/#/index?doc=',
    state: 'ACTIVE',
    token_version: '2.35.0',
  };
};

const openShift: Query = (c) => {
  if (c.state.shift.open) return refuse(503, 'a shift is already open');
  const sum = c.data.money('sum');
  c.top.text('cashierName', { max: 100, code: 608 });
  c.state.shift = { open: true, number: c.state.shift.number + 1, opened_at: c.now, documents: 0 };
  if (sum > 0) c.cashOnOpen(sum);
  return null;
};

/** closeShift: the Z report over the shift's documents; the Z gets the next document number; the shift closes. */
const closeShift: Query = (c) => {
  const shift = openShiftOf(c);
  c.data.text('cashierName', { max: 100, code: 608 });
  const docs = shiftDocs(c);
  const report = shiftReport(docs, { ...shift, last_doc_number: c.state.last_doc_number }, c.now);
  try {
    c.register.zReport();
  } catch (e) {
    registerRefusal(e);
  }
  const z = newDocument(c.state, 'z_report', c.now, { uuid: c.uuid, total_cents: 0 });
  c.state.shift = { ...c.state.shift, open: false, opened_at: null };
  const { currencies, docCountToSend, ...rest } = report;
  return { currencies: currencies as WValue, docCountToSend: docCountToSend as WValue, document_id: z.id, ...rest };
};

const xReport: Query = (c) => {
  const shift = openShiftOf(c);
  c.data.text('cashierName', { max: 100, code: 608 });
  try {
    c.register.xReport();
  } catch (e) {
    registerRefusal(e);
  }
  return shiftReport(shiftDocs(c), { ...shift, last_doc_number: c.state.last_doc_number }, c.now);
};

const periodic: Query = (c) => {
  const start = readCasposDateTime(c.data.text('startDate', { required: true, code: 642 }));
  const end = readCasposDateTime(c.data.text('endDate', { required: true, code: 642 }));
  if (!start || !end || start > end) return refuse(642, 'startDate/endDate: dd.MM.yyyy HH:mm:ss, start before end');
  return periodicReport(c.state.documents, start, end, c.now);
};

const lastCheque: Query = (c) => {
  if (c.state.documents.length === 0) return refuse(231);
  try {
    c.register.printDuplicate();
  } catch (e) {
    if (!(e instanceof RegisterError && e.code === 'NOTHING_TO_DUPLICATE')) registerRefusal(e);
  }
  return null;
};

export const queries: Record<string, Query> = {
  getInfo: info,
  getShiftStatus: (c) => ({
    shift_open: c.state.shift.open,
    shift_open_time: c.state.shift.opened_at ? casposDateTime(c.state.shift.opened_at) : null,
  }),
  openShift,
  closeShift,
  getXReport: xReport,
  getPeriodicZReport: periodic,
  getControlTape: (c) => controlTape(shiftDocs(c), openShiftOf(c), c.now),
  printLastCheque: lastCheque,
  isConnectedPrinter: () => null,
  openCashbox: (c) => (c.register.openDrawer(), null),
};
