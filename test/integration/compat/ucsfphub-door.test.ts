/** UcsFPHub door behaviour beyond the seeds' examples: XML, any-case URLs, enums, compact rows, includes, request_id. */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, startHub, tempDataDir, type Running } from './harness.js';

describe('UcsFPHub door', () => {
  const d = tempDataDir();
  let r: Running;
  let base = '';
  const lastJob = () => r.hub.operations.listJobs({ device_id: r.deviceId, limit: 1 })[0];
  beforeAll(async () => {
    r = await startHub(d.dir);
    base = `${r.ucsUrl}/printers/DT518315`;
  });
  afterAll(async () => {
    await r.stop();
    d.remove();
  });

  it('takes an XML body and answers in XML with format=xml, URL and id in any case', async () => {
    const body = `<?xml version="1.0" encoding="utf-8"?>
<Root>
   <ReceiptType>Sale</ReceiptType>
   <Rows><ItemName>Pâine</ItemName><Price>3.50</Price><TaxGroup>Б</TaxGroup><Quantity>2</Quantity></Rows>
   <Rows><Text>Mulțumim!</Text></Rows>
   <Rows><PaymentType>Cash</PaymentType></Rows>
</Root>`;
    const a = await http('POST', `${r.ucsUrl}/PRINTERS/dt518315/Receipt?FORMAT=xml`, body, {
      'content-type': 'text/xml',
    });
    expect(a.status, a.text).toBe(200);
    expect(a.contentType).toBe('text/xml; charset=utf-8');
    const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(a.text) as {
      Root: Record<string, unknown>;
    };
    expect(parsed.Root.Ok).toEqual({ '#text': '1', '@___json__bool': '1' });
    expect(parsed.Root.ReceiptAmount).toBe('7');
    expect((lastJob()?.operation as any).lines).toEqual([
      { type: 'item', description: 'Pâine', quantity_thousandths: 2000, unit_price_cents: 350, vat: 'B' },
      { type: 'text', text: 'Mulțumim!' },
    ]);
  });

  it('reads compact array rows and Cyrillic tax groups; a group the register lacks is a 400 naming the row', async () => {
    const ok = await http(
      'POST',
      `${base}/receipt`,
      '{ "Rows": [ [ "Apă", 2.5, "А", 2 ], [ "Suc", 4, "В", 1, 10 ], ] }',
    );
    expect(ok.json(), ok.text).toMatchObject({ Ok: true, ReceiptAmount: 8.6 });
    expect((lastJob()?.operation as any).lines).toEqual([
      { type: 'item', description: 'Apă', quantity_thousandths: 2000, unit_price_cents: 250, vat: 'A' },
      {
        type: 'item',
        description: 'Suc',
        quantity_thousandths: 1000,
        unit_price_cents: 400,
        vat: 'C',
        discount: { kind: 'percent', basis_points: 1000 },
      },
    ]);
    const bad = await http(
      'POST',
      `${base}/receipt`,
      '{ "Rows": [ { "ItemName": "Vin", "Price": 20 }, { "ItemName": "Bere", "Price": 5, "TaxGroup": 4 } ] }',
    );
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ Ok: false, ErrorText: expect.stringContaining('Rows[1].TaxGroup') });
  });

  it('numbers PaymentType the v1 way in numeric requests and the v2 way once a name appears', async () => {
    await http(
      'POST',
      `${base}/receipt`,
      '{ "ReceiptType": 1, "Rows": [ { "ItemName": "A", "Price": 10 }, { "PaymentType": 2 } ] }',
    );
    expect((lastJob()?.operation as any).payments).toEqual([{ method: 'card', amount_cents: 1000 }]);
    await http(
      'POST',
      `${base}/receipt`,
      '{ "ReceiptType": "Sale", "Rows": [ { "ItemName": "A", "Price": 10 }, { "PaymentType": 8 } ] }',
    );
    expect((lastJob()?.operation as any).payments).toEqual([{ method: 'card', amount_cents: 1000 }]);
    const eur = await http(
      'POST',
      `${base}/receipt`,
      '{ "ReceiptType": "Sale", "Rows": [ { "ItemName": "A", "Price": 10 }, { "PaymentType": "EUR" } ] }',
    );
    expect(eur.status).toBe(400);
    expect(eur.json()).toMatchObject({ Ok: false, ErrorText: expect.stringContaining('Rows[1].PaymentType') });
  });

  it('an invoice for a buyer with a Romanian CUI prints the buyer on the receipt', async () => {
    const body =
      '{ "ReceiptType": "Invoice", "Invoice": { "DocNo": "12", "CgVatNo": "RO18547290", "CgName": "Client SRL", "CgAddress": "Str. Lungă 1" }, "Rows": [ [ "Servicii", 100, 1 ], { "PaymentType": "Card" } ] }';
    const a = await http('POST', `${base}/receipt`, body);
    expect(a.json(), a.text).toMatchObject({ Ok: true, ReceiptAmount: 100 });
    expect(lastJob()?.operation).toMatchObject({
      buyer: { vat_number: 'RO18547290', name: 'Client SRL', address: 'Str. Lungă 1' },
      flags: { is_invoice: true },
    });
  });

  it('adds what the Include* flags ask for', async () => {
    const a = (
      await http('POST', `${base}/deposit`, '{ "Amount": 1, "IncludePaymentNames": true, "IncludeTaxRates": true }')
    ).json() as Record<string, unknown>;
    expect(a.Ok).toBe(true);
    expect(Array.isArray(a.PaymentNames)).toBe(true);
    expect(a.TaxRates).toEqual([
      { TaxGroup: 1, VatRate: 19 },
      { TaxGroup: 2, VatRate: 5 },
      { TaxGroup: 3, VatRate: 0 },
    ]);
    const all = (await http('POST', base, '{ "IncludeAll": true }')).json() as Record<string, unknown>;
    for (const k of ['Headers', 'Footers', 'TaxNo', 'TaxCaption', 'TaxRates', 'LastReceiptNo', 'PaymentNames'])
      expect(all).toHaveProperty(k);
    expect(all).not.toHaveProperty('Operators');
    const ops = (await http('GET', `${base}/status?IncludeOperators=1`)).json() as Record<string, unknown>;
    expect(Array.isArray(ops.Operators)).toBe(true);
  });

  it('a request_id whose first attempt failed runs again; once it succeeded it is replayed', async () => {
    const take = '{ "Amount": -5000 }';
    const first = await http('POST', `${base}/deposit?request_id=w-1`, take);
    expect(first.json()).toMatchObject({ Ok: false, ErrorText: expect.any(String) });
    await http('POST', `${base}/deposit`, '{ "Amount": 6000 }');
    const second = await http('POST', `${base}/deposit?request_id=w-1`, take);
    expect(second.json(), second.text).toMatchObject({ Ok: true, TotalWithdraws: 5000 });
    const withdrawals = () =>
      r.hub.operations
        .listJobs({ device_id: r.deviceId, state: 'succeeded', limit: 1000 })
        .filter((j) => j.operation.type === 'withdraw_cash').length;
    const before = withdrawals();
    const third = await http('POST', `${base}/deposit?request_id=w-1`, take);
    expect(third.text).toBe(second.text);
    expect(withdrawals()).toBe(before);
  });

  it("GET deposit and totals show the cash the register holds and the journal's sums since the last Z", async () => {
    const s = r.hub.operations.submit({ device_id: r.deviceId, operation: { type: 'get_status' }, source: 'internal' });
    if (s.kind !== 'accepted') throw new Error(s.error);
    const status = await s.done;
    const cash =
      (status.outcome?.ok ? (status.outcome.result.raw as { cash_in_drawer_cents: number }).cash_in_drawer_cents : -1) /
      100;
    const dep = (await http('GET', `${base}/deposit`)).json();
    expect(dep).toEqual({ Ok: true, TotalAvailable: cash, TotalDeposits: 6001, TotalWithdraws: 5000 });
    const totals = (await http('GET', `${base}/totals`)).json() as Record<string, unknown>;
    expect(totals).toMatchObject({ Ok: true, TotalAvailable: cash, TotalDeposits: 6001, TotalWithdraws: 5000 });
    expect(totals.NumReceipts).toBe(
      r.hub.operations
        .listJobs({ device_id: r.deviceId, state: 'succeeded', limit: 1000 })
        .filter((j) => j.operation.type === 'print_receipt').length,
    );
  });

  it('reports: Z with IsClear, fiscal memory by date range; clock only set outside AdjustTolerance', async () => {
    const z = (await http('POST', `${base}/report`, '{ "ReportType": "Daily", "IsClear": true }')).json();
    expect(z).toMatchObject({ Ok: true, ReceiptNo: '1' });
    expect(lastJob()?.operation.type).toBe('print_z');
    await http('POST', `${base}/report`, '{ "ReportType": 3, "FromDate": "2026-01-01", "ToDate": "2026-12-31" }');
    expect(lastJob()?.operation).toMatchObject({
      type: 'print_fiscal_memory_report',
      range: { type: 'date', start: '2026-01-01', end: '2026-12-31' },
    });
    const clock = (await http('GET', `${base}/datetime`)).json() as { DeviceDateTime: string };
    const a = (
      await http(
        'POST',
        `${base}/datetime`,
        JSON.stringify({ DeviceDateTime: clock.DeviceDateTime, AdjustTolerance: 3600 }),
      )
    ).json();
    expect(a).toMatchObject({ Ok: true });
    expect(lastJob()?.operation.type).toBe('get_datetime');
  });

  it('errors: unknown printer 404, unknown URL 404, bad JSON 400, other verbs 400 — always Ok:false with ErrorText', async () => {
    const cases: Array<[string, string, string | undefined, number]> = [
      ['GET', `${r.ucsUrl}/printers/XX123456/status`, undefined, 404],
      ['GET', `${r.ucsUrl}/nothing-here`, undefined, 404],
      ['POST', `${base}/receipt`, '{ "Rows": [ ', 400],
    ];
    for (const [m, u, b, status] of cases) {
      const a = await http(m as 'GET' | 'POST', u, b);
      expect(a.status).toBe(status);
      expect(a.json()).toMatchObject({ Ok: false, ErrorText: expect.any(String) });
    }
    const put = await fetch(`${base}/receipt`, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(400);
  });
});
