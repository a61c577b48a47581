/**
 * Faults the Caspos emulator can be told to show (tests, integrators): the printer disconnected, a code answered
 * instead of executing (503, 504, 604, …), the session token expired (→ 401), slow answers, and an answer lost after
 * the device executed the request (connection dropped, or no answer at all). In memory only, like the Datecs
 * emulator's wire faults.
 */
export interface ForcedCode {
  code: number;
  message?: string;
  /** How many requests get it (default 1). */
  count?: number;
  /** Only these operations (default: any but toLogin/toLogout). */
  operations?: string[];
}

export interface LostAnswer {
  /** 'drop': close the connection without an answer; 'hang': keep it open and never answer. */
  mode: 'drop' | 'hang';
  count?: number;
  operations?: string[];
}

export interface FaultSpec {
  printer_connected?: boolean;
  force?: ForcedCode | null;
  lose_answer?: LostAnswer | null;
  /** Answer this much later (after executing); with `delay_operations`, only for those. */
  delay_ms?: number;
  delay_operations?: string[] | null;
}

const SESSION_OPS = new Set(['toLogin', 'toLogout']);

const applies = (ops: string[] | undefined | null, op: string): boolean =>
  ops && ops.length ? ops.includes(op) : !SESSION_OPS.has(op);

export class CasposFaults {
  printerConnected = true;
  #force: ForcedCode | null = null;
  #lose: LostAnswer | null = null;
  delayMs = 0;
  delayOperations: string[] | null = null;

  set(spec: FaultSpec): void {
    if (spec.printer_connected !== undefined) this.printerConnected = spec.printer_connected;
    if (spec.force !== undefined) this.#force = spec.force ? { count: 1, ...spec.force } : null;
    if (spec.lose_answer !== undefined) this.#lose = spec.lose_answer ? { count: 1, ...spec.lose_answer } : null;
    if (spec.delay_ms !== undefined) this.delayMs = spec.delay_ms;
    if (spec.delay_operations !== undefined) this.delayOperations = spec.delay_operations;
  }

  clear(): void {
    this.printerConnected = true;
    this.#force = null;
    this.#lose = null;
    this.delayMs = 0;
    this.delayOperations = null;
  }

  /** The code to answer instead of executing `op`, consuming one use. */
  takeForced(op: string): ForcedCode | null {
    const f = this.#force;
    if (!f || !applies(f.operations, op)) return null;
    f.count = (f.count ?? 1) - 1;
    if (f.count <= 0) this.#force = null;
    return f;
  }

  /** Whether the answer to `op` (already executed) is to be lost, consuming one use. */
  takeLost(op: string): LostAnswer['mode'] | null {
    const l = this.#lose;
    if (!l || !applies(l.operations, op)) return null;
    l.count = (l.count ?? 1) - 1;
    if (l.count <= 0) this.#lose = null;
    return l.mode;
  }

  delayFor(op: string): number {
    return this.delayMs > 0 && applies(this.delayOperations, op) ? this.delayMs : 0;
  }

  view(): Record<string, unknown> {
    return {
      printer_connected: this.printerConnected,
      force: this.#force,
      lose_answer: this.#lose,
      delay_ms: this.delayMs,
      delay_operations: this.delayOperations,
    };
  }
}
