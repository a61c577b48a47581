/**
 * What the Datecs front-end remembers besides the register itself:
 *   - the last answer, replayed when the host repeats the SEQ + command (datecs-protocol.md §3.5). A real register
 *     keeps it in RAM: a power cut loses it, and the resent command is executed again. `keepReplay` models a
 *     register that keeps it (battery-backed): it is then also written to `datecs-wire.json` in the state dir, so
 *     it survives a restart of the emulator process too;
 *   - the summer-time flag set with command 61 (` DST`), kept with the clock (non-volatile), always persisted.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WIRE_MEMORY_FILE = 'datecs-wire.json';

export interface ReplayEntry {
  seq: number;
  cmd: number;
  reply: Buffer;
}

interface OnDisk {
  dst?: boolean;
  last?: { seq: number; cmd: number; reply: string } | null;
}

export class WireMemory {
  private lastAnswer: ReplayEntry | null = null;
  private summerTime = false;

  constructor(
    private readonly dir: string | undefined,
    private keep: boolean,
  ) {
    const disk = this.read();
    this.summerTime = disk.dst === true;
    if (keep && disk.last) this.lastAnswer = { seq: disk.last.seq, cmd: disk.last.cmd, reply: Buffer.from(disk.last.reply, 'base64') };
  }

  get last(): ReplayEntry | null {
    return this.lastAnswer;
  }

  get dst(): boolean {
    return this.summerTime;
  }

  get keepReplay(): boolean {
    return this.keep;
  }

  set keepReplay(on: boolean) {
    this.keep = on;
    this.write();
  }

  remember(e: ReplayEntry): void {
    this.lastAnswer = e;
    if (this.keep) this.write();
  }

  setDst(on: boolean): void {
    if (on === this.summerTime) return;
    this.summerTime = on;
    this.write();
  }

  /** The register lost power: RAM is gone unless the replay memory is kept. */
  powerLoss(): void {
    if (!this.keep) this.lastAnswer = null;
  }

  private read(): OnDisk {
    if (this.dir === undefined) return {};
    const path = join(this.dir, WIRE_MEMORY_FILE);
    if (!existsSync(path)) return {};
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as OnDisk;
    } catch {
      return {}; // unreadable: start with nothing remembered, as after a power loss
    }
  }

  private write(): void {
    if (this.dir === undefined) return;
    const path = join(this.dir, WIRE_MEMORY_FILE);
    const last = this.keep && this.lastAnswer ? { seq: this.lastAnswer.seq, cmd: this.lastAnswer.cmd, reply: this.lastAnswer.reply.toString('base64') } : null;
    const body: OnDisk = { dst: this.summerTime, last };
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, path);
  }
}
