/**
 * The register's own files in its state directory (apart from the hub's journal):
 *   state.json    counters, period totals, open receipt, clock offset — replaced atomically (temp + rename)
 *   journal.jsonl the electronic journal, append-only, one JSON entry per document, fsync'ed
 *
 * Write order for a document: journal entry first (it carries the state after the document), then state.json.
 * On load, journal entries newer than state.json's `ej_seq` win: a crash between the two writes loses nothing.
 * A torn last journal line (crash mid-append) is cut off. `stateDir` undefined = memory only.
 *
 * Retention: documents older than `retentionDays` (default 90) are dropped from journal.jsonl — at load and then at
 * most once a day, by rewriting the file (temp + fsync + rename). Z reports (the fiscal memory, never erased on a real
 * register) and the newest entry (state recovery) are always kept. The journal is read from the file when asked
 * (journal copies, reports), so it does not also live in memory.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, truncateSync, writeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseJournal, type JournalEntry } from './electronic-journal.js';
import { isRegisterState, type RegisterState } from './register-state.js';

export const STATE_FILE = 'state.json';
export const JOURNAL_FILE = 'journal.jsonl';

export interface LoadedRegister {
  state: RegisterState | null;
  entries: JournalEntry[];
  /** What recovery did, for logs and tests. */
  recovered: { torn_journal_bytes: number; state_from_journal: boolean };
}

export interface RegisterStoreOptions {
  /** Days documents stay in journal.jsonl (default 90). */
  retentionDays?: number;
  now?: () => Date;
}

const DAY_MS = 86_400_000;

export class RegisterStore {
  readonly #retentionMs: number;
  readonly #now: () => Date;
  /** Memory-only registers (no dir) keep their journal here. */
  readonly #memory: JournalEntry[] = [];
  /** When the oldest document of the file was printed (ms), to know when a prune is due without reading it. */
  #oldestAt: number | null = null;
  #lastPruneAt = 0;

  constructor(
    readonly dir: string | undefined,
    o: RegisterStoreOptions = {},
  ) {
    this.#retentionMs = Math.max(1, o.retentionDays ?? 90) * DAY_MS;
    this.#now = o.now ?? (() => new Date());
    if (dir !== undefined) mkdirSync(dir, { recursive: true });
  }

  /** Every journal entry still kept, oldest first (read from journal.jsonl). */
  readEntries(): JournalEntry[] {
    if (this.dir === undefined) return [...this.#memory];
    const path = join(this.dir, JOURNAL_FILE);
    if (!existsSync(path)) return [];
    return parseJournal(readFileSync(path, 'utf8')).entries;
  }

  /**
   * Drop documents older than the retention (Z reports and the newest entry stay). Returns how many went.
   * Called by load() and appendEntry(); public for tests and tools.
   */
  prune(): number {
    const cutoff = this.#now().getTime() - this.#retentionMs;
    this.#lastPruneAt = this.#now().getTime();
    const entries = this.readEntries();
    const keep = entries.filter((e, i) => e.fm !== undefined || i === entries.length - 1 || docTime(e) >= cutoff);
    this.#oldestAt = keep.length > 0 ? Math.min(...keep.filter((e) => e.fm === undefined).map(docTime), Infinity) : null;
    if (this.#oldestAt === Infinity) this.#oldestAt = null;
    const removed = entries.length - keep.length;
    if (removed === 0) return 0;
    if (this.dir === undefined) {
      this.#memory.splice(0, this.#memory.length, ...keep);
      return removed;
    }
    const path = join(this.dir, JOURNAL_FILE);
    const tmp = `${path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, keep.map((e) => JSON.stringify(e) + '\n').join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    return removed;
  }

  /** A prune is due when the oldest document passed the retention, checked at most once a day. */
  #pruneIfDue(): void {
    const now = this.#now().getTime();
    if (this.#oldestAt === null || now - this.#oldestAt < this.#retentionMs) return;
    if (now - this.#lastPruneAt < DAY_MS) return;
    this.prune();
  }

  load(): LoadedRegister {
    const recovered = { torn_journal_bytes: 0, state_from_journal: false };
    if (this.dir === undefined) return { state: null, entries: [], recovered };
    const journalPath = join(this.dir, JOURNAL_FILE);
    let entries: JournalEntry[] = [];
    if (existsSync(journalPath)) {
      const raw = readFileSync(journalPath);
      const parsed = parseJournal(raw.toString('utf8'));
      entries = parsed.entries;
      if (parsed.validBytes < raw.length) {
        recovered.torn_journal_bytes = raw.length - parsed.validBytes;
        truncateSync(journalPath, parsed.validBytes);
      }
    }
    if (entries.length > 0 && this.prune() > 0) entries = this.readEntries();
    let state = this.readState();
    const last = entries[entries.length - 1];
    if (last && (state === null || state.ej_seq < last.seq)) {
      state = structuredClone(last.state);
      recovered.state_from_journal = true;
      this.writeState(state);
    }
    return { state, entries, recovered };
  }

  private readState(): RegisterState | null {
    if (this.dir === undefined) return null;
    const path = join(this.dir, STATE_FILE);
    if (!existsSync(path)) return null;
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return isRegisterState(parsed) ? parsed : null;
    } catch {
      return null; // unreadable state: rebuilt from the journal (or a fresh register when there is none)
    }
  }

  appendEntry(entry: JournalEntry): void {
    if (entry.fm === undefined) this.#oldestAt ??= docTime(entry);
    if (this.dir === undefined) {
      this.#memory.push(entry);
      this.#pruneIfDue();
      return;
    }
    const fd = openSync(join(this.dir, JOURNAL_FILE), 'a');
    try {
      writeSync(fd, JSON.stringify(entry) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.#pruneIfDue();
  }

  /**
   * Replace state.json atomically (temp file + rename). `sync` also fsyncs it: used at document boundaries. Writes
   * inside a receipt skip the fsync — a killed process loses nothing either way (the page cache outlives it); after a
   * power cut an unreadable state is rebuilt from the fsync'ed journal.
   */
  writeState(state: RegisterState, sync = true): void {
    if (this.dir === undefined) return;
    const path = join(this.dir, STATE_FILE);
    const tmp = `${path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify(state));
      if (sync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  }
}

/** When a document was printed (the register's local clock), ms. Unreadable dates count as now (kept). */
function docTime(e: JournalEntry): number {
  const t = Date.parse(e.doc.datetime);
  return Number.isNaN(t) ? Date.now() : t;
}
