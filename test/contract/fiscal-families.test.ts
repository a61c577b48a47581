/**
 * The fiscal-driver contract over every fiscal family: the simulated register, Datecs X and classic over TCP and a
 * socat pseudo-terminal, Caspos over HTTP. The witness is the register's own state in the emulator (the virtual
 * register's printed journal and counters; for Caspos, its document ledger too).
 *
 * On real hardware: FISCOOL_CONTRACT_DATECS_PORT=/dev/ttyUSB0 [FISCOOL_CONTRACT_DATECS_BAUD=115200]
 * [FISCOOL_CONTRACT_DATECS_MODEL=DP-25MX] npx vitest run test/contract — the witness is then the register's own
 * counters and electronic journal read back through a second exchange (no fault injection). It prints a real Z.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { datecsFamily } from '../../src-main/drivers/datecs/family.js';
import { DatecsDriver } from '../../src-main/drivers/datecs/driver.js';
import { casposFamily } from '../../src-main/drivers/caspos/family.js';
import { simulatedFamily } from '../../src-main/drivers/simulated/family.js';
import { createSimulatedFiscalDriver } from '../../src-main/drivers/simulated/simulated-driver.js';
import type { JournalDocument, VirtualRegisterApi } from '../../src-main/emulators/virtual-register/register-api.js';
import { startCasposRig } from '../integration/caspos/rig.js';
import { startRig } from '../integration/datecs/harness.js';
import { describeFiscalDriver, type RegisterWitness, type WitnessDocument } from './fiscal-driver-contract.js';

const all = { range: { type: 'z_number' as const, start: 1, end: 1_000_000 }, doc_type: 'all' as const };
const asWitnessDoc = (d: JournalDocument): WitnessDocument => ({
  kind: d.kind,
  number: d.number,
  ...(d.total_cents !== undefined ? { total_cents: d.total_cents } : {}),
  text: d.lines.join('\n'),
});

/** The virtual register as witness (simulated register and the Datecs emulator). */
function registerWitness(r: VirtualRegisterApi): RegisterWitness {
  return {
    serial: async () => r.identity().serial,
    documents: async () => r.readJournal(all).map(asWitnessDoc),
    state: async () => {
      const c = r.counters();
      return { receipt_open: c.receipt_open, receipt_number: c.receipt_number, z_number: c.z_number, drawer_cents: r.status().cash_in_drawer_cents };
    },
    paperOutAt: async (line) => r.injectFaults({ paper_out_at_line: line }),
    loadPaper: async () => r.loadPaper(),
  };
}

describeFiscalDriver(
  'simulated register (in-process)',
  simulatedFamily,
  async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fiscool-contract-sim-'));
    const driver = createSimulatedFiscalDriver(
      { id: randomUUID(), name: 'Sim', manufacturer: 'FisCool', model: 'Simulated', enabled: true, connection_details: { type: 'None' } },
      { dataDir },
    );
    return { driver, witness: registerWitness(driver.register), groups: ['A', 'B'], close: async () => rmSync(dataDir, { recursive: true, force: true }) };
  },
  { faults: true },
);

for (const protocol of ['x', 'classic'] as const) {
  for (const transport of ['tcp', 'pty'] as const) {
    describeFiscalDriver(
      `Datecs ${protocol} over ${transport === 'pty' ? 'a socat pseudo-terminal' : 'TCP'} (wire emulator)`,
      datecsFamily,
      async () => {
        const rig = await startRig({ protocol, transport });
        return { driver: rig.driver, witness: registerWitness(rig.em.register), groups: ['A', 'B'], close: () => rig.close() };
      },
      { faults: true },
    );
  }
}

describeFiscalDriver('Caspos over HTTP (emulator)', casposFamily, async () => {
  const rig = await startCasposRig();
  const reg = () => rig.em.emulator.register;
  const ledger = () => rig.em.emulator.state();
  return {
    driver: rig.driver,
    groups: ['A', 'B'],
    witness: {
      serial: async () => reg().identity().serial,
      // A Caspos document's number is the device's document number (its ledger), its text what the register printed.
      documents: async () => {
        const byUuid = new Map(ledger().documents.map((d) => [d.uuid, d]));
        return reg()
          .readJournal(all)
          .map((d) => ({ ...asWitnessDoc(d), number: (d.tag ? byUuid.get(d.tag)?.number : undefined) ?? d.number }));
      },
      state: async () => {
        const l = ledger();
        return { receipt_open: false, receipt_number: l.last_doc_number, z_number: reg().counters().z_number, drawer_cents: reg().status().cash_in_drawer_cents };
      },
    },
    close: () => rig.close(),
  };
});

const hwPort = process.env.FISCOOL_CONTRACT_DATECS_PORT;
if (hwPort) {
  describeFiscalDriver(`Datecs on real hardware at ${hwPort}`, datecsFamily, async () => {
    const config = {
      id: randomUUID(),
      name: 'Hardware',
      manufacturer: 'Datecs',
      model: process.env.FISCOOL_CONTRACT_DATECS_MODEL ?? 'DP-25MX',
      enabled: true,
      connection_details: { type: 'Serial' as const, details: { port: hwPort, baud_rate: Number(process.env.FISCOOL_CONTRACT_DATECS_BAUD ?? 115_200) } },
    };
    const driver = new DatecsDriver(config, datecsFamily.catalogue[0]?.models.find((m) => m.model === config.model)?.protocol);
    const ctx = { jobId: 'witness', language: 'en' as const };
    return {
      driver,
      groups: ['A', 'B'],
      witness: {
        serial: async () => (await driver.connect()).serial,
        documents: async () => {
          const r = (await driver.execute({ type: 'je_report', range: { type: 'date', start: today(), end: today() }, doc_type: 'all', output_mode: 'read_line_by_line' }, ctx)) as { lines?: string[] };
          return [{ kind: 'journal', number: 0, text: (r.lines ?? []).join('\n') }];
        },
        state: async () => {
          const c = await driver.readCounters({ numbers: true, cash: true });
          return { receipt_open: c.receipt_open, receipt_number: c.receipt_number ?? -1, z_number: c.z_number ?? -1, drawer_cents: (c.cash_in_cents ?? 0) - (c.cash_out_cents ?? 0) };
        },
      },
      close: () => driver.disconnect(),
    };
  });
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
