/**
 * The register's injectable faults and its printer: paper (runs out at a planned line, "near end" shortly before),
 * cover, and the link. In memory only: a restarted register starts with paper loaded, cover closed, link up.
 */
import { RegisterError, type ActiveFaults, type FaultPlan, type RegisterStatus } from './register-api.js';

/** Paper status becomes "near_end" when this few lines are left before a planned paper-out. */
export const NEAR_END_LINES = 30;

export class RegisterFaults {
  private paperOut = false;
  private linesUntilOut: number | null = null;
  private coverOpen = false;
  private linesUntilCoverOpen: number | null = null;
  private disconnected = false;
  private readonly listeners = new Set<(f: ActiveFaults) => void>();

  inject(plan: FaultPlan): void {
    if (plan.paper_out_at_line !== undefined) {
      if (!Number.isInteger(plan.paper_out_at_line) || plan.paper_out_at_line < 1) {
        throw new RegisterError('INVALID_VALUE', 'paper_out_at_line must be a positive integer');
      }
      this.linesUntilOut = plan.paper_out_at_line;
    }
    if (plan.cover_open_at_line !== undefined) {
      if (!Number.isInteger(plan.cover_open_at_line) || plan.cover_open_at_line < 1) {
        throw new RegisterError('INVALID_VALUE', 'cover_open_at_line must be a positive integer');
      }
      this.linesUntilCoverOpen = plan.cover_open_at_line;
    }
    if (plan.cover_open !== undefined) this.coverOpen = plan.cover_open;
    if (plan.disconnected !== undefined) this.disconnected = plan.disconnected;
    this.notify();
  }

  loadPaper(): void {
    this.paperOut = false;
    this.linesUntilOut = null;
    this.notify();
  }

  closeCover(): void {
    this.coverOpen = false;
    this.linesUntilCoverOpen = null;
    this.notify();
  }

  reconnect(): void {
    this.disconnected = false;
    this.notify();
  }

  get coverIsOpen(): boolean {
    return this.coverOpen;
  }

  active(): ActiveFaults {
    return { paper_out: this.paperOut, lines_until_paper_out: this.linesUntilOut, cover_open: this.coverOpen, disconnected: this.disconnected };
  }

  paper(): RegisterStatus['paper'] {
    if (this.paperOut) return 'out';
    return this.linesUntilOut !== null && this.linesUntilOut <= NEAR_END_LINES ? 'near_end' : 'ok';
  }

  onChange(listener: (f: ActiveFaults) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ensureConnected(): void {
    if (this.disconnected) throw new RegisterError('DISCONNECTED', 'the register does not answer');
  }

  /** Print `count` lines: refused while the cover is open or the paper is out; the paper runs out at the planned line. */
  print(count: number): void {
    if (this.coverOpen) throw new RegisterError('COVER_OPEN', 'the printer cover is open');
    if (this.paperOut) throw new RegisterError('PAPER_OUT', 'the printer is out of paper');
    const coverLeft = this.linesUntilCoverOpen;
    if (coverLeft !== null) {
      if (count >= coverLeft) {
        this.coverOpen = true;
        this.linesUntilCoverOpen = null;
        this.notify();
        throw new RegisterError('COVER_OPEN', 'the printer cover was opened');
      }
      this.linesUntilCoverOpen = coverLeft - count;
    }
    const left = this.linesUntilOut;
    if (left === null) return;
    if (count >= left) {
      this.paperOut = true;
      this.linesUntilOut = null;
      this.notify();
      throw new RegisterError('PAPER_OUT', 'the printer ran out of paper');
    }
    this.linesUntilOut = left - count;
  }

  private notify(): void {
    const f = this.active();
    for (const l of this.listeners) l(f);
  }
}
