/** The journal as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read the diacritics): one row per job. */
import type { JobRecord } from '../../domain/jobs.js';

const COLUMNS = [
  'job_id',
  'created_at',
  'started_at',
  'finished_at',
  'device_id',
  'device_name',
  'source',
  'operation',
  'state',
  'receipt_number',
  'total',
  'code',
  'message',
];

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Cents as a decimal text with a point ("12.50"), never through a float. */
function amount(cents: unknown): string {
  if (typeof cents !== 'number' || !Number.isInteger(cents)) return '';
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function jobsCsv(jobs: JobRecord[], nameOf: (deviceId: string) => string): string {
  const rows = jobs.map((j) => {
    const o = j.outcome;
    const result = o?.ok ? o.result : {};
    return [
      j.id,
      j.created_at,
      j.started_at,
      j.finished_at,
      j.device_id,
      nameOf(j.device_id),
      j.source,
      j.operation.type,
      j.state,
      result.slip_number,
      amount(result.total_cents),
      o && !o.ok ? o.code : '',
      o ? (o.ok ? o.msg : o.error) : '',
    ]
      .map(cell)
      .join(',');
  });
  return '\uFEFF' + [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
