/** computeHealth: link, status read, job-reported conditions and doubt → one level and its problems, worst first. */
import { describe, expect, it } from 'vitest';
import { blockingProblem, computeHealth, type HealthInput } from '../../../src-main/domain/device-health.js';
import type { DeviceStatusReport } from '../../../src-main/domain/results.js';

const fine: DeviceStatusReport = {
  paper: 'ok',
  cover_open: false,
  receipt_open: false,
  hours_since_z: 2,
  fiscal_memory_free: 1500,
  raw: {},
};
const input = (over: Partial<HealthInput> = {}): HealthInput => ({
  status: 'Connected',
  report: fine,
  reportAt: '2025-09-01T08:00:00.000Z',
  fromJobs: [],
  inDoubt: 0,
  ...over,
});
const codes = (i: HealthInput) => computeHealth(i).problems.map((p) => p.code);

describe('device health', () => {
  it('a connected register with paper, a closed cover and room in its memory is ok', () => {
    expect(computeHealth(input())).toEqual({ level: 'ok', problems: [], checked_at: '2025-09-01T08:00:00.000Z' });
  });

  it('reads paper, cover, fiscal memory and an open receipt from the status read', () => {
    expect(codes(input({ report: { ...fine, paper: 'out', cover_open: true } }))).toEqual(['PAPER_OUT', 'COVER_OPEN']);
    const nearly = computeHealth(
      input({ report: { ...fine, paper: 'near_end', fiscal_memory_free: 12, receipt_open: true } }),
    );
    expect(nearly.level).toBe('warning');
    expect(nearly.problems.map((p) => p.code)).toEqual(['PAPER_NEAR_END', 'FISCAL_MEMORY_NEARLY_FULL', 'RECEIPT_OPEN']);
    expect(codes(input({ report: { ...fine, fiscal_memory_free: 0 } }))).toEqual(['FISCAL_MEMORY_FULL']);
    // a receipt being printed right now is no problem
    expect(codes(input({ status: 'Busy', report: { ...fine, receipt_open: true } }))).toEqual([]);
  });

  it('a Z report is an error when the register says sales are blocked, a warning after 24 hours otherwise', () => {
    expect(computeHealth(input({ report: { ...fine, raw: { z_required: true } } })).problems).toEqual([
      { code: 'Z_REPORT_REQUIRED', severity: 'error' },
    ]);
    expect(computeHealth(input({ report: { ...fine, hours_since_z: 30 } })).problems).toEqual([
      { code: 'Z_REPORT_REQUIRED', severity: 'warning' },
    ]);
  });

  it('a condition a job reported counts until the next status read, without duplicates', () => {
    expect(codes(input({ fromJobs: ['PAPER_OUT'] }))).toEqual(['PAPER_OUT']);
    expect(codes(input({ report: { ...fine, paper: 'out' }, fromJobs: ['PAPER_OUT'] }))).toEqual(['PAPER_OUT']);
  });

  it('offline beats everything, and a stale read of an unplugged register is not shown', () => {
    const h = computeHealth(input({ status: 'Disconnected', report: { ...fine, paper: 'out' }, inDoubt: 1 }));
    expect(h.level).toBe('offline');
    expect(h.problems.map((p) => p.code)).toEqual(['OFFLINE', 'IN_DOUBT']);
    expect(codes(input({ status: 'Connecting', report: null }))).toEqual(['CONNECTING']);
    expect(codes(input({ status: 'Disabled' }))).toEqual(['DISABLED']);
  });

  it('jobs in doubt are an error; only printing conditions block a waiting file', () => {
    const doubt = computeHealth(input({ inDoubt: 2 }));
    expect(doubt.level).toBe('error');
    expect(blockingProblem(doubt)).toBeNull();
    expect(blockingProblem(computeHealth(input({ report: { ...fine, cover_open: true, paper: 'near_end' } })))).toBe(
      'COVER_OPEN',
    );
    expect(blockingProblem(computeHealth(input({ report: { ...fine, hours_since_z: 30 } })))).toBeNull();
  });
});
