/**
 * A size-rotated log file for pino: `<dir>/fiscool.log`, renamed to `fiscool.1.log` … `fiscool.<keep>.log` when it
 * passes `maxBytes` (the oldest is dropped). Writes are synchronous appends: log volume is small and a line written
 * before a crash must be on disk for the support bundle.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FILE = 'fiscool.log';

export interface RotatingFileOptions {
  dir: string;
  /** Rotate when the current file reaches this size (default 5 MiB). */
  maxBytes?: number;
  /** Rotated files kept besides the current one (default 4). */
  keep?: number;
}

export class RotatingFile {
  readonly dir: string;
  readonly #maxBytes: number;
  readonly #keep: number;
  #fd: number;
  #size: number;

  constructor(o: RotatingFileOptions) {
    this.dir = o.dir;
    this.#maxBytes = o.maxBytes ?? 5 * 1024 * 1024;
    this.#keep = o.keep ?? 4;
    mkdirSync(o.dir, { recursive: true });
    this.#fd = openSync(this.path(0), 'a');
    this.#size = fstatSync(this.#fd).size;
  }

  /** `fiscool.log` for 0, `fiscool.<n>.log` for the rotated ones (1 = the most recent). */
  path(n: number): string {
    return join(this.dir, n === 0 ? LOG_FILE : `fiscool.${n}.log`);
  }

  write(chunk: string): boolean {
    const bytes = Buffer.byteLength(chunk);
    if (this.#size > 0 && this.#size + bytes > this.#maxBytes) this.#rotate();
    writeSync(this.#fd, chunk);
    this.#size += bytes;
    return true;
  }

  #rotate(): void {
    closeSync(this.#fd);
    const oldest = this.path(this.#keep);
    if (existsSync(oldest)) rmSync(oldest, { force: true });
    for (let n = this.#keep - 1; n >= 0; n--) if (existsSync(this.path(n))) renameSync(this.path(n), this.path(n + 1));
    this.#fd = openSync(this.path(0), 'a');
    this.#size = 0;
  }

  /** The log files present, newest first. */
  files(): string[] {
    const out: string[] = [];
    for (let n = 0; n <= this.#keep; n++) if (existsSync(this.path(n))) out.push(this.path(n));
    return out;
  }

  close(): void {
    closeSync(this.#fd);
  }
}
