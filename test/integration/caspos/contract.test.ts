/** The Caspos driver contract against the Caspos emulator over real HTTP; the emulator's own state is the witness. */
import { describeCasposDriver, type CasposContractRig } from './contract.js';
import { startCasposRig } from './rig.js';

describeCasposDriver('emulator over HTTP', async (): Promise<CasposContractRig> => {
  const rig = await startCasposRig();
  return {
    driver: rig.driver,
    driverWith: (options) => rig.newDriver(options),
    witness: {
      documents: async () =>
        rig.em.emulator
          .state()
          .documents.filter((d) => d.kind !== 'z_report')
          .map((d) => ({ id: d.id, number: d.number, kind: d.kind, total_cents: d.total_cents, uuid: d.uuid })),
      printed: async () =>
        rig.em.emulator.register
          .readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'all' })
          .map((d) => ({
            kind: d.kind,
            ...(d.total_cents !== undefined ? { total_cents: d.total_cents } : {}),
            ...(d.tag !== undefined ? { tag: d.tag } : {}),
          })),
      shiftOpen: async () => rig.em.emulator.state().shift.open,
    },
    loseNextAnswer: async (operation) =>
      void (await rig.control('faults', { lose_answer: { mode: 'drop', operations: [operation] } })),
    close: () => rig.close(),
  };
});
