/**
 * Wire-level fault injection for the Datecs emulator, each fault armed to fire on the Nth new request of a given
 * command (counted from injection; resends of the same SEQ + command are not new requests):
 *   nak         answer NAK to `count` packets (resends included): a NAK storm
 *   drop        execute, then lose `count` answers (the first and the replays of the host's resends)
 *   garble      execute, then flip a bit in `count` answers (bad BCC)
 *   noise       execute, then send `bytes` random bytes before each of `count` answers
 *   slow        execute, then answer `delay_ms` late, `count` times (`syn`: SYN every 60 ms meanwhile, as a
 *               register printing a long receipt; without it the host times out and resends)
 *   disconnect  (execute, then) drop the link for `duration_ms`; the register keeps its power (replay memory kept)
 *   power_cut   (execute, then) lose power for `duration_ms` before answering: the link drops, nothing is
 *               answered, the register restarts from its own files; the replay memory is lost unless kept
 *   paper_out   the paper runs out at the `at_line`-th printed line from the trigger
 *   cover_open  the cover is opened at the `at_line`-th printed line from the trigger
 * `parseWireFault` validates a fault given as JSON (control port) and names the field that is wrong.
 */

export const WIRE_FAULT_KINDS = ['nak', 'drop', 'garble', 'noise', 'slow', 'disconnect', 'power_cut', 'paper_out', 'cover_open'] as const;
export type WireFaultKind = (typeof WIRE_FAULT_KINDS)[number];

export interface WireFault {
  kind: WireFaultKind;
  /** Fire on a request with this command code (any command when absent). */
  cmd?: number;
  /** Fire on the Nth matching new request (default 1 = the next one). */
  occurrence?: number;
  /** nak/drop/garble/noise/slow: how many consecutive packets are affected, counting the host's resends (default 1). */
  count?: number;
  /** paper_out/cover_open: the fault happens at this printed line, counted from the trigger (default 1). */
  at_line?: number;
  /** disconnect/power_cut: how long the register stays unreachable, ms (default 300). */
  duration_ms?: number;
  /** disconnect/power_cut: execute the command first, then drop the link (default true: the worst case). */
  execute?: boolean;
  /** slow: extra delay before the answer, ms (default 1000). */
  delay_ms?: number;
  /** slow: send SYN every 60 ms during the delay (default false). */
  syn?: boolean;
  /** noise: how many garbage bytes precede the answer (default 8). */
  bytes?: number;
}

interface Armed {
  fault: WireFault;
  left: number;
}

export interface FiredFaults {
  nak: boolean;
  drop: boolean;
  garble: boolean;
  /** Garbage bytes to send before the answer (0 = none). */
  noise: number;
  slow: { delayMs: number; syn: boolean } | null;
  disconnect: { durationMs: number; execute: boolean } | null;
  powerCut: { durationMs: number; execute: boolean } | null;
  paperOutAtLine: number | null;
  coverOpenAtLine: number | null;
}

const noFaults = (): FiredFaults => ({
  nak: false,
  drop: false,
  garble: false,
  noise: 0,
  slow: null,
  disconnect: null,
  powerCut: null,
  paperOutAtLine: null,
  coverOpenAtLine: null,
});

export class WireFaultPlan {
  private armed: Armed[] = [];
  private nakLeft = 0;
  private dropLeft = 0;
  private garbleLeft = 0;
  private noise: { left: number; bytes: number } = { left: 0, bytes: 0 };
  private slow: { left: number; delayMs: number; syn: boolean } = { left: 0, delayMs: 0, syn: false };
  /** Faults that fired so far, per kind (for the chaos harness's figures). */
  readonly fired: Record<WireFaultKind, number> = Object.fromEntries(WIRE_FAULT_KINDS.map((k) => [k, 0])) as Record<WireFaultKind, number>;

  inject(f: WireFault): void {
    this.armed.push({ fault: f, left: f.occurrence ?? 1 });
  }

  clear(): void {
    this.armed = [];
    this.nakLeft = this.dropLeft = this.garbleLeft = 0;
    this.noise = { left: 0, bytes: 0 };
    this.slow = { left: 0, delayMs: 0, syn: false };
  }

  /** Faults armed or still firing. */
  get pending(): number {
    return this.armed.length + this.nakLeft + this.dropLeft + this.garbleLeft + this.noise.left + this.slow.left;
  }

  /** Called for every request packet; `isNew` is false for a resend (same SEQ and command). */
  onRequest(cmd: number, isNew: boolean): FiredFaults {
    const fired = noFaults();
    if (isNew) {
      for (const a of [...this.armed]) {
        if (a.fault.cmd !== undefined && a.fault.cmd !== cmd) continue;
        a.left--;
        if (a.left > 0) continue;
        this.armed.splice(this.armed.indexOf(a), 1);
        this.arm(a.fault, fired);
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
    if (this.noise.left > 0) {
      this.noise.left--;
      fired.noise = this.noise.bytes;
    }
    if (this.slow.left > 0) {
      this.slow.left--;
      fired.slow = { delayMs: this.slow.delayMs, syn: this.slow.syn };
    }
    return fired;
  }

  private arm(f: WireFault, fired: FiredFaults): void {
    const n = f.count ?? 1;
    this.fired[f.kind]++;
    switch (f.kind) {
      case 'nak':
        this.nakLeft += n;
        break;
      case 'drop':
        this.dropLeft += n;
        break;
      case 'garble':
        this.garbleLeft += n;
        break;
      case 'noise':
        this.noise = { left: this.noise.left + n, bytes: f.bytes ?? 8 };
        break;
      case 'slow':
        this.slow = { left: this.slow.left + n, delayMs: f.delay_ms ?? 1000, syn: f.syn ?? false };
        break;
      case 'disconnect':
        fired.disconnect = { durationMs: f.duration_ms ?? 300, execute: f.execute ?? true };
        break;
      case 'power_cut':
        fired.powerCut = { durationMs: f.duration_ms ?? 300, execute: f.execute ?? true };
        break;
      case 'paper_out':
        fired.paperOutAtLine = f.at_line ?? 1;
        break;
      case 'cover_open':
        fired.coverOpenAtLine = f.at_line ?? 1;
        break;
    }
  }
}

/** Flip one bit near the end of a packet so its BCC no longer matches. */
export function garble(frame: Buffer): Buffer {
  const out = Buffer.from(frame);
  const i = Math.max(1, out.length - 7);
  out[i] = (out[i] ?? 0) ^ 0x01;
  return out;
}

/** `n` garbage bytes from a small deterministic generator (xorshift, seeded by `seed`), no SYN/NAK among them. */
export function noiseBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed | 0 || 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    let b = x & 0xff;
    if (b === 0x15 || b === 0x16) b ^= 0x40; // a stray NAK/SYN would be a different fault
    out[i] = b;
  }
  return out;
}

const INT_FIELDS = ['cmd', 'occurrence', 'count', 'at_line', 'duration_ms', 'delay_ms', 'bytes'] as const;

/** Validate a fault given as JSON; throws an Error naming the offending field. */
export function parseWireFault(json: string): WireFault {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    throw new Error(`fault: not JSON: ${json}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('fault: expected a JSON object');
  const o = v as Record<string, unknown>;
  if (!WIRE_FAULT_KINDS.includes(o.kind as WireFaultKind)) {
    throw new Error(`fault.kind: unknown fault kind ${JSON.stringify(o.kind)} (one of ${WIRE_FAULT_KINDS.join(', ')})`);
  }
  const known = new Set<string>(['kind', 'execute', 'syn', ...INT_FIELDS]);
  for (const k of Object.keys(o)) if (!known.has(k)) throw new Error(`fault.${k}: unknown field`);
  for (const k of INT_FIELDS) {
    const x = o[k];
    if (x === undefined) continue;
    const min = k === 'cmd' || k === 'duration_ms' || k === 'delay_ms' ? 0 : 1;
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > 0xffff_ffff) throw new Error(`fault.${k}: must be an integer ≥ ${min}`);
  }
  for (const k of ['execute', 'syn'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') throw new Error(`fault.${k}: must be true or false`);
  }
  return o as unknown as WireFault;
}
