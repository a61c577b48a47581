/**
 * A hub process with the inbox watching one folder, for the SIGKILL test and the bench:
 * `node --import tsx inbox-child.ts <dataDir> <folder> [timing-json]`. Prints READY once watching.
 */
import { pino } from 'pino';
import { createHub } from '../../../src-main/hub/create-hub.js';
import { startInbox, type Inbox } from '../../../src-main/doors/inbox/inbox.js';

const [dataDir, folder, timingJson] = process.argv.slice(2);
if (!dataDir || !folder) throw new Error('usage: inbox-child.ts <dataDir> <folder> [timing-json]');
const hub = createHub({ dataDir, port: 0, host: '127.0.0.1', probeMs: 100 });
await hub.start();
const dev = hub.devices.listFiscal()[0];
if (!dev) throw new Error('no fiscal device');
const timing = timingJson ? (JSON.parse(timingJson) as unknown) : 'zero';
if (dev.config.scan_folder !== folder || JSON.stringify(dev.config.options?.['timing']) !== JSON.stringify(timing)) {
  const r = hub.devices.saveFiscal({ ...dev.config, scan_folder: folder, options: { ...dev.config.options, timing } });
  if (!r.ok) throw new Error(r.error);
}
for (let i = 0; i < 400 && hub.devices.readiness(dev.config.id).ready !== true; i++) await new Promise((r) => setTimeout(r, 25));
const wired = (hub as unknown as { inbox?: Inbox }).inbox;
const inbox =
  wired ??
  startInbox({
    db: hub.journal.db,
    operations: hub.operations,
    devices: hub.devices,
    events: hub.events,
    settings: () => hub.settings.get().inbox,
    logger: pino({ level: 'silent' }),
  });
for (let i = 0; i < 400 && inbox.folders()[dev.config.id] !== folder; i++) await new Promise((r) => setTimeout(r, 25));
process.stdout.write(`READY ${dev.config.id}\n`);
process.on('SIGTERM', () => {
  void (async () => {
    if (!wired) await inbox.stop();
    await hub.stop();
    process.exit(0);
  })();
});
