/**
 * Structured logs (pino), JSON lines. Level from FISCOOL_LOG_LEVEL (default info). With a data directory the lines
 * also go to `<data dir>/logs/fiscool.log`, rotated by size (log-file.ts), so a shop's IT person finds them and the
 * support bundle can include them; stderr keeps them too (journald, a terminal).
 */
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { RotatingFile, type RotatingFileOptions } from './log-file.js';

export interface LoggerOptions {
  name?: string;
  /** Write `<dataDir>/logs/fiscool.log` (rotated) besides stderr. */
  dataDir?: string;
  /** Also write to stderr (default true). */
  stderr?: boolean;
  rotation?: Omit<RotatingFileOptions, 'dir'>;
}

export interface HubLogger {
  logger: Logger;
  /** The rotating file, when logging to the data directory. */
  file: RotatingFile | null;
}

export function logDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

export function createLogger(o: LoggerOptions = {}): HubLogger {
  const level = process.env.FISCOOL_LOG_LEVEL ?? 'info';
  const file = o.dataDir ? new RotatingFile({ dir: logDir(o.dataDir), ...o.rotation }) : null;
  const streams: pino.StreamEntry[] = [];
  if (o.stderr !== false) streams.push({ level: level as pino.Level, stream: pino.destination({ fd: 2, sync: true }) });
  if (file) streams.push({ level: level as pino.Level, stream: file });
  const logger = pino({ name: o.name ?? 'fiscool', level }, pino.multistream(streams));
  return { logger, file };
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
