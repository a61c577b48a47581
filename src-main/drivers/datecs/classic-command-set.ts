/**
 * DatecsCommands over the classic command set (6 status bytes, comma parameters). Errors come as status bits;
 * the device's -1500xx code is then read with command 0x20 (last error). Not available on classic firmware:
 * the buyer's CUI on the receipt (no documented Romanian parameter) — the driver refuses with NOT_SUPPORTED.
 */
import { DeviceError, type Language } from '../../domain/error-codes.js';
import { refusal } from './x-command-set.js';
import { formatThousandths } from '../../domain/money.js';
import type { PaymentMethod } from '../../domain/operations.js';
import type { VatRates } from '../../domain/vat.js';
import { datecsErrorDetail, mapDatecsErrorCode, errorFromStatus } from '../../protocols/datecs/errors.js';
import { splitClassic } from '../../protocols/datecs/params.js';
import { decodeStatus, type StatusFlags } from '../../protocols/datecs/status.js';
import { decodeText, encodeText } from '../../protocols/datecs/text.js';
import {
  amount,
  classicDiscountSuffix,
  CLASSIC_PAYMENT_LETTERS,
  fromDatecsDateTime,
  parseAmount,
  toDatecsDateTime,
  type Adjustment,
  type JournalDocType,
} from '../../protocols/datecs/values.js';
import type { DatecsCommands, RangeSpec, SaleItem, TransactionState } from './commands.js';
import type { DatecsSession } from './session.js';

const EJ_FLAG: Record<JournalDocType, string> = { all: 'A', fiscal_receipts: 'F', non_fiscal: 'N', z_reports: 'Z' };
/** Commands that only read: paper-out does not make them fail. */
const READS = new Set([0x20, 0x3e, 0x40, 0x4a, 0x4c, 0x5a, 0x61, 0x71]);

const cents = (s: string | undefined): number => parseAmount(s ?? '') ?? 0;
const ddmmyy = (iso: string): string => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;

export class ClassicCommands implements DatecsCommands {
  readonly framing = 'classic' as const;
  language: Language = 'ro';
  constructor(private readonly session: DatecsSession) {}

  /** `effect`: the command changes the register's state, so a lost answer is reported (LostAnswer) instead of resent. */
  async raw(cmd: number, text = '', effect = false): Promise<{ text: string; flags: StatusFlags; data: Buffer }> {
    const reply = await this.session.request(cmd, encodeText(text, '\t\n'), { onLostAnswer: effect ? 'verify' : 'resend' });
    const f = reply.flags;
    // Paper out or the cover open are states, reported on every answer: they fail the commands that print, not reads.
    const printingBlocked = (f.paper_out || f.cover_open) && !READS.has(cmd);
    const failed = f.syntax_error || f.invalid_command || f.command_not_permitted || f.overflow || f.printer_failure || printingBlocked;
    if (failed) {
      let code: number | null = null;
      try {
        const last = await this.session.request(0x20);
        const n = Number(splitClassic(last.packet.data)[1]);
        code = Number.isFinite(n) && n < 0 ? n : null;
      } catch {
        code = null;
      }
      const mapped = code !== null ? mapDatecsErrorCode(code) : (errorFromStatus(f) ?? 'DEVICE_REJECTED');
      const detail = code !== null ? datecsErrorDetail(code, cmd, this.language) : `Datecs cmd 0x${cmd.toString(16)}`;
      throw refusal(mapped, detail, reply.afterLoss, code !== null ? { code } : undefined);
    }
    return { text: decodeText(reply.packet.data), flags: f, data: reply.packet.data };
  }

  async call(cmd: number, text = '', effect = false): Promise<string[]> {
    const r = await this.raw(cmd, text, effect);
    return r.text === '' ? [] : r.text.split(',');
  }

  async status(): Promise<StatusFlags> {
    const r = await this.raw(0x4a);
    return r.data.length >= 6 ? decodeStatus('classic', r.data.subarray(0, 6)) : r.flags;
  }

  /** 0x4C: Open, Items, Amount[, Tender]. */
  async transaction(): Promise<TransactionState> {
    const f = await this.call(0x4c);
    const open = Number(f[0] ?? '0');
    const paid = cents(f[3]);
    return {
      open: open === 0 ? 'none' : open === 2 ? 'non_fiscal' : 'fiscal',
      items: Number(f[1] ?? '0'),
      amount_cents: cents(f[2]),
      paid_cents: paid,
      payment_started: paid > 0,
    };
  }

  /** 0x71 last document number [I: taken as the last fiscal receipt] and 0x40 last FM (Z) record. */
  async receiptCounters(): Promise<{ receipt_number: number; z_number: number }> {
    const receipt_number = Number((await this.call(0x71))[0] ?? '0');
    const z_number = Number((await this.call(0x40))[1] ?? '0');
    return { receipt_number, z_number };
  }

  async cashSums(): Promise<{ drawer: number; cash_in: number; cash_out: number }> {
    const f = await this.call(0x46);
    return { drawer: cents(f[1]), cash_in: cents(f[2]), cash_out: cents(f[3]) };
  }

  async deviceInfo(): Promise<{ model: string; firmware: string; serial: string; fiscal_memory_id: string }> {
    const f = await this.call(0x5a);
    return { model: f[0] ?? '', firmware: f[1] ?? '', serial: f[4] ?? '', fiscal_memory_id: f[5] ?? '' };
  }

  async vatRates(): Promise<VatRates> {
    const f = await this.call(0x61);
    const rates: VatRates = {};
    ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].forEach((g, i) => {
      const v = parseAmount(f[i] ?? '');
      if (v !== null) rates[g] = v;
    });
    return rates;
  }

  async openReceipt(o: { operator: number; password: string; till: number; invoice: boolean; buyer_cui?: string }): Promise<void> {
    if (o.buyer_cui) throw new DeviceError('NOT_SUPPORTED', 'classic Datecs firmware has no documented parameter for the buyer CUI');
    await this.call(0x30, [o.operator, o.password, o.till, ...(o.invoice ? ['I'] : [])].join(','), true);
  }

  async sell(item: SaleItem): Promise<void> {
    const qty = item.quantity_thousandths === 1000 ? '' : `*${formatThousandths(item.quantity_thousandths)}`;
    const um = item.um ? `#${item.um}` : '';
    const name = item.description.replace(/[\t\n,]/g, ' ');
    await this.call(0x31, `${name}\t${item.vat_group}${amount(item.unit_price_cents)}${qty}${um}${classicDiscountSuffix(item.adjustment)}`, true);
  }

  async text(line: string): Promise<void> {
    await this.call(0x36, line.replace(/[\t\n]/g, ' '));
  }

  async subtotal(adjustment?: Adjustment): Promise<number> {
    return cents((await this.call(0x33, `10${classicDiscountSuffix(adjustment)}`, true))[0]);
  }

  async pay(method: PaymentMethod, amountCents?: number): Promise<{ due_cents: number; change_cents: number }> {
    const body = amountCents === undefined ? '' : `${CLASSIC_PAYMENT_LETTERS[method]}${amount(amountCents)}`;
    const t = (await this.raw(0x35, `\t${body}`, true)).text;
    const v = cents(t.slice(1));
    if (t[0] === 'D') return { due_cents: v, change_cents: 0 };
    if (t[0] === 'R') return { due_cents: 0, change_cents: v };
    throw new DeviceError('DEVICE_REJECTED', `payment refused by the register (${t || 'no answer code'})`);
  }

  /** 0x38 answers `Allreceipt,FiscReceipt`: the second is the fiscal receipt number. */
  async close(): Promise<number> {
    const f = await this.call(0x38, '', true);
    return Number(f[1] ?? f[0] ?? '0');
  }

  async cancel(): Promise<void> {
    await this.call(0x3c, '', true);
  }

  async lastReceiptDateTime(): Promise<string> {
    return this.getDateTime();
  }

  async lastZDateTime(): Promise<string | null> {
    return null; // not available through the generic classic command set
  }

  async report(kind: 'X' | 'Z'): Promise<{ number: number; by_vat_group: Record<string, number>; receipts?: number }> {
    const f = await this.call(0x45, kind === 'Z' ? '0' : '2', kind === 'Z');
    const by: Record<string, number> = {};
    ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].forEach((g, i) => {
      const v = cents(f[i + 2]);
      if (v !== 0) by[g] = v;
    });
    return { number: Number(f[0] ?? '0'), by_vat_group: by };
  }

  async cash(kind: 'in' | 'out', c: number): Promise<{ drawer: number }> {
    const f = await this.call(0x46, `${kind === 'in' ? '+' : '-'}${amount(c)}`, true);
    if (f[0] !== 'P') throw new DeviceError('DEVICE_REJECTED', 'cash operation refused by the register');
    return { drawer: cents(f[1]) };
  }

  async duplicate(): Promise<void> {
    await this.call(0x6d, '1');
  }

  async openDrawer(): Promise<void> {
    await this.call(0x6a);
  }

  async setDateTime(iso: string): Promise<void> {
    await this.call(0x3d, toDatecsDateTime(iso));
  }

  async getDateTime(): Promise<string> {
    const r = await this.raw(0x3e);
    const iso = fromDatecsDateTime(r.text);
    if (!iso) throw new DeviceError('DEVICE_ERROR', `unreadable date-time from the register: "${r.text}"`);
    return iso;
  }

  async openNonFiscal(): Promise<void> {
    await this.call(0x26, '', true);
  }

  async nonFiscalText(line: string): Promise<void> {
    await this.call(0x2a, line.replace(/[\t\n]/g, ' '));
  }

  async closeNonFiscal(): Promise<void> {
    await this.call(0x27, '', true);
  }

  async journalSelect(range: RangeSpec, docType: JournalDocType): Promise<void> {
    const flg = EJ_FLAG[docType];
    if (range.type === 'date') await this.call(0x77, `R${flg},${ddmmyy(range.start)},${ddmmyy(range.end)}`);
    else await this.call(0x77, `R#${flg},*${range.start},${range.end}`);
  }

  async journalNextLine(): Promise<string | null> {
    const t = (await this.raw(0x77, 'N')).text;
    if (t.startsWith('P,')) return t.slice(2);
    if (t === '*,' || t === '*') return '';
    return null;
  }

  async journalPrint(): Promise<void> {
    await this.call(0x77, 'P');
  }

  async fiscalMemoryReport(range: RangeSpec, detailed: boolean): Promise<void> {
    const type = detailed ? 1 : 0;
    if (range.type === 'date') await this.call(0x5e, `${type},${ddmmyy(range.start)},${ddmmyy(range.end)}`);
    else await this.call(0x5f, `${type},${range.start},${range.end}`);
  }
}
