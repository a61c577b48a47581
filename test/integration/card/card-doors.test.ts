/**
 * Card payments on a linked Viva terminal through the other doors: INP files (FPrint `T` payment 1 = card),
 * ErpNet.FP (`paymentType: "card"`, reversal receipts) and UcsFPHub (`PaymentType: 2` = card, ReceiptType 2
 * reversals). Each charges the terminal first and prints with the approval; a decline prints nothing and the door
 * answers in its own terms; a reversal of a receipt paid by card refunds that payment.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualRegister } from '../../../src-main/emulators/virtual-register/virtual-register.js';
import { VivaLocalEmulator } from '../../../src-main/emulators/viva-local/index.js';
import { tempDir, waitFor } from '../../helpers/hub.js';
import { http, startHub, tempDataDir, type Running } from '../compat/harness.js';
import { drop, errorOf, finished, inboxFor } from '../inbox/harness.js';
import { FAST_VIVA, saleReference } from './linked-hub.js';

let run: Running;
let emu: VivaLocalEmulator;
let folder: string;
let stopInbox: () => Promise<void>;
const data = tempDataDir();

beforeAll(async () => {
  run = await startHub(data.dir);
  emu = await VivaLocalEmulator.start();
  const pos = run.hub.devices.savePos({
    name: 'Viva',
    manufacturer: 'Viva',
    model: 'Android Terminal',
    connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: emu.port } },
    options: FAST_VIVA,
  });
  if (!pos.ok) throw new Error(pos.error);
  folder = join(tempDir('fiscool-card-inp-'), 'scan');
  const cfg = run.hub.devices.getFiscal(run.deviceId)!.config;
  const linked = run.hub.devices.saveFiscal({ ...cfg, auto_send_card_to_pos: true, linked_pos_device_id: pos.device.id, scan_folder: folder });
  if (!linked.ok) throw new Error(linked.error);
  await waitFor(() => run.hub.devices.getPos(pos.device.id)?.status === 'Connected' && run.hub.devices.readiness(run.deviceId).ready === true);
  const { inbox, own } = inboxFor(run.hub);
  stopInbox = async () => {
    if (own) await inbox.stop();
  };
  await waitFor(() => inbox.folders()[run.deviceId] === folder && existsSync(folder));
});
afterAll(async () => {
  await stopInbox();
  await run.stop();
  await emu.close();
  data.remove();
  rmSync(join(folder, '..'), { recursive: true, force: true });
});

const register = () => (run.hub.devices.fiscalRuntime(run.deviceId)!.driver as unknown as { register: VirtualRegister }).register;
const docs = () => register().readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'fiscal_receipts' });
const jobOfSale = (amount: number) => run.hub.jobs.list({ state: 'succeeded', limit: 100 }).find((j) => j.operation.type === 'print_receipt' && (j.operation as any).payments?.[0]?.amount_cents === amount);
const chargeFor = (receiptJobId: string) => emu.transactions().find((t) => t.merchant_reference === saleReference(receiptJobId));

describe('card payments through the other doors', () => {
  it('INP: a card payment line charges the terminal, then the receipt prints with the approval', async () => {
    drop(folder, 'card-ok.inp', 'S,1,______,_,__;Pantofi;123.40;1.000;1;1;1;0;0;buc\r\nT,1,______,_,__;1;123.40\r\n');
    expect(await finished(folder, 'card-ok.inp')).toBe('ok');
    const job = jobOfSale(12_340)!;
    const charge = chargeFor(job.id);
    expect(charge).toMatchObject({ state: 'approved', amount_cents: 12_340 });
    const doc = docs().find((d) => d.tag === job.id)!;
    expect(doc.lines.join('\n')).toContain(`RRN ${charge!.rrn}`);
  });

  it('INP: a declined card prints nothing; the file goes to BonERR with the cashier text', async () => {
    const before = docs().length;
    drop(folder, 'card-declined.inp', 'S,1,______,_,__;Pantofi;10.51;1.000;1;1;1;0;0;buc\r\nT,1,______,_,__;1;10.51\r\n');
    expect(await finished(folder, 'card-declined.inp')).toBe('err');
    const err = errorOf(folder, 'card-declined.inp');
    expect(Object.values(err).join(' ')).toMatch(/POS_DECLINED|refuzat/i);
    expect(docs().length).toBe(before);
  });

  it('ErpNet.FP: paymentType "card" is charged first; a decline answers ok:false (E699) and prints nothing', async () => {
    const body = (amount: number) =>
      JSON.stringify({ uniqueSaleNumber: `DT279013-0001-${String(amount).padStart(7, '0')}`, items: [{ text: 'Brânză', quantity: 1, unitPrice: amount, taxGroup: 2 }], payments: [{ amount, paymentType: 'card' }] });
    const ok = (await http('POST', `${run.erpUrl}/printers/dt279013/receipt`, body(45.6))).json() as any;
    expect(ok).toMatchObject({ ok: true, receiptAmount: 45.6 });
    expect(chargeFor(jobOfSale(4560)!.id)).toMatchObject({ state: 'approved', amount_cents: 4560 });
    const before = docs().length;
    const no = (await http('POST', `${run.erpUrl}/printers/dt279013/receipt`, body(20.51))).json() as any;
    expect(no.ok).toBe(false);
    expect(no.messages[0]).toMatchObject({ type: 'error', code: 'E699' });
    expect(no.messages[1].text).toMatch(/^Terminalul de plată: 1020 /);
    expect(docs().length).toBe(before);
  });

  it('ErpNet.FP: a reversal receipt paid by card refunds the original card payment', async () => {
    const sale = (await http('POST', `${run.erpUrl}/printers/dt279013/receipt`, JSON.stringify({ items: [{ text: 'Lapte', quantity: 1, unitPrice: 30, taxGroup: 2 }], payments: [{ amount: 30, paymentType: 'card' }] }))).json() as any;
    expect(sale.ok).toBe(true);
    const rev = (await http('POST', `${run.erpUrl}/printers/dt279013/reversalreceipt`, JSON.stringify({ receiptNumber: sale.receiptNumber, receiptDateTime: sale.receiptDateTime, fiscalMemorySerialNumber: sale.fiscalMemorySerialNumber, reason: 'refund', items: [{ text: 'Lapte', quantity: 1, unitPrice: 30, taxGroup: 2 }], payments: [{ amount: 30, paymentType: 'card' }] }))).json() as any;
    expect(rev).toMatchObject({ ok: true });
    const original = emu.transactions().find((t) => t.kind === 'sale' && t.amount_cents === 3000 && t.state === 'approved')!;
    // A same-day refund of the full amount is a void at Viva: either way the card gets its 30.00 back.
    expect(emu.terminal.isReversed(original.txid)).toBe(true);
  });

  it('UcsFPHub: PaymentType 2 (card) is charged first; a decline answers Ok:false and prints nothing', async () => {
    const body = (price: number) => JSON.stringify({ ReceiptType: 1, Rows: [{ ItemName: 'Pâine', Price: price, TaxGroup: 2 }, { Amount: price, PaymentType: 2 }] });
    const ok = (await http('POST', `${run.ucsUrl}/printers/DT518315/receipt`, body(7.25))).json() as any;
    expect(ok).toMatchObject({ Ok: true });
    expect(chargeFor(jobOfSale(725)!.id)).toMatchObject({ state: 'approved', amount_cents: 725 });
    const before = docs().length;
    const no = (await http('POST', `${run.ucsUrl}/printers/DT518315/receipt`, body(7.51))).json() as any;
    expect(no.Ok).toBe(false);
    expect(no.ErrorText).toMatch(/refuzat|declined/i);
    expect(docs().length).toBe(before);
  });

  it('UcsFPHub: a reversal (ReceiptType 2) paid by card refunds part of the original card payment', async () => {
    const sale = (await http('POST', `${run.ucsUrl}/printers/DT518315/receipt`, JSON.stringify({ ReceiptType: 1, Rows: [{ ItemName: 'Cafea', Price: 80, TaxGroup: 2 }, { Amount: 80, PaymentType: 2 }] }))).json() as any;
    expect(sale.Ok).toBe(true);
    const rev = (await http('POST', `${run.ucsUrl}/printers/DT518315/receipt`, JSON.stringify({ ReceiptType: 2, Reversal: { ReversalType: 1, ReceiptNo: sale.ReceiptNo, ReceiptDateTime: sale.ReceiptDateTime }, Rows: [{ ItemName: 'Cafea', Price: 25, TaxGroup: 2 }, { Amount: 25, PaymentType: 2 }] }))).json() as any;
    expect(rev).toMatchObject({ Ok: true });
    const original = emu.transactions().find((t) => t.kind === 'sale' && t.amount_cents === 8000 && t.state === 'approved')!;
    expect(emu.transactions().find((t) => t.kind === 'refund' && t.original_txid === original.txid)).toMatchObject({ state: 'approved', amount_cents: 2500 });
  });
});
