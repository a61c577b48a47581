/**
 * One watched scan folder (one fiscal device): detect (chokidar events + start-up scan + slow rescan) → settle
 * (size and mtime unchanged for settle_ms) → claim (rename to `.processing`) → a FIFO worker that runs each file's
 * lifecycle in order. At start, `.processing` files left by a crash are taken first and reconciled.
 */
import { promises as fsp } from 'node:fs';
import { basename, extname, join } from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';
import type { InboxEnv } from './context.js';
import { settleOrphan } from './finish.js';
import { PROCESSING, exists, outputsOutside } from './fs-safe.js';
import { Abandoned, processFile, type Control, type Finish } from './process-file.js';

/** How long an empty file must stay empty before it is taken (as an empty file, which fails). */
const EMPTY_FILE_MS = 2000;

interface Observation {
  size: number;
  mtimeMs: number;
  timer: NodeJS.Timeout;
}

export class FolderInbox {
  readonly #env: InboxEnv;
  readonly device_id: string;
  readonly folder: string;
  readonly #queue: string[] = [];
  /** Names claimed (queued or being processed). */
  readonly #taken = new Set<string>();
  readonly #settling = new Map<string, Observation>();
  readonly #discarded = new Set<string>();
  #watcher: FSWatcher | null = null;
  #stopped = false;
  #signalStop: () => void = () => undefined;
  readonly #stopping = new Promise<void>((resolve) => {
    this.#signalStop = resolve;
  });
  #wake: (() => void) | null = null;
  #loop: Promise<void> | null = null;
  #finishing: Promise<void> = Promise.resolve();
  /** Pickup hook for benches/tests: called right after a claim. */
  onClaim: ((name: string) => void) | null = null;
  /** Why files are not taken now (an output folder leads outside the scan folder), or null. */
  problem: string | null = null;

  constructor(env: InboxEnv, device_id: string, folder: string) {
    this.#env = env;
    this.device_id = device_id;
    this.folder = folder;
  }

  async start(): Promise<void> {
    await fsp.mkdir(this.folder, { recursive: true });
    // Records whose claimed file is gone: an interrupted finish, or someone removed the file.
    for (const rec of this.#env.store.active(this.device_id)) {
      if (rec.folder === this.folder && !(await exists(join(rec.folder, rec.name + PROCESSING))))
        await settleOrphan(this.#env, rec);
    }
    const entries = await fsp.readdir(this.folder, { withFileTypes: true });
    const leftovers = entries.filter(
      (e) => e.isFile() && e.name.endsWith(PROCESSING) && e.name.length > PROCESSING.length,
    );
    const withTimes = await Promise.all(
      leftovers.map(async (e) => ({
        name: e.name.slice(0, -PROCESSING.length),
        mtime: (await fsp.stat(join(this.folder, e.name))).mtimeMs,
      })),
    );
    withTimes.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name));
    for (const l of withTimes) this.#enqueue(l.name);
    this.#watcher = chokidar.watch(this.folder, {
      depth: 0,
      ignoreInitial: true,
      ignored: (p: string) => p !== this.folder && !this.#candidate(basename(p)),
    });
    this.#watcher.on('add', (p: string) => this.#observe(basename(p)));
    this.#watcher.on('change', (p: string) => this.#observe(basename(p), true));
    this.#watcher.on('error', (err: unknown) =>
      this.#env.logger.warn({ err, folder: this.folder }, 'scan folder watcher error'),
    );
    this.#loop = this.#run();
    await this.scan();
  }

  #candidate(name: string): boolean {
    if (name.startsWith('.') || name.endsWith(PROCESSING)) return false;
    const ext = extname(name).toLowerCase();
    return this.#env.settings().extensions.some((e) => e.toLowerCase() === ext);
  }

  /** Look at every candidate in the folder (start-up and the slow rescan: events get lost on network shares). */
  async scan(): Promise<void> {
    if (this.#stopped) return;
    let names: string[];
    try {
      names = await fsp.readdir(this.folder);
    } catch (err) {
      this.#env.logger.warn({ err, folder: this.folder }, 'cannot read the scan folder');
      await fsp.mkdir(this.folder, { recursive: true }).catch(() => undefined);
      return;
    }
    for (const n of names.sort()) if (this.#candidate(n)) this.#observe(n);
  }

  /** A file was seen (event or scan). A change while it settles restarts its quiet period. */
  #observe(name: string, changed = false): void {
    if (this.#stopped || this.#taken.has(name)) return;
    const settling = this.#settling.get(name);
    if (settling) {
      if (!changed) return;
      clearTimeout(settling.timer);
      this.#settling.delete(name);
    }
    void this.#check(name, null);
  }

  async #check(name: string, prev: { size: number; mtimeMs: number; at: number } | null): Promise<void> {
    this.#settling.delete(name);
    if (this.#stopped) return;
    let st;
    try {
      st = await fsp.lstat(join(this.folder, name));
    } catch {
      return; // gone (taken by someone else, or moved)
    }
    if (!st.isFile()) return;
    const settle = this.#env.settings().settle_ms;
    // An empty file is usually a writer that created it and has not written yet: give it longer.
    const quiet = st.size === 0 ? Math.max(settle, EMPTY_FILE_MS) : settle;
    if (prev && prev.size === st.size && prev.mtimeMs === st.mtimeMs && Date.now() - prev.at >= quiet) {
      await this.#claim(name);
      return;
    }
    const obs =
      prev && prev.size === st.size && prev.mtimeMs === st.mtimeMs
        ? prev
        : { size: st.size, mtimeMs: st.mtimeMs, at: Date.now() };
    const timer = setTimeout(
      () => void this.#check(name, obs),
      Math.max(1, Math.min(quiet, quiet - (Date.now() - obs.at))),
    );
    this.#settling.set(name, { ...obs, timer });
  }

  /** Output folders that lead outside (links on a shared folder) stop the folder: nothing is taken, nothing prints. */
  async #outputsSafe(): Promise<boolean> {
    const outside = await outputsOutside(this.folder);
    const problem =
      outside.length === 0
        ? null
        : this.#env.lang() === 'ro'
          ? `${outside.join(', ')} duce în afara dosarului de scanare (o legătură simbolică?): nu se ia niciun fișier până nu devine un dosar obișnuit.`
          : `${outside.join(', ')} leads outside the scan folder (a symbolic link?): no file is taken until it is a plain folder again.`;
    if (problem !== this.problem) {
      if (problem) this.#env.logger.error({ folder: this.folder, outputs: outside }, 'scan folder refused: output folder outside it');
      else if (this.problem) this.#env.logger.info({ folder: this.folder }, 'scan folder outputs are plain folders again');
    }
    this.problem = problem;
    return problem === null;
  }

  async #claim(name: string): Promise<void> {
    if (this.#stopped || this.#taken.has(name)) return;
    if (!(await this.#outputsSafe())) return; // the next rescan looks again
    const from = join(this.folder, name);
    const to = from + PROCESSING;
    if (await exists(to)) return; // an earlier file of the same name is still in progress; the rescan comes back
    try {
      await fsp.rename(from, to);
    } catch (err) {
      // ENOENT: someone else has it. Anything else (a Windows writer still holding it open…): look again shortly.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !this.#stopped) {
        const timer = setTimeout(() => void this.#check(name, null), Math.max(50, this.#env.settings().settle_ms));
        this.#settling.set(name, { size: -1, mtimeMs: -1, timer });
      }
      return;
    }
    this.onClaim?.(name);
    this.#enqueue(name);
  }

  #enqueue(name: string): void {
    this.#taken.add(name);
    this.#queue.push(name);
    this.wake();
  }

  wake(): void {
    const w = this.#wake;
    this.#wake = null;
    w?.();
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.#wake = null;
        resolve();
      }, ms);
      this.#wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  readonly #control: Control = {
    stopped: () => this.#stopped,
    discarded: (id) => this.#discarded.has(id),
    sleep: (ms) => this.#sleep(ms),
    stopping: this.#stopping,
  };

  discard(id: string): void {
    this.#discarded.add(id);
    this.wake();
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      const name = this.#queue[0];
      if (name === undefined) {
        await this.#sleep(60_000);
        continue;
      }
      if (!(await this.#outputsSafe())) {
        await this.#sleep(this.#env.settings().rescan_ms);
        continue;
      }
      const path = join(this.folder, name + PROCESSING);
      let finish: Finish | null = null;
      try {
        const bytes = await fsp.readFile(path);
        finish = await processFile(
          this.#env,
          this.device_id,
          { folder: this.folder, name, path, bytes },
          this.#control,
        );
      } catch (err) {
        if (err instanceof Abandoned || this.#stopped) return;
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
          this.#env.logger.error(
            { err, file: name, folder: this.folder },
            'inbox file failed unexpectedly; will retry',
          );
          await this.#sleep(this.#env.settings().rescan_ms);
          continue;
        }
      }
      this.#queue.shift();
      if (finish === null) {
        this.#taken.delete(name);
        continue;
      }
      // The finish (answer file, moves, journal) overlaps with the next file; finishes stay in order.
      const run = finish;
      this.#finishing = this.#finishing.then(async () => {
        try {
          await run();
          this.#taken.delete(name);
        } catch (err) {
          if (this.#stopped) return;
          this.#env.logger.error({ err, file: name, folder: this.folder }, 'cannot finish the inbox file; will retry');
          setTimeout(() => {
            if (this.#stopped) return;
            this.#queue.push(name);
            this.wake();
          }, this.#env.settings().rescan_ms).unref();
        }
      });
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#signalStop();
    for (const o of this.#settling.values()) clearTimeout(o.timer);
    this.#settling.clear();
    this.wake();
    await this.#watcher?.close();
    await this.#loop;
    await this.#finishing;
  }
}
