/**
 * The virtual fiscal register: a real register's state machine (receipts, counters, VAT, cash, reports, electronic
 * journal, clock, faults) behind the protocol-free VirtualRegisterApi. Every mutating call works on a copy of the
 * state and commits it only when the step and its printing succeed, so a refused command changes nothing.
 *
 * 24-hour rule (datecs-protocol.md §7.3, Datecs error -111024): the register counts 24 hours from the FIRST fiscal
 * document (receipt or refund) closed after the last Z report. Once 24 hours have passed, opening a fiscal receipt
 * and selling are refused with Z_REQUIRED until a Z report is printed. With no fiscal document since the last Z
 * there is no block, however long ago that Z was.
 */
import { randomBytes } from 'node:crypto';
import type { PaymentMethod } from '../../domain/operations.js';
import { ROMANIA_VAT_RATES } from '../../domain/vat.js';
import {
  RegisterError,
  type ActiveFaults,
  type FaultPlan,
  type JournalDocument,
  type JournalQuery,
  type Printed,
  type RegisterCounters,
  type RegisterIdentity,
  type RegisterStatus,
  type SellInput,
  type VirtualRegisterApi,
} from './register-api.js';
import { msBetween, parseLocalIso, toLocalIso } from './register-clock.js';
import { initialState, serialFromDeviceId, type RegisterState } from './register-state.js';
import { RegisterStore, type LoadedRegister } from './register-store.js';
import { journalText, queryJournal, type JournalEntry } from './electronic-journal.js';
import * as receipt from './receipt-lifecycle.js';
import * as docs from './register-documents.js';
import { DEFAULT_FISCAL_MEMORY_CAPACITY, type FiscalMemoryRecord } from './reports.js';
import type { ReportTotals } from '../../domain/results.js';
import { centered, DEFAULT_PAYMENT_NAMES, separator } from './text-layout.js';
import { RegisterFaults } from './register-faults.js';

export interface VirtualRegisterOptions {
  /** Directory for state.json and journal.jsonl; undefined = memory only. */
  stateDir?: string;
  identity?: Partial<RegisterIdentity>;
  /** Host clock (tests pass a fixed one); the register adds its own offset. */
  now?: () => Date;
  /** Z reports the fiscal memory holds (default 1800). */
  fiscalMemoryCapacity?: number;
}

const DAY_MS = 24 * 3600 * 1000;

type StepResult = { lines: string[]; doc?: JournalDocument | null; fm?: FiscalMemoryRecord };

export class VirtualRegister implements VirtualRegisterApi {
  private state!: RegisterState;
  /** The last sale or refund receipt (for duplicates); the journal itself is read from the store when asked. */
  private lastFiscal: JournalDocument | undefined;
  private readonly fm: FiscalMemoryRecord[] = [];
  private readonly store: RegisterStore;
  private readonly ident: RegisterIdentity;
  private readonly hostNow: () => Date;
  private readonly fmCapacity: number;
  private readonly fault = new RegisterFaults();
  /** What loading found and repaired (torn journal line, state rebuilt from the journal). */
  recovery!: LoadedRegister['recovered'];

  constructor(opts: VirtualRegisterOptions = {}) {
    this.hostNow = opts.now ?? (() => new Date());
    this.fmCapacity = opts.fiscalMemoryCapacity ?? DEFAULT_FISCAL_MEMORY_CAPACITY;
    this.store = new RegisterStore(opts.stateDir, { now: this.hostNow });
    this.loadFromStore();
    const id = this.state.device_id;
    this.ident = {
      serial: serialFromDeviceId(id),
      fiscal_memory_id: 'FM' + (parseInt(id.slice(4, 14), 16) % 100_000_000).toString().padStart(8, '0'),
      model: 'FisCool Virtual Register',
      firmware: '1.0 FisCool',
      headers: ['FISCOOL DEMO SRL', 'Str. Exemplu nr. 1, București', 'CIF: RO18547290'],
      vat_rates: { ...ROMANIA_VAT_RATES },
      payment_names: { ...DEFAULT_PAYMENT_NAMES },
      ...opts.identity,
    };
  }

  // ---- reading -------------------------------------------------------------------------------------------------

  identity(): RegisterIdentity {
    this.ensureConnected();
    return structuredClone(this.ident);
  }

  status(): RegisterStatus {
    this.ensureConnected();
    const now = this.clock();
    const open = this.state.open;
    const lastZ = this.state.last_z_at ?? this.state.created_at;
    return {
      paper: this.fault.paper(),
      cover_open: this.fault.coverIsOpen,
      receipt: open === null ? 'none' : open.kind,
      open_receipt_items: open === null ? 0 : open.items + open.payments.length,
      payment_started: open !== null && open.payments.length > 0,
      hours_since_z: Math.floor((msBetween(lastZ, now) / 3_600_000) * 100) / 100,
      z_required: this.zRequired(now),
      fiscal_memory_free: Math.max(0, this.fmCapacity - this.state.z_number),
      cash_in_drawer_cents: this.state.cash_in_drawer_cents,
      datetime: now,
      open_receipt_total_cents: open === null ? 0 : open.running_cents,
      open_receipt_paid_cents: open === null ? 0 : open.paid_cents,
      open_receipt_by_vat: open === null ? {} : { ...open.by_vat },
      open_receipt_sales: open === null ? 0 : open.items,
      last_fiscal_record_at: lastZ,
    };
  }

  counters(): RegisterCounters {
    this.ensureConnected();
    return {
      receipt_number: this.state.receipt_number,
      z_number: this.state.z_number,
      receipt_open: this.state.open !== null,
      cash_in_cents: this.state.period.cash_in_cents,
      cash_out_cents: this.state.period.cash_out_cents,
    };
  }

  readJournal(q: JournalQuery): JournalDocument[] {
    this.ensureConnected();
    docs.checkRange(q.range);
    return queryJournal(this.journalDocs(), q);
  }

  private journalDocs(): JournalDocument[] {
    return this.store.readEntries().map((e) => e.doc);
  }

  /** The fiscal-memory records (one per Z), oldest first. */
  fiscalMemory(): FiscalMemoryRecord[] {
    return structuredClone(this.fm);
  }

  // ---- fiscal receipts -----------------------------------------------------------------------------------------

  openFiscalReceipt(opts: { refund?: boolean; buyer_cui?: string; invoice?: boolean; tag?: string; operator?: number }): Printed {
    return this.run((s, ctx) => {
      if (s.open === null) this.checkSalesAllowed(ctx.now);
      return { lines: receipt.openFiscal(s, ctx, opts) };
    });
  }

  sell(item: SellInput): Printed & { line_total_cents: number } {
    return this.run((s, ctx) => {
      if (s.open !== null && s.open.kind !== 'non_fiscal') this.checkSalesAllowed(ctx.now);
      return receipt.sell(s, ctx, item);
    });
  }

  printText(text: string): Printed {
    return this.run((s) => ({ lines: receipt.freeText(s, text) }));
  }

  subtotal(adjustment?: SellInput['adjustment']): Printed & { subtotal_cents: number } {
    return this.run((s) => receipt.subtotal(s, adjustment));
  }

  pay(method: PaymentMethod, amount_cents?: number): Printed & { remaining_cents: number; change_cents: number } {
    return this.run((s, ctx) => receipt.pay(s, ctx, method, amount_cents));
  }

  closeReceipt(): Printed & { receipt_number: number; total_cents: number; change_cents: number; datetime: string } {
    return this.run((s, ctx) => ({ ...receipt.closeFiscal(s, ctx), datetime: ctx.now }));
  }

  cancelReceipt(): Printed & { cancelled: boolean } {
    return this.run((s, ctx) => {
      const r = receipt.cancel(s, ctx);
      return { ...r, cancelled: r.doc !== null };
    });
  }

  // ---- other documents -----------------------------------------------------------------------------------------

  openNonFiscal(): Printed {
    return this.run((s, ctx) => ({ lines: docs.openNonFiscal(s, ctx) }));
  }

  printNonFiscalText(text: string): Printed {
    return this.run((s) => ({ lines: docs.nonFiscalText(s, text) }));
  }

  closeNonFiscal(): Printed {
    return this.run((s, ctx) => docs.closeNonFiscal(s, ctx));
  }

  xReport(): Printed & { totals: ReportTotals } {
    return this.run((s, ctx) => docs.xReport(s, ctx));
  }

  zReport(): Printed & { z_number: number; totals: ReportTotals } {
    return this.run((s, ctx) => docs.zReport(s, ctx, this.fmCapacity));
  }

  cashIn(amount_cents: number): Printed & { cash_in_drawer_cents: number } {
    return this.run((s, ctx) => docs.cash(s, ctx, 'in', amount_cents));
  }

  cashOut(amount_cents: number): Printed & { cash_in_drawer_cents: number } {
    return this.run((s, ctx) => docs.cash(s, ctx, 'out', amount_cents));
  }

  printDuplicate(): Printed {
    const last = this.lastFiscal;
    return this.run((s, ctx) => docs.duplicate(s, ctx, last));
  }

  printJournal(q: JournalQuery): Printed {
    return this.run(() => {
      docs.checkRange(q.range);
      const found = queryJournal(this.journalDocs(), q);
      const body = found.length === 0 ? ['Niciun document în interval'] : journalText(found);
      return { lines: [centered('COPIE JURNAL ELECTRONIC'), separator(), ...body, separator()] };
    });
  }

  printFiscalMemoryReport(range: JournalQuery['range'], detailed: boolean): Printed {
    return this.run((s, ctx) => docs.fiscalMemoryReport(s, ctx, this.fm, range, detailed));
  }

  openDrawer(): void {
    this.ensureConnected();
  }

  setDateTime(iso: string): void {
    this.ensureConnected();
    const target = parseLocalIso(iso);
    if (target === null) throw new RegisterError('INVALID_VALUE', `"${iso}" is not a date-time YYYY-MM-DDTHH:MM:SS`);
    if (this.state.open !== null) throw new RegisterError('RECEIPT_OPEN', 'a receipt is open: the clock cannot be set now');
    const last = this.state.last_z_at;
    if (last !== null && msBetween(last, toLocalIso(target)) < 0) {
      throw new RegisterError('INVALID_VALUE', `the date-time is before the last Z report (${last})`);
    }
    const draft = structuredClone(this.state);
    draft.clock_offset_ms = target.getTime() - this.hostNow().getTime();
    this.commit(draft);
  }

  // ---- faults and maintenance ----------------------------------------------------------------------------------

  injectFaults(plan: FaultPlan): void {
    this.fault.inject(plan);
  }

  loadPaper(): void {
    this.fault.loadPaper();
  }

  closeCover(): void {
    this.fault.closeCover();
  }

  reconnect(): void {
    this.fault.reconnect();
  }

  faults(): ActiveFaults {
    return this.fault.active();
  }

  /** Called whenever a fault changes (paper runs out, cover, link); returns an unsubscribe function. */
  onFaultsChange(listener: (f: ActiveFaults) => void): () => void {
    return this.fault.onChange(listener);
  }

  advanceClock(ms: number): void {
    if (!Number.isFinite(ms)) throw new RegisterError('INVALID_VALUE', 'ms must be a number');
    const draft = structuredClone(this.state);
    draft.clock_offset_ms += Math.trunc(ms);
    this.commit(draft);
  }

  /**
   * Power comes back after a cut: the register starts again from its own files, as a restart would. Counters, the
   * fiscal memory, the electronic journal and an open receipt survive (they are on disk); the printer's physical
   * state (paper, cover) is what it was. Memory-only registers (no state dir) keep their state as it was.
   */
  restartFromDisk(): void {
    if (this.store.dir === undefined) return;
    this.loadFromStore();
  }

  // ---- internals -----------------------------------------------------------------------------------------------

  private loadFromStore(): void {
    const loaded = this.store.load();
    this.recovery = loaded.recovered;
    this.lastFiscal = undefined;
    this.fm.length = 0;
    for (const e of loaded.entries) this.index(e);
    if (loaded.state) {
      this.state = loaded.state;
    } else {
      this.state = initialState(randomBytes(8).toString('hex'), toLocalIso(this.hostNow()));
      this.store.writeState(this.state);
    }
  }

  /** The register clock, local ISO. */
  private clock(): string {
    return toLocalIso(new Date(this.hostNow().getTime() + this.state.clock_offset_ms));
  }

  private zRequired(now: string): boolean {
    const first = this.state.period.first_fiscal_at;
    return first !== null && msBetween(first, now) >= DAY_MS;
  }

  private checkSalesAllowed(now: string): void {
    if (this.zRequired(now)) throw new RegisterError('Z_REQUIRED', '24 hours have passed since the first receipt after the last Z: print a Z report');
    if (this.state.z_number >= this.fmCapacity) throw new RegisterError('FISCAL_MEMORY_FULL', 'the fiscal memory is full');
  }

  private ensureConnected(): void {
    this.fault.ensureConnected();
  }

  /** Run one step on a copy of the state; print, journal and persist it; commit only on success. */
  private run<T extends StepResult>(step: (draft: RegisterState, ctx: receipt.StepContext) => T): Omit<T, 'lines' | 'doc' | 'fm'> & Printed {
    this.ensureConnected();
    const draft = structuredClone(this.state);
    const ctx: receipt.StepContext = { identity: this.ident, now: this.clock() };
    const result = step(draft, ctx);
    const { lines, doc, fm, ...rest } = result;
    if (lines.length > 0) this.fault.print(lines.length);
    if (draft.open !== null) draft.open.lines.push(...lines);
    if (doc) {
      draft.ej_seq++;
      const entry: JournalEntry = { seq: draft.ej_seq, doc, state: draft, ...(fm ? { fm } : {}) };
      this.store.appendEntry(entry);
      this.index(entry);
    }
    this.commit(draft, doc !== undefined && doc !== null);
    return { ...rest, printed_lines: lines.length };
  }

  private commit(draft: RegisterState, sync = true): void {
    this.store.writeState(draft, sync);
    this.state = draft;
  }

  private index(e: JournalEntry): void {
    if (e.doc.kind === 'fiscal_receipt' || e.doc.kind === 'refund') this.lastFiscal = e.doc;
    if (e.fm) this.fm.push(e.fm);
  }
}
