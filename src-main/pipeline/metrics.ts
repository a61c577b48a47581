/** Operation latency histograms for /metrics (Prometheus text format is rendered by the door). */

export const LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export interface Histogram {
  buckets: number[]; // cumulative counts per LATENCY_BUCKETS_S entry
  count: number;
  sum: number;
}

export class LatencyMetrics {
  /** key: `${device_id}\u0000${operation}\u0000${state}` */
  readonly histograms = new Map<string, Histogram>();

  observe(deviceId: string, operation: string, state: string, createdAt: string, finishedAt: string | null): void {
    const end = finishedAt ? Date.parse(finishedAt) : Date.now();
    const seconds = Math.max(0, (end - Date.parse(createdAt)) / 1000);
    const key = `${deviceId}\u0000${operation}\u0000${state}`;
    let h = this.histograms.get(key);
    if (!h) {
      h = { buckets: LATENCY_BUCKETS_S.map(() => 0), count: 0, sum: 0 };
      this.histograms.set(key, h);
    }
    LATENCY_BUCKETS_S.forEach((le, i) => {
      if (seconds <= le) h.buckets[i] = (h.buckets[i] ?? 0) + 1;
    });
    h.count++;
    h.sum += seconds;
  }
}
