/**
 * A whole hub (in-process, port 0) with one Datecs register served by the wire emulator over TCP or a socat pty, and
 * a scan folder on it: what the exactly-once tests drive through the native API and INP files, judged by the
 * register's own journal.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Framing } from '../../../src-main/protocols/datecs/frame.js';
import { startDatecsEmulator, type RunningDatecsEmulator } from '../../../src-main/emulators/datecs/start-emulator.js';
import type { JournalDocument } from '../../../src-main/emulators/virtual-register/register-api.js';
import { startTestHub, waitFor, type TestHub } from '../../helpers/hub.js';
import { openPtyPair, type PtyPair } from '../../helpers/pty.js';

export interface FindingsRig {
  em: RunningDatecsEmulator;
  th: TestHub;
  deviceId: string;
  folder: string;
  /** Fiscal receipts in the register's journal whose lines mention `tag`. */
  printed(tag: string): JournalDocument[];
  /** Drop an INP file and wait until it lands in BonOK or BonERR. */
  dropInp(name: string, body: string, timeoutMs?: number): Promise<'BonOK' | 'BonERR'>;
  close(): Promise<void>;
}

export async function startFindingsRig(framing: Framing, transport: 'tcp' | 'pty'): Promise<FindingsRig> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-findings-'));
  let pty: PtyPair | null = null;
  let em: RunningDatecsEmulator;
  let connection: Record<string, unknown>;
  if (transport === 'pty') {
    pty = await openPtyPair();
    em = await startDatecsEmulator({ protocol: framing, serial: pty.a, stateDir: path.join(dir, 'register') });
    connection = { type: 'Serial', details: { port: pty.b, baud_rate: 115_200 } };
  } else {
    em = await startDatecsEmulator({ protocol: framing, stateDir: path.join(dir, 'register') });
    connection = { type: 'Network', details: { ip_address: '127.0.0.1', port: em.tcp?.port ?? 0 } };
  }
  const th = await startTestHub({ dataDir: path.join(dir, 'hub'), probeMs: 5000 });
  const folder = path.join(dir, 'scan');
  mkdirSync(folder);
  const saved = await th.post('/manage/save_fiscal_device', {
    name: `Datecs ${framing} ${transport}`,
    manufacturer: 'Datecs',
    model: framing === 'x' ? 'DP-25MX' : 'FP-2000',
    connection_details: connection,
    enabled: true,
    scan_folder: folder,
    options: { timeout_ms: 120, max_attempts: 6, reconnect_initial_ms: 20, reconnect_max_ms: 200 },
  });
  if (saved.body.status !== 0) throw new Error(`cannot save the Datecs device: ${saved.text}`);
  const deviceId = saved.body.device.id as string;
  await waitFor(() => th.hub.devices.readiness(deviceId).ready === true, 10_000);
  const all = () => em.register.readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'all' });
  return {
    em,
    th,
    deviceId,
    folder,
    printed: (tag) => all().filter((d) => d.kind === 'fiscal_receipt' && d.lines.some((l) => l.includes(tag))),
    dropInp: async (name, body, timeoutMs = 20_000) => {
      writeFileSync(path.join(folder, `${name}.tmp`), body);
      const { renameSync } = await import('node:fs');
      renameSync(path.join(folder, `${name}.tmp`), path.join(folder, name));
      const landed = (sub: string) => existsSync(path.join(folder, sub)) && readdirSync(path.join(folder, sub)).some((f) => f.startsWith(name));
      await waitFor(() => landed('BonOK') || landed('BonERR'), timeoutMs);
      return landed('BonOK') ? 'BonOK' : 'BonERR';
    },
    close: async () => {
      await th.close();
      await em.close();
      await pty?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
