/** What the main thread and a pure-target worker exchange. */
export interface PureJob {
  target: string;
  seed: number;
  from: number;
  to: number;
  shared: SharedArrayBuffer;
  slowMs: number;
}

export interface PureReport {
  kind: 'progress' | 'done';
  next: number;
  crashes: Array<{ index: number; error: string; input: string }>;
  crashCount: number;
  slow: Array<{ index: number; ms: number; input: string }>;
  slowCount: number;
  slowestMs: number;
}

export const SHARED_BYTES = 1 << 16;

