/**
 * The exactly-once findings, deterministic, through the native API and INP files, for both framings over TCP and a
 * socat pty. Each case ends with the register's own journal and the door's answer agreeing.
 *   1. The register NAKs the close six times, then executes the re-sent close and its answers are lost: printed,
 *      and the POS is told so (INP: one file, one receipt, in BonOK).
 *   3. The payment's answer is lost: the sale is not voided for no reason; it prints once.
 * (Finding 2, a power cut after the register executed a command, is in exactly-once-power.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireFault } from '../../../src-main/emulators/datecs/wire-faults.js';
import { startFindingsRig, type FindingsRig } from './findings-rig.js';

const CLOSE = { x: 56, classic: 0x38 } as const;
const PAY = { x: 53, classic: 0x35 } as const;

const receipt = (deviceId: string, tag: string) => ({
  device_id: deviceId,
  operation: {
    type: 'print_receipt',
    lines: [
      { type: 'item', description: `${tag} cafea`, quantity_thousandths: 2000, unit_price_cents: 850, vat: 'A' },
      { type: 'item', description: `${tag} apa`, quantity_thousandths: 1000, unit_price_cents: 420, vat: 'B' },
    ],
    payments: [
      { method: 'card', amount_cents: 1000 },
      { method: 'cash', amount_cents: 1500 },
    ],
  },
});
const inp = (tag: string) => [`S,1,______,_,__;${tag} paine;4.20;2.000;1;1;1;0;0;buc`, `S,1,______,_,__;${tag} lapte;6.90;1.000;1;1;2;0;0;buc`, 'T,1,______,_,__;0;', ''].join('\r\n');

for (const framing of ['x', 'classic'] as const) {
  for (const transport of ['tcp', 'pty'] as const) {
    describe(`exactly once, ${framing} framing over ${transport}`, () => {
      let rig: FindingsRig;
      const arm = (faults: WireFault[]) => faults.forEach((f) => rig.em.emulator.injectWireFault(f));
      // NAK the close 6 times (one whole exchange), then execute the re-sent close and lose six answers in a row.
      const finding1 = (): WireFault[] => [
        { kind: 'nak', cmd: CLOSE[framing], count: 6 },
        { kind: 'drop', cmd: CLOSE[framing], occurrence: 7, count: 6 },
      ];

      beforeAll(async () => {
        rig = await startFindingsRig(framing, transport);
      }, 30_000);
      afterAll(async () => {
        await rig?.close();
      });

      it('finding 1 over the native API: the printed receipt is reported printed, once', async () => {
        const tag = `F1H${framing[0]}${transport[0]}`;
        arm(finding1());
        const r = await rig.th.post('/devices/operation', receipt(rig.deviceId, tag), { 'Idempotency-Key': `f1-${tag}` });
        const docs = rig.printed(tag);
        expect(docs).toHaveLength(1);
        expect(r.body.status).toBe(0);
        expect(r.body.slip_number).toBe(docs[0]?.number);
        expect(r.body.total_cents).toBe(2120);
        expect(docs[0]?.total_cents).toBe(2120);
        // The careful POS asks again with the same key: the same answer, nothing printed again.
        const again = await rig.th.post('/devices/operation', receipt(rig.deviceId, tag), { 'Idempotency-Key': `f1-${tag}` });
        expect(again.text).toBe(r.text);
        expect(rig.printed(tag)).toHaveLength(1);
        expect(rig.em.register.status().receipt).toBe('none');
      });

      it('finding 1 through an INP file: one file, one receipt, in BonOK', async () => {
        const tag = `F1I${framing[0]}${transport[0]}`;
        arm(finding1());
        expect(await rig.dropInp(`${tag}.inp`, inp(tag))).toBe('BonOK');
        const docs = rig.printed(tag);
        expect(docs).toHaveLength(1);
        expect(docs[0]?.total_cents).toBe(1530);
        // Nothing is printed later under a new key either.
        await new Promise((r) => setTimeout(r, 500));
        expect(rig.printed(tag)).toHaveLength(1);
      });

      it('finding 3: a lost payment answer does not void the sale; it prints once and is reported printed', async () => {
        const tag = `F3H${framing[0]}${transport[0]}`;
        arm([{ kind: 'drop', cmd: PAY[framing], count: 1 }]);
        const r = await rig.th.post('/devices/operation', receipt(rig.deviceId, tag), { 'Idempotency-Key': `f3-${tag}` });
        expect(r.body.status).toBe(0);
        const docs = rig.printed(tag);
        expect(docs).toHaveLength(1);
        expect(r.body.slip_number).toBe(docs[0]?.number);
        expect(rig.em.register.readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'all' }).filter((d) => d.kind === 'voided')).toHaveLength(0);
      });
    });
  }
}
