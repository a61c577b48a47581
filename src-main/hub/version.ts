/** The hub's version, read once from the application's package.json (sources, compiled build or packaged app). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from './app-root.js';

function read(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const VERSION = read();
