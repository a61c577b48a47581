/**
 * Finding 2 (and the power-cut form of finding 3): the register executes a command, then loses power before it
 * answers and comes back within about a second, with its RAM (the answer it would replay for a resent SEQ) gone.
 * A driver that resends gets the command executed twice (an item added twice, a close answered "no receipt open").
 * Over the native API, with a POS that retries under the same Idempotency-Key while the answer is "in doubt", and
 * through INP files: the register's journal and the door's answer agree, and the register's total is the hub's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFindingsRig, type FindingsRig } from './findings-rig.js';

const CMD = {
  x: { open: 48, sale: 49, pay: 53, close: 56 },
  classic: { open: 0x30, sale: 0x31, pay: 0x35, close: 0x38 },
} as const;
type Step = keyof (typeof CMD)['x'];

const receipt = (deviceId: string, tag: string) => ({
  device_id: deviceId,
  operation: {
    type: 'print_receipt',
    lines: [
      { type: 'item', description: `${tag} cafea`, quantity_thousandths: 2000, unit_price_cents: 850, vat: 'A' },
      { type: 'item', description: `${tag} apa`, quantity_thousandths: 1000, unit_price_cents: 420, vat: 'B' },
      { type: 'item', description: `${tag} corn`, quantity_thousandths: 3000, unit_price_cents: 150, vat: 'A' },
    ],
    payments: [
      { method: 'card', amount_cents: 1000 },
      { method: 'cash', amount_cents: 2000 },
    ],
  },
});
const TOTAL = 2570;

/** A careful POS: the same key and body until the answer is no longer "in doubt". */
async function carefulPost(rig: FindingsRig, body: unknown, key: string): Promise<{ body: { status: number; slip_number?: number; total_cents?: number; code?: string } }> {
  for (let i = 0; ; i++) {
    const r = await rig.th.post('/devices/operation', body, { 'Idempotency-Key': key });
    if (r.body.status !== -513 || i >= 20) return r;
    await new Promise((res) => setTimeout(res, 300));
  }
}

for (const framing of ['x', 'classic'] as const) {
  for (const transport of ['tcp', 'pty'] as const) {
    describe(`power cut after executing, ${framing} framing over ${transport}`, () => {
      let rig: FindingsRig;
      beforeAll(async () => {
        rig = await startFindingsRig(framing, transport);
      }, 30_000);
      afterAll(async () => {
        await rig?.close();
      });

      const cases: Array<{ step: Step; occurrence: number }> = [
        { step: 'close', occurrence: 1 },
        { step: 'sale', occurrence: 2 },
        { step: 'pay', occurrence: 1 },
        { step: 'open', occurrence: 1 },
      ];
      for (const { step, occurrence } of cases) {
        it(`at ${step} #${occurrence} over the native API: printed once, with the hub's total, and reported printed`, async () => {
          const tag = `P${step.slice(0, 2)}${framing[0]}${transport[0]}`;
          rig.em.emulator.injectWireFault({ kind: 'power_cut', cmd: CMD[framing][step], occurrence, duration_ms: 900 });
          const r = await carefulPost(rig, receipt(rig.deviceId, tag), `pc-${tag}`);
          const docs = rig.printed(tag);
          expect(docs).toHaveLength(1);
          expect(docs[0]?.total_cents).toBe(TOTAL);
          expect(r.body.status).toBe(0);
          expect(r.body.total_cents).toBe(TOTAL);
          expect(r.body.slip_number).toBe(docs[0]?.number);
          expect(rig.em.emulator.stats.powerCuts).toBeGreaterThan(0);
          expect(rig.em.register.status().receipt).toBe('none');
        }, 30_000);
      }

      it('at the close, through an INP file: one file, one receipt, in BonOK', async () => {
        const tag = `PI${framing[0]}${transport[0]}`;
        rig.em.emulator.injectWireFault({ kind: 'power_cut', cmd: CMD[framing].close, duration_ms: 900 });
        const body = [`S,1,______,_,__;${tag} paine;4.20;2.000;1;1;1;0;0;buc`, 'T,1,______,_,__;0;', ''].join('\r\n');
        expect(await rig.dropInp(`${tag}.inp`, body, 30_000)).toBe('BonOK');
        await new Promise((res) => setTimeout(res, 1500));
        const docs = rig.printed(tag);
        expect(docs).toHaveLength(1);
        expect(docs[0]?.total_cents).toBe(840);
      }, 40_000);
    });
  }
}
