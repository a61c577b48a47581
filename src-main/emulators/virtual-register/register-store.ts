/**
 * The register's own files in its state directory (apart from the hub's journal):
 *   state.json    counters, period totals, open receipt, clock offset — replaced atomically (temp + rename)
 *   journal.jsonl the electronic journal, append-only, one JSON entry per document, fsync'ed
 *
 * Write order for a document: journal entry first (it carries the state after the document), then state.json.
 * On load, journal entries newer than state.json's `ej_seq` win: a crash between the two writes loses nothing.
 * A torn last journal line (crash mid-append) is cut off. `stateDir` undefined = memory only.
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

export class RegisterStore {
  constructor(readonly dir: string | undefined) {
    if (dir !== undefined) mkdirSync(dir, { recursive: true });
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
    if (this.dir === undefined) return;
    const fd = openSync(join(this.dir, JOURNAL_FILE), 'a');
    try {
      writeSync(fd, JSON.stringify(entry) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
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
