/**
 * A receipt paid by card, re-run after its outcome was settled with the register, that fails before anything is
 * sent on that run (the register stops answering between the reconciliation and the re-run): the card was charged
 * on the first run, so the charge must be given back. A Datecs register (the wire emulator over TCP, real sockets)
 * linked to the hub's simulated terminal; the register's journal, the terminal's log and the pending voids judge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../helpers/hub.js';
import { startFindingsRig, type FindingsRig } from '../datecs/findings-rig.js';

let rig: FindingsRig;
beforeAll(async () => {
  rig = await startFindingsRig('x', 'tcp');
  const cfg = rig.th.hub.devices.getFiscal(rig.deviceId)!.config;
  const linked = await rig.th.post('/manage/save_fiscal_device', { ...cfg, auto_send_card_to_pos: true, linked_pos_device_id: rig.th.posId });
  if (linked.body.status !== 0) throw new Error(linked.text);
  await waitFor(() => rig.th.hub.devices.readiness(rig.deviceId).ready === true, 10_000);
});
afterAll(async () => {
  await rig.close();
});

const terminal = () => (rig.th.hub.devices.posRuntime(rig.th.posId)!.driver as unknown as { terminal: import('../../../src-main/emulators/pos/pos-terminal.js').PosTerminal }).terminal;

describe('a card receipt re-run after a reconciliation', () => {
  it('fails before it is sent again (register silent): the charge of the first run is voided, nothing printed, nothing pending', async () => {
    // First run: charged, the receipt opened, then the link drops at the first sale (not executed) for 2.5 s: in doubt.
    rig.em.emulator.injectWireFault({ kind: 'disconnect', cmd: 49, occurrence: 1, execute: false, duration_ms: 2500 });
    // When the reconciliation (register back: the open receipt cancelled, the counter unchanged) hands the job back
    // to run again, the register stops answering its state reads: the re-run fails before it sends anything.
    const logger = rig.th.hub.logger as unknown as { info: (...a: unknown[]) => void };
    const info = logger.info.bind(logger);
    let armed = false;
    logger.info = (...a: unknown[]) => {
      const fields = a[0] as { verdict?: string } | undefined;
      if (!armed && a[1] === 'reconciled interrupted job' && fields?.verdict === 'not_done') {
        armed = true;
        rig.em.emulator.injectWireFault({ kind: 'drop', cmd: 76, occurrence: 1, count: 20 });
      }
      info(...a);
    };
    const body = {
      device_id: rig.deviceId,
      operation: {
        type: 'print_receipt',
        lines: [{ type: 'item', description: 'RERUN1 Bocanci', quantity_thousandths: 1000, unit_price_cents: 6543, vat: 'A' }],
        payments: [{ method: 'card', amount_cents: 6543 }],
      },
    };
    let answer: any = null;
    try {
      for (let i = 0; i < 20 && (answer === null || answer.code === 'IN_DOUBT'); i++) {
        answer = (await rig.th.post('/devices/operation', body, { 'idempotency-key': 'rerun-silent-register' })).body;
      }
    } finally {
      logger.info = info;
    }
    expect(armed, 'the job was reconciled and handed back').toBe(true);
    expect(answer, JSON.stringify(answer)).toMatchObject({ code: 'DEVICE_UNREACHABLE', pos: { approved: true }, pos_void: { state: 'voided' } });
    expect(rig.printed('RERUN1')).toEqual([]);
    const sale = terminal()
      .transactions()
      .find((t) => t.reference === `receipt-${answer.job_id}`);
    expect(sale).toMatchObject({ kind: 'sale', state: 'approved', amount_cents: 6543 });
    expect(terminal().isReversed(sale!.txid)).toBe(true);
    expect((await rig.th.get('/pos/pending-voids')).body.pending_voids).toEqual([]);
  }, 90_000);
});
