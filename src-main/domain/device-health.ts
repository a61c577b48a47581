/**
 * A fiscal device's health as a cashier needs it before printing: paper, cover, Z report due, fiscal memory, jobs in
 * doubt, offline. Computed in one place from the link status, the last status read (`get_status`), the last job
 * outcome that reported a device condition, and the number of jobs in doubt. Pure.
 */
import type { DeviceStatus } from './device-config.js';
import type { DeviceStatusReport } from './results.js';

export type HealthCode =
  | 'OFFLINE'
  | 'CONNECTING'
  | 'DISABLED'
  | 'PAPER_OUT'
  | 'PAPER_NEAR_END'
  | 'COVER_OPEN'
  | 'Z_REPORT_REQUIRED'
  | 'FISCAL_MEMORY_FULL'
  | 'FISCAL_MEMORY_NEARLY_FULL'
  | 'RECEIPT_OPEN'
  | 'IN_DOUBT';

/** `error`: printing will fail until it is fixed; `warning`: printing works, act soon; `offline`: no link. */
export type HealthSeverity = 'warning' | 'error' | 'offline';
export type HealthLevel = 'ok' | HealthSeverity;

export interface HealthProblem {
  code: HealthCode;
  severity: HealthSeverity;
}

export interface DeviceHealth {
  level: HealthLevel;
  /** Most severe first. */
  problems: HealthProblem[];
  /** When the device's status was last read (ISO), null before the first read. */
  checked_at: string | null;
}

/** Device conditions a failed job can report before the next status read confirms or clears them. */
export const JOB_CONDITIONS = ['PAPER_OUT', 'COVER_OPEN', 'Z_REPORT_REQUIRED', 'FISCAL_MEMORY_FULL'] as const;
export type JobCondition = (typeof JOB_CONDITIONS)[number];

/** Hours after the last Z report when registers refuse receipts. */
export const Z_DUE_HOURS = 24;
/** Fewer Z reports left than this: the fiscal memory is nearly full. */
export const FM_NEARLY_FULL_Z = 60;

export interface HealthInput {
  status: DeviceStatus;
  report: DeviceStatusReport | null;
  reportAt: string | null;
  /** Conditions reported by jobs since the last status read. */
  fromJobs: readonly JobCondition[];
  inDoubt: number;
}

const RANK: Record<HealthSeverity, number> = { offline: 0, error: 1, warning: 2 };

function fromReport(r: DeviceStatusReport): HealthProblem[] {
  const out: HealthProblem[] = [];
  if (r.paper === 'out') out.push({ code: 'PAPER_OUT', severity: 'error' });
  else if (r.paper === 'near_end') out.push({ code: 'PAPER_NEAR_END', severity: 'warning' });
  if (r.cover_open) out.push({ code: 'COVER_OPEN', severity: 'error' });
  // The simulated register says whether sales are blocked; Datecs only tells the time since the last Z.
  if (r.raw['z_required'] === true) out.push({ code: 'Z_REPORT_REQUIRED', severity: 'error' });
  else if (r.hours_since_z >= Z_DUE_HOURS) out.push({ code: 'Z_REPORT_REQUIRED', severity: 'warning' });
  if (r.fiscal_memory_free <= 0) out.push({ code: 'FISCAL_MEMORY_FULL', severity: 'error' });
  else if (r.fiscal_memory_free < FM_NEARLY_FULL_Z)
    out.push({ code: 'FISCAL_MEMORY_NEARLY_FULL', severity: 'warning' });
  if (r.receipt_open) out.push({ code: 'RECEIPT_OPEN', severity: 'warning' });
  return out;
}

function linkProblem(status: DeviceStatus): HealthProblem | null {
  switch (status) {
    case 'Connected':
    case 'Busy':
      return null;
    case 'Connecting':
      return { code: 'CONNECTING', severity: 'offline' };
    case 'Disabled':
      return { code: 'DISABLED', severity: 'offline' };
    case 'Disconnected':
    case 'Error':
      return { code: 'OFFLINE', severity: 'offline' };
  }
}

export function computeHealth(i: HealthInput): DeviceHealth {
  const problems: HealthProblem[] = [];
  const link = linkProblem(i.status);
  if (link) problems.push(link);
  if (i.inDoubt > 0) problems.push({ code: 'IN_DOUBT', severity: 'error' });
  // Device conditions are only known while there is a link: a stale read of an unplugged register says nothing.
  if (!link) {
    for (const p of i.report ? fromReport(i.report) : []) {
      if (p.code === 'RECEIPT_OPEN' && i.status === 'Busy') continue; // a job is printing it right now
      problems.push(p);
    }
    for (const c of i.fromJobs) if (!problems.some((p) => p.code === c)) problems.push({ code: c, severity: 'error' });
  }
  problems.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return { level: problems[0]?.severity ?? 'ok', problems, checked_at: i.reportAt };
}

/** The first problem that makes the register refuse to print (a waiting INP file must not send it a job). */
export function blockingProblem(h: DeviceHealth): JobCondition | null {
  const p = h.problems.find((x) => x.severity === 'error' && (JOB_CONDITIONS as readonly string[]).includes(x.code));
  return p ? (p.code as JobCondition) : null;
}

export function sameHealth(a: DeviceHealth, b: DeviceHealth): boolean {
  return (
    a.level === b.level &&
    a.problems.length === b.problems.length &&
    a.problems.every((p, i) => p.code === b.problems[i]?.code)
  );
}
