/**
 * Idempotent replays survive a restart of the hub: a request is printed, the hub stops, a new hub starts on the
 * same data directory, the request is repeated — the answer is byte-identical and the register printed once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { http, receiptsPrinted, startHub, tempDataDir } from './harness.js';
import { codeBlocks, seedText } from './seed-examples.js';

const ucsSale = codeBlocks(seedText('003'))[16]?.text ?? '';
const erpReceipt = codeBlocks(seedText('002'))[7]?.text ?? '';

describe('replays across a restart', () => {
  const d = tempDataDir();
  afterAll(() => d.remove());

  it('UcsFPHub request_id and ErpNet.FP taskId: same answer after a restart, one receipt each', async () => {
    let r = await startHub(d.dir);
    const first = { ucs: '', erp: '' };
    try {
      expect(await receiptsPrinted(r)).toBe(0);
      const u = await http('POST', `${r.ucsUrl}/printers/DT518315/receipt?request_id=N2qbikc5lUU`, ucsSale);
      expect(u.status, u.text).toBe(200);
      expect(JSON.parse(u.text)).toMatchObject({ Ok: true, ReceiptNo: '1' });
      first.ucs = u.text;
      const e = await http('POST', `${r.erpUrl}/printers/dt279013/receipt?taskId=erp-task-0001`, erpReceipt);
      expect(JSON.parse(e.text)).toMatchObject({ ok: true, receiptNumber: '0000002' });
      first.erp = e.text;
      expect(await receiptsPrinted(r)).toBe(2);
    } finally {
      await r.stop();
    }

    r = await startHub(d.dir);
    try {
      const u = await http('POST', `${r.ucsUrl}/printers/dt518315/RECEIPT?request_id=N2qbikc5lUU`, ucsSale);
      expect(u.text).toBe(first.ucs);
      const e = await http('POST', `${r.erpUrl}/printers/dt279013/receipt?taskId=erp-task-0001`, erpReceipt);
      expect(e.text).toBe(first.erp);
      const info = await http('GET', `${r.erpUrl}/printers/taskinfo?id=erp-task-0001`);
      expect(JSON.parse(info.text)).toEqual({ taskStatus: 'finished', result: JSON.parse(first.erp) });
      expect(await receiptsPrinted(r)).toBe(2);

      // The same ids with a different body are refused, and nothing is printed.
      const changed = ucsSale.replace('12.34', '12.35');
      const u2 = await http('POST', `${r.ucsUrl}/printers/DT518315/receipt?request_id=N2qbikc5lUU`, changed);
      expect(u2.status).toBe(409);
      expect(JSON.parse(u2.text)).toMatchObject({ Ok: false, ErrorText: expect.stringContaining('N2qbikc5lUU') });
      const e2 = await http(
        'POST',
        `${r.erpUrl}/printers/dt279013/receipt?taskId=erp-task-0001`,
        erpReceipt.replace('"Cheese"', '"Bread"'),
      );
      expect(JSON.parse(e2.text)).toMatchObject({ ok: false, messages: [{ type: 'error', code: 'E109' }] });
      expect(await receiptsPrinted(r)).toBe(2);
    } finally {
      await r.stop();
    }
  });
});
