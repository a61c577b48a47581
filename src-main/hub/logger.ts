/** Structured logs (pino), JSON lines on stderr; level from FISCOOL_LOG_LEVEL (default info). */
import { pino, type Logger } from 'pino';

export function createLogger(name = 'fiscool'): Logger {
  return pino({ name, level: process.env.FISCOOL_LOG_LEVEL ?? 'info' }, pino.destination(2));
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
