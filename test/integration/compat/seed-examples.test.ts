/**
 * Every request example of seeds 001, 002 and 003, verbatim, against the simulated register through real
 * sockets; each answer is checked against the seed's example shape (field names, JSON types, Ok/ok, XML).
 */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLenientJson, type LValue, JsonNumber } from '../../../src-main/doors/compat-shared/lenient-json.js';
import { http, receiptsPrinted, startHub, tempDataDir, type Running } from './harness.js';
import {
  codeBlocks,
  erpnetExamples,
  erpnetReversalBody,
  seedText,
  ucsExamples,
  type Example,
} from './seed-examples.js';
import { shapeDiff, type ShapeOptions } from './shape.js';

/** Seed JSON (lenient: the seeds' answers have trailing commas too) → plain JSON values. */
function plain(v: LValue): unknown {
  if (v instanceof JsonNumber) return Number(v.text);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}
const seedJson = (text: string) => plain(parseLenientJson(text));
const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });

async function withDeposit(r: Running, cents: number): Promise<void> {
  const s = r.hub.operations.submit({
    device_id: r.deviceId,
    operation: { type: 'deposit_cash', amount: cents },
    source: 'internal',
  });
  if (s.kind !== 'accepted') throw new Error(s.error);
  const done = await s.done;
  expect(done.state).toBe('succeeded');
}

describe('UcsFPHub seed examples (v1 = seeds/001, v2 = seeds/003)', () => {
  for (const seed of ['001', '003'] as const) {
    describe(`seeds/${seed}`, () => {
      const d = tempDataDir();
      let r: Running;
      let serial = '';
      beforeAll(async () => {
        r = await startHub(d.dir);
        serial = r.hub.devices.getFiscal(r.deviceId)?.identity?.serial ?? '';
        await withDeposit(r, 100_00); // so the seed's 56.78 withdrawal finds cash in the drawer
      });
      afterAll(async () => {
        await r.stop();
        d.remove();
      });

      const examples = ucsExamples(seed);
      it('finds every curl example of the seed', () => {
        expect(examples.length).toBe(22);
        expect(examples.filter((e) => e.method === 'POST' && e.body === undefined)).toEqual([]);
      });

      let before = 0;
      for (const ex of examples) {
        it(`${ex.method} ${ex.url.replace('http://localhost:8192', '')} ${ex.body ? JSON.stringify(ex.body).slice(0, 50) : ''}`, async () => {
          if (ex.index === 17) before = await receiptsPrinted(r);
          const a = await http(ex.method, ex.url.replace('http://localhost:8192', r.ucsUrl), ex.body);
          const keyMap: Record<string, string> = {
            DT518315: serial,
            ZK133759: serial,
            DY450626: serial,
            DT577430: serial,
          };
          if (ex.response?.lang === 'xml') {
            expect(a.contentType).toBe('text/xml; charset=utf-8');
            const diff = shapeDiff(xml.parse(ex.response.text), xml.parse(a.text), { keyMap, optional: ['Footers'] });
            expect(diff).toEqual([]);
            expect(a.text.startsWith('<Root>')).toBe(true);
            expect(a.text).toContain('<Ok __json__bool="1">1</Ok>');
            return;
          }
          expect(a.contentType).toBe('application/json; charset=utf-8');
          const ours = a.json() as Record<string, unknown>;
          const expected = seedJson(ex.response?.text ?? '{}') as Record<string, unknown>;
          if (ex.body?.includes('"PrintDuplicate": true }')) {
            // The seed shows the device timing out; the simulated register prints the duplicate.
            expect(a.status).toBe(200);
            expect(ours).toEqual({ Ok: true });
            return;
          }
          if (expected.Ok === false) {
            expect(a.status).toBe(200);
            expect(ours.Ok).toBe(false);
            expect(typeof ours.ErrorText).toBe('string');
            return;
          }
          expect(a.status, a.text).toBe(200);
          expect(ours.Ok, a.text).toBe(true);
          expect(shapeDiff(expected, ours, { keyMap } satisfies ShapeOptions)).toEqual([]);
          if (ex.index === 17) expect(await receiptsPrinted(r)).toBe(before + 1);
        });
      }

      it('the register printed the three receipts of the seed (sale, reversal, invoice)', async () => {
        const jobs = r.hub.operations.listJobs({ device_id: r.deviceId, state: 'succeeded', limit: 100 });
        const types = jobs.filter((j) => j.source === 'ucsfphub').map((j) => j.operation.type);
        expect(types.filter((t) => t === 'print_receipt')).toHaveLength(2);
        expect(types.filter((t) => t === 'print_refund')).toHaveLength(1);
        expect(await receiptsPrinted(r)).toBe(3);
      });
    });
  }
});

describe('ErpNet.FP seed examples (seeds/002)', () => {
  const d = tempDataDir();
  let r: Running;
  beforeAll(async () => {
    r = await startHub(d.dir);
  });
  afterAll(async () => {
    await r.stop();
    d.remove();
  });
  const examples = erpnetExamples();
  let taskId = '';
  let lastReceipt: Record<string, unknown> = {};
  const url = (ex: Example) => {
    let u = ex.url.replace('http://localhost:8001', r.erpUrl);
    if (ex.note) u += '/status';
    if (u.includes('taskinfo')) u = u.replace('QHC_H_7u8EaAjTB7WPEP3g', taskId);
    return u;
  };

  for (const ex of examples) {
    it(`${ex.method} ${ex.url.replace('http://localhost:8001', '')}`, async () => {
      const a = await http(ex.method, url(ex), ex.body);
      expect(a.status, a.text).toBe(200);
      expect(a.contentType).toBe('application/json; charset=utf-8');
      const ours = a.json() as Record<string, unknown>;
      if (ex.response) expect(shapeDiff(seedJson(ex.response.text), ours, { stringBooleans: true })).toEqual([]);
      if (ex.url.endsWith('asyncTimeout=0')) {
        expect(Object.keys(ours)).toEqual(['taskId']);
        taskId = String(ours.taskId);
        return;
      }
      if (ex.url.includes('taskinfo')) {
        let info = ours;
        for (let i = 0; i < 200 && info.taskStatus !== 'finished'; i++) {
          await new Promise((res) => setTimeout(res, 10));
          info = (await http('GET', url(ex))).json() as Record<string, unknown>;
        }
        expect(info.taskStatus).toBe('finished');
        const receiptShape = seedJson(examples[3]?.response?.text ?? '{}');
        expect(shapeDiff(receiptShape, info.result, { stringBooleans: true })).toEqual([]);
        return;
      }
      if (ex.method === 'POST' || (ex.response && ex.response.text.includes('"ok"'))) {
        expect(ours.ok, a.text).toBe(true);
        expect(Array.isArray(ours.messages)).toBe(true);
      }
      if (ex.url.endsWith('/receipt')) {
        expect(ours.receiptAmount).toBe(30);
        expect(ours.receiptNumber).toMatch(/^\d{7}$/);
        lastReceipt = ours;
      }
    });
  }

  it('POST /printers/dt525860/reversalreceipt (the receipt example plus the reversal fields of the section)', async () => {
    const body = erpnetReversalBody(
      String(lastReceipt.receiptNumber),
      String(lastReceipt.receiptDateTime),
      String(lastReceipt.fiscalMemorySerialNumber),
    );
    const a = await http('POST', `${r.erpUrl}/printers/dt525860/reversalreceipt`, body);
    const ours = a.json() as Record<string, unknown>;
    expect(ours.ok, a.text).toBe(true);
    expect(Array.isArray(ours.messages)).toBe(true);
    const refund = r.hub.operations
      .listJobs({ device_id: r.deviceId, limit: 100 })
      .find((j) => j.operation.type === 'print_refund');
    expect((refund?.operation as any).original).toMatchObject({ slip_number: Number(lastReceipt.receiptNumber) });
  });
});

describe('ErpNet.FP seed answers with a warning and with an error (seeds/002, example responses 2 and 3)', () => {
  const d = tempDataDir();
  let r: Running;
  const blocks = codeBlocks(seedText('002'));
  type FaultPanel = { register: { injectFaults(p: { paper_out_at_line?: number }): void; loadPaper(): void } };
  const panel = () => r.hub.devices.fiscalRuntime(r.deviceId)?.driver as unknown as FaultPanel;
  beforeAll(async () => {
    r = await startHub(d.dir);
    panel().register.injectFaults({ paper_out_at_line: 12 });
  });
  afterAll(async () => {
    await r.stop();
    d.remove();
  });

  it('paper near its end: status is ok with a W… warning, shaped as example 2', async () => {
    const a = (await http('GET', `${r.erpUrl}/printers/dt525860/status`)).json() as Record<string, unknown>;
    expect(shapeDiff(seedJson(blocks[9]?.text ?? ''), a, { stringBooleans: true })).toEqual([]);
    expect(a.ok).toBe(true);
    expect(a.messages).toContainEqual({ type: 'warning', code: 'W301', text: expect.any(String) });
  });

  it('paper out during a receipt: ok false with an E… error, shaped as example 3; nothing is left printed', async () => {
    const before = await receiptsPrinted(r);
    const a = (await http('POST', `${r.erpUrl}/printers/dt279013/receipt`, blocks[7]?.text)).json() as Record<
      string,
      unknown
    >;
    expect(shapeDiff(seedJson(blocks[10]?.text ?? ''), a, { stringBooleans: true })).toEqual([]);
    expect(a.ok).toBe(false);
    expect((a.messages as unknown[])[0]).toEqual({
      type: 'error',
      code: 'E301',
      text: expect.stringContaining('hârtie'),
    });
    panel().register.loadPaper();
    expect(await receiptsPrinted(r)).toBe(before);
  });
});
