/** DatecsCommands over the Romanian X command set (8 status bytes, TAB parameters, ErrorCode first). */
import { DeviceError, type DeviceErrorCode, type Language } from '../../domain/error-codes.js';
import { formatThousandths } from '../../domain/money.js';
import type { PaymentMethod } from '../../domain/operations.js';
import type { VatRates } from '../../domain/vat.js';
import { X_ERRORS, datecsErrorDetail, errorFromStatus, mapDatecsErrorCode } from '../../protocols/datecs/errors.js';
import { joinX, parseXReply } from '../../protocols/datecs/params.js';
import { decodeStatus, type StatusFlags } from '../../protocols/datecs/status.js';
import {
  amount,
  EJ_DOC_TYPES,
  fromDatecsDateTime,
  parseAmount,
  taxCdForGroup,
  toDatecsDate,
  toDatecsDateTime,
  X_PAYMENT_MODES,
  xDiscountParams,
  type Adjustment,
  type JournalDocType,
} from '../../protocols/datecs/values.js';
import type { DatecsCommands, RangeSpec, SaleItem, TransactionState } from './commands.js';
import type { DatecsSession } from './session.js';

const num = (s: string | undefined): number => {
  const n = Number((s ?? '').trim());
  return Number.isFinite(n) ? n : 0;
};
const cents = (s: string | undefined): number => parseAmount(s ?? '') ?? 0;

/** A refusal; one answering a resent packet is not definitive (the register may have acted on an earlier copy). */
export function refusal(code: DeviceErrorCode, detail: string, afterLoss: boolean, deviceError?: { code: number }): DeviceError {
  return new DeviceError(code, afterLoss ? `${detail} (answer to a resent command: the register may have executed it before)` : detail, {
    ...(deviceError ? { deviceError } : {}),
    mayHaveActed: afterLoss,
  });
}

export class XCommands implements DatecsCommands {
  readonly framing = 'x' as const;
  language: Language = 'ro';
  constructor(private readonly session: DatecsSession) {}

  /**
   * Send a command; a negative ErrorCode (or error bits with empty data) becomes a DeviceError. `effect`: the command
   * changes the register's state, so a lost answer is reported (LostAnswer) instead of resent.
   */
  async call(cmd: number, params: ReadonlyArray<string | number> = [], opts: { allow?: number[]; effect?: boolean } = {}): Promise<string[]> {
    const reply = await this.session.request(cmd, params.length ? joinX(params) : Buffer.alloc(0), {
      onLostAnswer: opts.effect ? 'verify' : 'resend',
    });
    const { errorCode, fields } = parseXReply(reply.packet.data);
    if (errorCode !== null && errorCode < 0) {
      if (opts.allow?.includes(errorCode)) return [String(errorCode)];
      throw refusal(mapDatecsErrorCode(errorCode), datecsErrorDetail(errorCode, cmd, this.language), reply.afterLoss, { code: errorCode });
    }
    if (errorCode === null) {
      const fromBits = errorFromStatus(reply.flags);
      if (fromBits) throw refusal(fromBits, `Datecs command ${cmd} refused (status bits)`, reply.afterLoss);
    }
    return fields;
  }

  async status(): Promise<StatusFlags> {
    const reply = await this.session.request(74);
    const raw = reply.packet.data;
    // DATA = "0\t" + 8 status bytes + "\t"; fall back to the frame's own status bytes.
    const inner = raw.length >= 10 ? raw.subarray(2, 10) : (reply.packet.status ?? Buffer.alloc(8, 0x80));
    return decodeStatus('x', inner);
  }

  /** Cmd 76 (RO): IsOpen, Number, FMNumberRep, FMNumber, Items, Amount, Payed. */
  async transaction(): Promise<TransactionState> {
    const f = await this.call(76);
    const open = num(f[0]);
    const paid = cents(f[6]);
    return {
      open: open === 0 ? 'none' : open === 3 ? 'non_fiscal' : 'fiscal',
      items: num(f[4]),
      amount_cents: cents(f[5]),
      paid_cents: paid,
      payment_started: paid > 0,
    };
  }

  /** Cmd 123 option 3: BonFiscal, DateBonFiscal, ZNumber, ZDate — the last closed receipt, unambiguous. */
  async receiptCounters(): Promise<{ receipt_number: number; z_number: number }> {
    const f = await this.call(123, [3]);
    return { receipt_number: num(f[0]), z_number: num(f[2]) };
  }

  async cashSums(): Promise<{ drawer: number; cash_in: number; cash_out: number }> {
    const f = await this.call(70, [0, '0.00']);
    return { drawer: cents(f[0]), cash_in: cents(f[1]), cash_out: cents(f[2]) };
  }

  async deviceInfo(): Promise<{ model: string; firmware: string; serial: string; fiscal_memory_id: string }> {
    const f = await this.call(90);
    return { model: f[0] ?? '', firmware: [f[1], f[2], f[3]].filter(Boolean).join(' '), serial: f[6] ?? '', fiscal_memory_id: f[7] ?? '' };
  }

  async vatRates(): Promise<VatRates> {
    const f = await this.call(50);
    const rates: VatRates = {};
    ['A', 'B', 'C', 'D', 'E', 'F', 'G'].forEach((g, i) => {
      const v = parseAmount(f[i + 1] ?? '');
      if (v !== null && v < 10_000) rates[g] = v; // 100.00 = disabled
    });
    return rates;
  }

  async openReceipt(o: { operator: number; password: string; till: number; invoice: boolean; buyer_cui?: string }): Promise<void> {
    await this.call(48, [o.operator, o.password, o.till, o.invoice ? 'I' : '', o.buyer_cui ?? ''], { effect: true });
  }

  async sell(item: SaleItem): Promise<void> {
    const [dt, dv] = xDiscountParams(item.adjustment);
    // Unit ≤ 6 characters on X firmware.
    await this.call(49, [
      item.description,
      taxCdForGroup(item.vat_group),
      amount(item.unit_price_cents),
      formatThousandths(item.quantity_thousandths),
      dt,
      dv,
      item.department ?? 0,
      (item.um ?? '').slice(0, 6),
    ], { effect: true });
  }

  async text(line: string): Promise<void> {
    await this.call(54, [line, '', '', '', '', '']);
  }

  async subtotal(adjustment?: Adjustment): Promise<number> {
    const [dt, dv] = xDiscountParams(adjustment);
    const f = await this.call(51, [1, 0, dt, dv], { effect: true });
    return cents(f[1]);
  }

  async pay(method: PaymentMethod, amountCents?: number): Promise<{ due_cents: number; change_cents: number }> {
    const f = await this.call(53, [X_PAYMENT_MODES[method], amountCents === undefined ? '' : amount(amountCents)], { effect: true });
    const v = cents(f[1]);
    return f[0] === 'D' ? { due_cents: v, change_cents: 0 } : { due_cents: 0, change_cents: v };
  }

  async close(): Promise<number> {
    return num((await this.call(56, [], { effect: true }))[0]);
  }

  async cancel(): Promise<void> {
    await this.call(60, [], { effect: true });
  }

  async lastReceiptDateTime(): Promise<string> {
    const f = await this.call(123, [3]);
    return fromDatecsDateTime(f[1] ?? '') ?? (await this.getDateTime());
  }

  async report(kind: 'X' | 'Z'): Promise<{ number: number; by_vat_group: Record<string, number>; receipts?: number }> {
    // Receipts of the period, read before a Z resets them (RO parameter nFBonDailyCount).
    const count = await this.call(255, ['nFBonDailyCount', '', '']).then(
      (f) => num(f[0]),
      () => undefined,
    );
    const f = await this.call(69, [kind], { effect: kind === 'Z' });
    const by: Record<string, number> = {};
    ['A', 'B', 'C', 'D', 'E', 'F', 'G'].forEach((g, i) => {
      const v = cents(f[i + 1]);
      if (v !== 0) by[g] = v;
    });
    return { number: num(f[0]), by_vat_group: by, ...(count !== undefined ? { receipts: count } : {}) };
  }

  async lastZDateTime(): Promise<string | null> {
    const f = await this.call(123, [3]);
    return fromDatecsDateTime(f[3] ?? '');
  }

  async cash(kind: 'in' | 'out', c: number): Promise<{ drawer: number }> {
    const f = await this.call(70, [kind === 'in' ? 0 : 1, amount(c)], { effect: true });
    return { drawer: cents(f[0]) };
  }

  async duplicate(): Promise<void> {
    await this.call(109);
  }

  async openDrawer(): Promise<void> {
    await this.call(106, [200]);
  }

  async setDateTime(iso: string): Promise<void> {
    await this.call(61, [toDatecsDateTime(iso)]);
  }

  async getDateTime(): Promise<string> {
    const f = await this.call(62);
    const iso = fromDatecsDateTime(f[0] ?? '');
    if (!iso) throw new DeviceError('DEVICE_ERROR', `unreadable date-time from the register: "${f[0] ?? ''}"`);
    return iso;
  }

  async openNonFiscal(): Promise<void> {
    await this.call(38, [], { effect: true });
  }

  async nonFiscalText(line: string): Promise<void> {
    await this.call(42, [line, '', '', '', '', '']);
  }

  async closeNonFiscal(): Promise<void> {
    await this.call(39, [], { effect: true });
  }

  async journalSelect(range: RangeSpec, docType: JournalDocType): Promise<void> {
    const t = EJ_DOC_TYPES[docType];
    if (range.type === 'date') await this.call(124, [`${toDatecsDate(range.start)} 00:00:00`, `${toDatecsDate(range.end)} 23:59:59`, t]);
    else await this.call(125, [5, range.start, range.end, t]);
  }

  async journalNextLine(): Promise<string | null> {
    const f = await this.call(125, [1], { allow: [X_ERRORS.EJ_NO_MORE_DATA] });
    return f[0] === String(X_ERRORS.EJ_NO_MORE_DATA) ? null : (f[0] ?? '');
  }

  async journalPrint(): Promise<void> {
    await this.call(125, [4]);
  }

  async fiscalMemoryReport(range: RangeSpec, detailed: boolean): Promise<void> {
    if (range.type === 'date') await this.call(94, [detailed ? 1 : 0, toDatecsDate(range.start), toDatecsDate(range.end)]);
    else await this.call(95, [detailed ? 1 : 0, range.start, range.end]);
  }
}
