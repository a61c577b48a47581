/**
 * One row per file: a retried file gets a new inbox record each time (the old one is kept as history), so records
 * of the same register and file name are shown as one row — the newest — with how many attempts it took.
 */
import type { InboxFileBody } from '../../../src-main/shared/api-types.js';

export interface FileRow {
  file: InboxFileBody;
  attempts: number;
}

export function groupFiles(files: InboxFileBody[]): FileRow[] {
  const rows = new Map<string, FileRow>();
  for (const f of files) {
    const key = `${f.device_id}\u0000${f.name}`;
    const row = rows.get(key);
    if (!row) rows.set(key, { file: f, attempts: 1 });
    else {
      row.attempts++;
      if (f.created_at > row.file.created_at) row.file = f;
    }
  }
  return [...rows.values()].sort((a, b) => b.file.created_at.localeCompare(a.file.created_at));
}
