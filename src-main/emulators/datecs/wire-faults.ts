/**
 * Wire-level fault injection for the Datecs emulator: NAK storms, dropped and garbled answers, disconnects and
 * paper running out, each armed to fire on the Nth request of a given command (counted from injection).
 */

export type WireFaultKind = 'nak' | 'drop' | 'garble' | 'disconnect' | 'paper_out';

export interface WireFault {
  kind: WireFaultKind;
  /** Fire on a request with this command code (any command when absent). */
  cmd?: number;
  /** Fire on the Nth matching new request (default 1 = the next one). */
  occurrence?: number;
  /** nak/drop/garble: how many consecutive packets are affected, counting the host's resends (default 1). */
  count?: number;
  /** paper_out: the paper runs out at this printed line, counted from the trigger (default 1). */
  at_line?: number;
  /** disconnect: how long the register stays unreachable, ms (default 300). */
  duration_ms?: number;
  /** disconnect: execute the command first, then drop the link (default true: the worst case). */
  execute?: boolean;
}

interface Armed {
  fault: WireFault;
  left: number;
}

export interface FiredFaults {
  nak: boolean;
  drop: boolean;
  garble: boolean;
  disconnect: { durationMs: number; execute: boolean } | null;
  paperOutAtLine: number | null;
}

export class WireFaultPlan {
  private armed: Armed[] = [];
  private nakLeft = 0;
  private dropLeft = 0;
  private garbleLeft = 0;

  inject(f: WireFault): void {
    this.armed.push({ fault: f, left: f.occurrence ?? 1 });
  }

  clear(): void {
    this.armed = [];
    this.nakLeft = this.dropLeft = this.garbleLeft = 0;
  }

  get pending(): number {
    return this.armed.length + this.nakLeft + this.dropLeft + this.garbleLeft;
  }

  /** Called for every request packet; `isNew` is false for a resend (same SEQ and command). */
  onRequest(cmd: number, isNew: boolean): FiredFaults {
    const fired: FiredFaults = { nak: false, drop: false, garble: false, disconnect: null, paperOutAtLine: null };
    if (isNew) {
      for (const a of [...this.armed]) {
        if (a.fault.cmd !== undefined && a.fault.cmd !== cmd) continue;
        a.left--;
        if (a.left > 0) continue;
        this.armed.splice(this.armed.indexOf(a), 1);
        const n = a.fault.count ?? 1;
        if (a.fault.kind === 'nak') this.nakLeft += n;
        if (a.fault.kind === 'drop') this.dropLeft += n;
        if (a.fault.kind === 'garble') this.garbleLeft += n;
        if (a.fault.kind === 'disconnect') fired.disconnect = { durationMs: a.fault.duration_ms ?? 300, execute: a.fault.execute ?? true };
        if (a.fault.kind === 'paper_out') fired.paperOutAtLine = a.fault.at_line ?? 1;
      }
    }
    if (this.nakLeft > 0) {
      this.nakLeft--;
      fired.nak = true;
      return fired;
    }
    if (this.dropLeft > 0) {
      this.dropLeft--;
      fired.drop = true;
    } else if (this.garbleLeft > 0) {
      this.garbleLeft--;
      fired.garble = true;
    }
    return fired;
  }
}

/** Flip one bit near the end of a packet so its BCC no longer matches. */
export function garble(frame: Buffer): Buffer {
  const out = Buffer.from(frame);
  const i = Math.max(1, out.length - 7);
  out[i] = (out[i] ?? 0) ^ 0x01;
  return out;
}
