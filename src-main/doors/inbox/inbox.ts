/**
 * The scan-folder inbox (issue 4): one FolderInbox per fiscal device with a `scan_folder`, kept in sync with the
 * device list (bus event `devices_changed` and every rescan), plus the list/retry/discard API.
 */
import { resolve } from 'node:path';
import type { InboxContext, InboxEnv } from './context.js';
import { FolderInbox } from './folder-inbox.js';
import { uniqueName, writeAtomic } from './fs-safe.js';
import { isRetryable } from './retryable.js';
import { scanFolderProblem } from './scan-folder.js';
import { InboxStore, type InboxFileRecord } from './store.js';

export type { InboxFileRecord } from './store.js';
export type { InboxContext } from './context.js';

export interface FolderState {
  device_id: string;
  folder: string;
  ok: boolean;
  error: string | null;
}

export type InboxActionResult = { ok: true; file: InboxFileRecord } | { ok: false; status: number; error: string };

export interface Inbox {
  stop(): Promise<void>;
  list(q?: { device_id?: string; state?: string; limit?: number }): InboxFileRecord[];
  get(id: string): InboxFileRecord | undefined;
  /** Can a retry help this file (see retryable.ts)? */
  retryable(rec: InboxFileRecord): boolean;
  /** A waiting file: check the device again now (and restart its wait). A failed file: put the original back in the folder. */
  retry(id: string): Promise<InboxActionResult>;
  /** A waiting file: give up (original to BonERR, state `discarded`). A failed file: mark it handled. */
  discard(id: string): Promise<InboxActionResult>;
  rescanNow(): Promise<void>;
  /** The watched folders, by device id (for the GUI and tests). */
  folders(): Record<string, string>;
  /** Every device's scan folder and whether it is taken care of (`error`: why not — refused path, outputs outside). */
  folderStates(): FolderState[];
  /** Test/bench hook: called right after a file is claimed. */
  onClaim: ((device_id: string, name: string) => void) | null;
}

/** One inbox per journal: a second start on the same database returns the running one (never two watchers). */
const running = new WeakMap<object, Inbox>();

export function startInbox(ctx: InboxContext): Inbox {
  const existing = running.get(ctx.db);
  if (existing) return existing;
  const store = new InboxStore(ctx.db);
  const env: InboxEnv = {
    ...ctx,
    store,
    lang: () => ctx.language?.() ?? 'ro',
    emit: (rec) =>
      ctx.events.emit('inbox_file', {
        id: rec.id,
        device_id: rec.device_id,
        file_name: rec.name,
        state: rec.state,
        job_id: rec.job_id,
        error: rec.error,
      }),
  };
  const byDevice = new Map<string, FolderInbox>();
  /** Scan folders that are not watched, with the reason (relative, a system folder, …). */
  const refused = new Map<string, FolderState>();
  let stopped = false;
  let syncing: Promise<void> = Promise.resolve();
  let rescanTimer: NodeJS.Timeout | null = null;
  const inbox: Inbox = {
    onClaim: null,
    stop,
    list: (q) => store.list(q),
    get: (id) => store.get(id),
    retryable: (rec) => isRetryable(rec, store.contentKept(rec.id)),
    retry,
    discard,
    rescanNow,
    folders: () => Object.fromEntries([...byDevice].map(([id, f]) => [id, f.folder])),
    folderStates: () => [
      ...[...byDevice].map(([id, f]) => ({ device_id: id, folder: f.folder, ok: f.problem === null, error: f.problem })),
      ...refused.values(),
    ],
  };

  async function syncNow(): Promise<void> {
    const wanted = new Map<string, string>();
    const used = new Set<string>();
    const before = new Map(refused);
    refused.clear();
    // Paused (tray menu, `inbox.paused`): no folder is watched, files wait in place; resuming takes them in order.
    const devices = ctx.settings().paused ? [] : ctx.devices.listFiscal();
    for (const d of devices) {
      const folder = d.config.scan_folder?.trim();
      if (!folder) continue;
      // Settings from before these rules (or edited by hand) may name a folder that must not be watched.
      const problem = await scanFolderProblem(folder, `scan_folder of ${d.config.name}`, { outputs: false });
      if (problem) {
        refused.set(d.config.id, { device_id: d.config.id, folder, ok: false, error: problem });
        if (before.get(d.config.id)?.error !== problem)
          ctx.logger.error({ device_id: d.config.id, folder }, `scan folder not watched: ${problem}`);
        continue;
      }
      const abs = resolve(folder);
      if (used.has(abs)) {
        ctx.logger.warn({ device_id: d.config.id, folder: abs }, 'scan folder already used by another device; ignored');
        continue;
      }
      used.add(abs);
      wanted.set(d.config.id, abs);
    }
    for (const [id, fi] of byDevice) {
      if (wanted.get(id) !== fi.folder) {
        byDevice.delete(id);
        await fi.stop();
      }
    }
    for (const [id, folder] of wanted) {
      if (stopped || byDevice.has(id)) continue;
      const fi = new FolderInbox(env, id, folder);
      fi.onClaim = (name) => inbox.onClaim?.(id, name);
      byDevice.set(id, fi);
      try {
        await fi.start();
      } catch (err) {
        ctx.logger.error({ err, device_id: id, folder }, 'cannot watch the scan folder');
        byDevice.delete(id);
        await fi.stop();
      }
    }
  }

  function sync(): Promise<void> {
    syncing = syncing.then(syncNow, syncNow);
    return syncing;
  }

  async function rescanNow(): Promise<void> {
    await sync();
    await Promise.all([...byDevice.values()].map((f) => f.scan()));
  }

  function schedule(): void {
    if (stopped) return;
    rescanTimer = setTimeout(() => {
      void rescanNow()
        .catch((err: unknown) => ctx.logger.error({ err }, 'inbox rescan failed'))
        .finally(schedule);
    }, ctx.settings().rescan_ms);
    rescanTimer.unref();
  }

  const offDevices = ctx.events.on('devices_changed', () => void sync());
  const offStatus = ctx.events.on('device_status', (e) => byDevice.get(e.device_id)?.wake());
  void sync().then(schedule, (err: unknown) => ctx.logger.error({ err }, 'inbox start failed'));

  running.set(ctx.db, inbox);

  async function stop(): Promise<void> {
    if (running.get(ctx.db) === inbox) running.delete(ctx.db);
    if (stopped) return;
    stopped = true;
    offDevices();
    offStatus();
    if (rescanTimer) clearTimeout(rescanTimer);
    await syncing.catch(() => undefined);
    await Promise.all([...byDevice.values()].map((f) => f.stop()));
    byDevice.clear();
  }

  const lang = () => env.lang();
  const msg = (ro: string, en: string) => (lang() === 'ro' ? ro : en);

  async function retry(id: string): Promise<InboxActionResult> {
    const rec = store.get(id);
    if (!rec) return { ok: false, status: 404, error: msg(`Fișier inexistent: ${id}`, `Inbox file not found: ${id}`) };
    if (rec.state === 'waiting') {
      const updated = store.update(id, { waiting_since: new Date().toISOString() });
      byDevice.get(rec.device_id)?.wake();
      return { ok: true, file: updated };
    }
    if (rec.state !== 'failed') {
      return {
        ok: false,
        status: 409,
        error: msg(
          `Doar fișierele eșuate sau în așteptare pot fi reîncercate (starea este ${rec.state}).`,
          `Only failed or waiting files can be retried (state is ${rec.state}).`,
        ),
      };
    }
    if (!isRetryable(rec, store.contentKept(id)) && store.contentKept(id)) {
      return {
        ok: false,
        status: 409,
        error: msg(
          'Fișierul a eșuat din cauza conținutului său; reîncercarea ar eșua la fel. Corectați fișierul și puneți-l din nou în dosar.',
          'The file failed because of its content; a retry would fail the same way. Correct the file and drop it in the folder again.',
        ),
      };
    }
    const content = store.content(id);
    if (content === null)
      return {
        ok: false,
        status: 409,
        error: msg('Originalul nu a fost păstrat (fișier prea mare).', 'The original was not kept (file too large).'),
      };
    const name = await uniqueName(rec.folder, '', rec.name, new Date());
    await writeAtomic(rec.folder, '', name, content);
    const updated = store.update(id, { state: 'discarded' });
    env.emit(updated);
    byDevice.get(rec.device_id)?.wake();
    return { ok: true, file: updated };
  }

  async function discard(id: string): Promise<InboxActionResult> {
    const rec = store.get(id);
    if (!rec) return { ok: false, status: 404, error: msg(`Fișier inexistent: ${id}`, `Inbox file not found: ${id}`) };
    if (rec.state === 'failed') {
      const updated = store.update(id, { state: 'discarded' });
      env.emit(updated);
      return { ok: true, file: updated };
    }
    if (rec.state === 'waiting') {
      byDevice.get(rec.device_id)?.discard(id);
      for (let i = 0; i < 100; i++) {
        const now = store.get(id);
        if (now && now.state !== 'waiting' && now.state !== 'processing') return { ok: true, file: now };
        await new Promise((r) => setTimeout(r, 50));
      }
      return { ok: true, file: store.get(id) as InboxFileRecord };
    }
    return {
      ok: false,
      status: 409,
      error: msg(
        `Doar fișierele eșuate sau în așteptare pot fi renunțate (starea este ${rec.state}).`,
        `Only failed or waiting files can be discarded (state is ${rec.state}).`,
      ),
    };
  }

  return inbox;
}
