/**
 * The support bundle a shop's IT person sends when something is wrong: a .tar.gz with
 *   README.txt             what is inside
 *   health.json            GET /health as of now (what is wrong, in words)
 *   settings.json          the settings with every secret replaced by "********"
 *   journal-summary.json   job counts per device and state, oldest/newest job, in-doubt jobs, sizes, retention
 *   logs/…                 the rotated log files of the data directory (the newest last megabytes of each)
 * No receipt contents beyond what the in-doubt list names, no tokens, no keys.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { redactSecrets } from './redact.js';
import { tar, type TarEntry } from './tar.js';

export interface SupportBundleInput {
  version: string;
  health: unknown;
  settings: unknown;
  journalSummary: unknown;
  logFiles: string[];
  /** Per log file, at most this many bytes from its end (default 2 MiB). */
  maxLogBytes?: number;
  now?: Date;
}

function tail(file: string, max: number): Buffer {
  const data = readFileSync(file);
  return data.length <= max ? data : data.subarray(data.length - max);
}

export function supportBundleName(now: Date): string {
  return `fiscool-support-${now.toISOString().replace(/[:.]/g, '-')}.tar.gz`;
}

export function buildSupportBundle(i: SupportBundleInput): Buffer {
  const now = i.now ?? new Date();
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  const entries: TarEntry[] = [
    {
      name: 'README.txt',
      data: [
        `FisCool ${i.version} support bundle, ${now.toISOString()}`,
        'health.json: what the hub reports as wrong; journal-summary.json: job counts and sizes;',
        'settings.json: the settings with secrets replaced by ********; logs/: the hub log files.',
        '',
      ].join('\n'),
      mtime: now,
    },
    { name: 'health.json', data: json(i.health), mtime: now },
    { name: 'settings.json', data: json(redactSecrets(i.settings)), mtime: now },
    { name: 'journal-summary.json', data: json(i.journalSummary), mtime: now },
  ];
  for (const f of i.logFiles) {
    try {
      entries.push({ name: `logs/${basename(f)}`, data: tail(f, i.maxLogBytes ?? 2 * 1024 * 1024), mtime: statSync(f).mtime });
    } catch {
      // rotated away meanwhile
    }
  }
  return gzipSync(tar(entries));
}
