/** Shared helpers of the inbox integration tests: a real hub with a scan folder, file drops, waits, the register. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pino } from 'pino';
import type { JournalDocument } from '../../../src-main/emulators/virtual-register/register-api.js';
import { VirtualRegister } from '../../../src-main/emulators/virtual-register/virtual-register.js';
import type { Hub } from '../../../src-main/hub/create-hub.js';
import type { InboxSettings } from '../../../src-main/settings/schema.js';
import type { HubEvents } from '../../../src-main/shared/events.js';
import { startInbox, type Inbox } from '../../../src-main/doors/inbox/inbox.js';
import { startTestHub, tempDir, waitFor, type TestHub } from '../../helpers/hub.js';

export interface InboxHub {
  t: TestHub;
  hub: Hub;
  inbox: Inbox;
  folder: string;
  deviceId: string;
  events: Array<HubEvents['inbox_file']>;
  register(): VirtualRegister;
  /** Stop the inbox and the hub; the data dir is removed unless `keep`. */
  close(keep?: boolean): Promise<void>;
}

/** The hub's own inbox when createHub wires one, else one started here on the hub's parts. */
export function inboxFor(hub: Hub): { inbox: Inbox; own: boolean } {
  const wired = (hub as unknown as { inbox?: Inbox }).inbox;
  if (wired) return { inbox: wired, own: false };
  const inbox = startInbox({
    db: hub.journal.db,
    operations: hub.operations,
    devices: hub.devices,
    events: hub.events,
    settings: () => hub.settings.get().inbox,
    logger: pino({ level: 'silent' }),
    language: () => hub.settings.get().language,
  });
  return { inbox, own: true };
}

export async function startInboxHub(
  opts: { dataDir?: string; folder?: string; inbox?: Partial<InboxSettings>; vatRates?: Record<string, number> } = {},
): Promise<InboxHub> {
  const t = await startTestHub({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.vatRates ? { vatRates: opts.vatRates } : {}),
    probeMs: 100,
  });
  const hub = t.hub;
  if (opts.inbox) {
    const r = hub.settings.applyPatch({ inbox: opts.inbox });
    if (!r.ok) throw new Error(`cannot save inbox settings: ${JSON.stringify(r)}`);
  }
  const folder = opts.folder ?? join(tempDir('fiscool-inp-'), 'scan');
  const cfg = hub.devices.getFiscal(t.fiscalId)!.config;
  const saved = await t.post('/manage/save_fiscal_device', { ...cfg, scan_folder: folder });
  if (saved.status !== 200) throw new Error(`cannot set the scan folder: ${saved.text}`);
  await waitFor(() => hub.devices.readiness(t.fiscalId).ready === true);
  const { inbox, own } = inboxFor(hub);
  const events: Array<HubEvents['inbox_file']> = [];
  hub.events.on('inbox_file', (e) => events.push(e));
  await waitFor(() => inbox.folders()[t.fiscalId] === folder && existsSync(folder));
  return {
    t,
    hub,
    inbox,
    folder,
    deviceId: t.fiscalId,
    events,
    register: () =>
      (hub.devices.fiscalRuntime(t.fiscalId)!.driver as unknown as { register: VirtualRegister }).register,
    close: async (keep = false) => {
      if (own) await inbox.stop();
      await t.close(!keep);
      const parent = dirname(folder);
      if (!keep && basename(parent).startsWith('fiscool-inp-')) rmSync(parent, { recursive: true, force: true });
    },
  };
}

export const FIXTURES = join(import.meta.dirname, '../../fixtures/inp');
export const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

export function drop(folder: string, name: string, content: Uint8Array | string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), content);
}

export const ls = (folder: string, sub = ''): string[] => {
  const p = join(folder, sub);
  return existsSync(p)
    ? readdirSync(p)
        .filter((n) => !n.startsWith('.'))
        .sort()
    : [];
};

/** Wait until `name` is finished (in BonOK or BonERR); returns where it went. */
export async function finished(folder: string, name: string, timeoutMs = 15_000): Promise<'ok' | 'err'> {
  let where: 'ok' | 'err' | null = null;
  await waitFor(
    () => {
      if (existsSync(join(folder, name + '.processing'))) return false;
      if (existsSync(join(folder, 'BonOK', name))) where = 'ok';
      else if (existsSync(join(folder, 'BonERR', name))) where = 'err';
      return where !== null;
    },
    timeoutMs,
    10,
  );
  return where as unknown as 'ok' | 'err';
}

/** `KEY=value` lines of an answer or error file. */
export function keyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (m && m[1]) out[m[1]] = m[2] ?? '';
  }
  return out;
}

export function answerOf(folder: string, name: string): Record<string, string> {
  const stem = name.replace(/\.[^.]*$/, '');
  return keyValues(readFileSync(join(folder, 'BonANSWER', `${stem}.txt`), 'utf8'));
}

export function errorOf(folder: string, name: string): Record<string, string> {
  return keyValues(readFileSync(join(folder, 'BonERR', name), 'latin1'));
}

const ALL: JournalDocument['kind'][] = [
  'fiscal_receipt',
  'refund',
  'non_fiscal',
  'z_report',
  'x_report',
  'cash_in',
  'cash_out',
  'voided',
];
/** Every document in the register's electronic journal. */
export function journal(register: VirtualRegister): JournalDocument[] {
  const docs = register.readJournal({
    range: { type: 'date', start: '2000-01-01', end: '2099-12-31' },
    doc_type: 'all',
  });
  return docs.filter((d) => ALL.includes(d.kind));
}
export const receipts = (register: VirtualRegister): JournalDocument[] =>
  journal(register).filter((d) => d.kind === 'fiscal_receipt');
