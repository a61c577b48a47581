/**
 * A whole hub in-process whose simulated register is linked (auto_send_card_to_pos) to a card terminal: the
 * Viva Local Terminal API emulator on a real port (or the built-in simulated terminal). Helpers to post receipts,
 * read the register's journal and the terminal's log.
 */
import { VirtualRegister } from '../../../src-main/emulators/virtual-register/virtual-register.js';
import type { JournalDocument } from '../../../src-main/emulators/virtual-register/register-api.js';
import { VivaLocalEmulator } from '../../../src-main/emulators/viva-local/index.js';
import type { PosTransaction } from '../../../src-main/emulators/pos/pos-types.js';
import { startTestHub, waitFor, type TestHub } from '../../helpers/hub.js';

export const FAST_VIVA = { poll_ms: 20, request_timeout_ms: 500, lost_answer_ms: 300, sale_timeout_ms: 10_000, abort_grace_ms: 2000, in_doubt_wait_ms: 6000 };

export interface LinkedHub {
  t: TestHub;
  emu: VivaLocalEmulator | null;
  posId: string;
  fiscalId: string;
  register(): VirtualRegister;
  receipts(): JournalDocument[];
  /** The terminal's log (the emulator's, or the simulated terminal's). */
  terminalLog(): PosTransaction[];
  setPosOptions(options: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startLinkedHub(
  opts: { family?: 'viva' | 'simulated'; posOptions?: Record<string, unknown>; dataDir?: string; /** The Viva emulator's log on disk (survives its power cuts). */ terminalStateDir?: string } = {},
): Promise<LinkedHub> {
  const t = await startTestHub({ probeMs: 100, ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
  let emu: VivaLocalEmulator | null = null;
  let posId = t.posId;
  if ((opts.family ?? 'viva') === 'viva') {
    emu = await VivaLocalEmulator.start({ terminalId: '16038894', ...(opts.terminalStateDir ? { stateDir: opts.terminalStateDir } : {}) });
    const saved = await t.post('/manage/save_pos_terminal', {
      name: 'Viva casa 1',
      manufacturer: 'Viva',
      model: 'Android Terminal',
      bank: 'Viva',
      connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: emu.port } },
      options: { ...FAST_VIVA, ...opts.posOptions },
    });
    if (saved.status !== 200) throw new Error(`cannot add the Viva terminal: ${saved.text}`);
    posId = saved.body.device.id;
    const cfg = t.hub.devices.getFiscal(t.fiscalId)!.config;
    const linked = await t.post('/manage/save_fiscal_device', { ...cfg, auto_send_card_to_pos: true, linked_pos_device_id: posId });
    if (linked.status !== 200) throw new Error(`cannot link the register: ${linked.text}`);
  } else if (opts.posOptions) {
    const pos = t.hub.devices.getPos(posId)!.config;
    await t.post('/manage/save_pos_terminal', { ...pos, options: { ...pos.options, ...opts.posOptions } });
  }
  const ready = async () => {
    await waitFor(() => t.hub.devices.getPos(posId)?.status === 'Connected' && t.hub.devices.getFiscal(t.fiscalId)?.status === 'Connected');
  };
  await ready();
  const register = () => (t.hub.devices.fiscalRuntime(t.fiscalId)!.driver as unknown as { register: VirtualRegister }).register;
  const simulatedTerminal = () => (t.hub.devices.posRuntime(posId)!.driver as unknown as { terminal: { transactions(): PosTransaction[] } }).terminal;
  return {
    t,
    emu,
    posId,
    fiscalId: t.fiscalId,
    register,
    receipts: () => register().readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'fiscal_receipts' }),
    terminalLog: () => (emu ? emu.transactions() : simulatedTerminal().transactions()),
    setPosOptions: async (options) => {
      const pos = t.hub.devices.getPos(posId)!.config;
      const r = await t.post('/manage/save_pos_terminal', { ...pos, options: { ...pos.options, ...options } });
      if (r.status !== 200) throw new Error(r.text);
      await waitFor(() => t.hub.devices.getPos(posId)?.status === 'Connected' && t.hub.devices.posRuntime(posId) !== null);
    },
    close: async () => {
      await t.close(true);
      await emu?.close();
    },
  };
}

export function cardReceipt(deviceId: string, cents: number, extra: Record<string, unknown> = {}) {
  return {
    device_id: deviceId,
    operation: {
      type: 'print_receipt',
      lines: [{ type: 'item', description: 'Cizme', quantity_thousandths: 1000, unit_price_cents: cents, vat: 'A' }],
      payments: [{ method: 'card', amount_cents: cents }],
      ...extra,
    },
  };
}

/** The ECR reference FisCool gives a receipt's card charge. */
export const saleReference = (receiptJobId: string) => `receipt-${receiptJobId}`;
