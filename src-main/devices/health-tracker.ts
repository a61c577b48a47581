/**
 * Keeps what each device's health is computed from (domain/device-health.ts): the last status read, conditions
 * reported by failed jobs since, and the jobs in doubt. Tells the registry when a device's health changes, so it
 * reaches the GUI as a `device_status` event before the cashier prints.
 */
import type { DeviceStatus } from '../domain/device-config.js';
import {
  computeHealth,
  JOB_CONDITIONS,
  sameHealth,
  type DeviceHealth,
  type JobCondition,
} from '../domain/device-health.js';
import type { JobEvent } from '../domain/jobs.js';
import type { DeviceStatusReport } from '../domain/results.js';

interface Entry {
  report: DeviceStatusReport | null;
  reportAt: string | null;
  fromJobs: Set<JobCondition>;
  last: DeviceHealth | null;
}

export interface HealthTrackerOptions {
  statusOf(id: string): DeviceStatus | undefined;
  inDoubt(id: string): number;
  onChange(id: string, health: DeviceHealth): void;
}

/** Jobs whose success proves the printer has paper and a closed cover. */
const PRINTING = new Set([
  'print_receipt',
  'print_refund',
  'print_x',
  'print_z',
  'print_non_fiscal',
  'print_duplicate',
]);

export class HealthTracker {
  readonly #entries = new Map<string, Entry>();
  readonly #o: HealthTrackerOptions;

  constructor(opts: HealthTrackerOptions) {
    this.#o = opts;
  }

  #entry(id: string): Entry {
    let e = this.#entries.get(id);
    if (!e) {
      e = { report: null, reportAt: null, fromJobs: new Set(), last: null };
      this.#entries.set(id, e);
    }
    return e;
  }

  /** The health right now (also remembered, so a later change is noticed). */
  health(id: string): DeviceHealth {
    const e = this.#entry(id);
    const h = computeHealth({
      status: this.#o.statusOf(id) ?? 'Error',
      report: e.report,
      reportAt: e.reportAt,
      fromJobs: [...e.fromJobs],
      inDoubt: this.#o.inDoubt(id),
    });
    e.last = h;
    return h;
  }

  /** Recompute; notify when it differs from what was last shown. */
  refresh(id: string): void {
    const before = this.#entries.get(id)?.last ?? null;
    const now = this.health(id);
    if (before && !sameHealth(before, now)) this.#o.onChange(id, now);
  }

  /** A status read (`get_status`): the device's own word replaces what jobs reported. */
  report(id: string, report: DeviceStatusReport): void {
    const e = this.#entry(id);
    e.report = report;
    e.reportAt = new Date().toISOString();
    e.fromJobs.clear();
    this.refresh(id);
  }

  /** Job events: a refused job reports a device condition; a printed one clears paper and cover; doubt counts. */
  job(e: JobEvent): void {
    if (e.state !== 'succeeded' && e.state !== 'failed' && e.state !== 'in_doubt') return;
    const entry = this.#entry(e.device_id);
    const o = e.outcome;
    if (e.state === 'failed' && o && !o.ok && (JOB_CONDITIONS as readonly string[]).includes(o.code)) {
      entry.fromJobs.add(o.code as JobCondition);
    }
    if (e.state === 'succeeded' && PRINTING.has(e.operation_type)) {
      entry.fromJobs.delete('PAPER_OUT');
      entry.fromJobs.delete('COVER_OPEN');
      if (entry.report && (entry.report.paper === 'out' || entry.report.cover_open)) {
        entry.report = {
          ...entry.report,
          paper: entry.report.paper === 'out' ? 'ok' : entry.report.paper,
          cover_open: false,
        };
      }
    }
    if (e.state === 'succeeded' && e.operation_type === 'print_z') {
      entry.fromJobs.delete('Z_REPORT_REQUIRED');
      if (entry.report)
        entry.report = { ...entry.report, hours_since_z: 0, raw: { ...entry.report.raw, z_required: false } };
    }
    this.refresh(e.device_id);
  }

  forget(id: string): void {
    this.#entries.delete(id);
  }
}
