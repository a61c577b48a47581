/** Prometheus text exposition of jobs by state and device, latency histograms, device status. */
import { DEVICE_STATUSES } from '../../domain/device-config.js';
import type { DeviceRegistry } from '../../devices/registry.js';
import type { JobStore } from '../../journal/job-store.js';
import { LATENCY_BUCKETS_S, type LatencyMetrics } from '../../pipeline/metrics.js';

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function renderMetrics(opts: {
  jobs: JobStore;
  metrics: LatencyMetrics;
  registry: DeviceRegistry;
  startedAt: number;
  /** Journal file size and whether the hub has a problem (ops/health.ts), when known. */
  journalBytes?: number;
  healthy?: boolean;
}): string {
  const out: string[] = [];
  out.push('# HELP fiscool_up 1 while the hub runs.', '# TYPE fiscool_up gauge', 'fiscool_up 1');
  out.push('# HELP fiscool_uptime_seconds Seconds since the hub started.', '# TYPE fiscool_uptime_seconds gauge');
  out.push(`fiscool_uptime_seconds ${((Date.now() - opts.startedAt) / 1000).toFixed(3)}`);
  out.push('# HELP fiscool_jobs Jobs in the journal by device and state.', '# TYPE fiscool_jobs gauge');
  for (const row of opts.jobs.countByDeviceAndState()) {
    out.push(`fiscool_jobs{device_id="${esc(row.device_id)}",state="${row.state}"} ${row.n}`);
  }
  out.push('# HELP fiscool_operation_duration_seconds Time from accepting a job to its outcome.');
  out.push('# TYPE fiscool_operation_duration_seconds histogram');
  for (const [key, h] of opts.metrics.histograms) {
    const [device, op, state] = key.split('\u0000') as [string, string, string];
    const labels = `device_id="${esc(device)}",operation="${esc(op)}",outcome="${state}"`;
    LATENCY_BUCKETS_S.forEach((le, i) => out.push(`fiscool_operation_duration_seconds_bucket{${labels},le="${le}"} ${h.buckets[i] ?? 0}`));
    out.push(`fiscool_operation_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
    out.push(`fiscool_operation_duration_seconds_sum{${labels}} ${h.sum.toFixed(6)}`);
    out.push(`fiscool_operation_duration_seconds_count{${labels}} ${h.count}`);
  }
  out.push('# HELP fiscool_device_status 1 for the current status of each device.', '# TYPE fiscool_device_status gauge');
  const devices = [
    ...opts.registry.listFiscal().map((d) => ({ id: d.config.id, kind: 'fiscal', status: d.status })),
    ...opts.registry.listPos().map((d) => ({ id: d.config.id, kind: 'pos', status: d.status })),
  ];
  for (const d of devices) {
    for (const s of DEVICE_STATUSES) {
      out.push(`fiscool_device_status{device_id="${esc(d.id)}",kind="${d.kind}",status="${s}"} ${d.status === s ? 1 : 0}`);
    }
  }
  out.push('# HELP fiscool_process_resident_bytes Resident memory of the hub process.', '# TYPE fiscool_process_resident_bytes gauge');
  out.push(`fiscool_process_resident_bytes ${process.memoryUsage.rss()}`);
  const mem = process.memoryUsage();
  out.push('# HELP fiscool_process_heap_used_bytes V8 heap in use.', '# TYPE fiscool_process_heap_used_bytes gauge');
  out.push(`fiscool_process_heap_used_bytes ${mem.heapUsed}`);
  out.push('# HELP fiscool_process_external_bytes Memory held outside the V8 heap by JavaScript objects (buffers).', '# TYPE fiscool_process_external_bytes gauge');
  out.push(`fiscool_process_external_bytes ${mem.external}`);
  if (opts.journalBytes !== undefined) {
    out.push('# HELP fiscool_journal_bytes Size of the journal (pages in use and free).', '# TYPE fiscool_journal_bytes gauge');
    out.push(`fiscool_journal_bytes ${opts.journalBytes}`);
  }
  if (opts.healthy !== undefined) {
    out.push('# HELP fiscool_healthy 1 when GET /health reports no problem.', '# TYPE fiscool_healthy gauge');
    out.push(`fiscool_healthy ${opts.healthy ? 1 : 0}`);
  }
  return out.join('\n') + '\n';
}
