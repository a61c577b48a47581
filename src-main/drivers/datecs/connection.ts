/** Build the byte link for a Datecs device config (serial port or TCP, default port 3999) and pick the framing. */
import type { Duplex } from 'node:stream';
import { DeviceError } from '../../domain/error-codes.js';
import type { FiscalDeviceConfig } from '../../domain/device-config.js';
import { ReconnectingLink } from '../../transports/byte-link.js';
import type { ExchangeLogger } from '../../transports/request-exchange.js';
import { openSerial } from '../../transports/serial.js';
import { DATECS_DEFAULT_TCP_PORT, openTcp } from '../../transports/tcp.js';
import type { Framing } from '../../protocols/datecs/frame.js';
import { ClassicCommands } from './classic-command-set.js';
import type { DatecsCommands } from './commands.js';
import { DatecsSession } from './session.js';
import type { DatecsOptions } from './options.js';
import { XCommands } from './x-command-set.js';

export function linkFor(config: FiscalDeviceConfig, o: DatecsOptions): { link: ReconnectingLink; where: string } {
  const c = config.connection_details;
  let open: () => Promise<Duplex>;
  let where: string;
  if (c.type === 'Serial') {
    open = () => openSerial({ path: c.details.port, baudRate: c.details.baud_rate });
    where = `${c.details.port} @ ${c.details.baud_rate}`;
  } else if (c.type === 'Network') {
    const port = c.details.port || DATECS_DEFAULT_TCP_PORT;
    open = () => openTcp({ host: c.details.ip_address, port, timeoutMs: 3000 });
    where = `${c.details.ip_address}:${port}`;
  } else {
    throw new DeviceError('NOT_SUPPORTED', 'a Datecs register needs a Serial or Network connection');
  }
  return { link: new ReconnectingLink(open, { initialMs: o.backoffInitialMs, maxMs: o.backoffMaxMs }), where };
}

export function commandsFor(framing: Framing, session: DatecsSession): DatecsCommands {
  return framing === 'x' ? new XCommands(session) : new ClassicCommands(session);
}

/**
 * Find the framing the device answers: X status (74) first, then classic (0x4A). Returns a session whose SEQ is
 * already past a harmless first exchange, so a leftover SEQ from a previous host cannot make the device replay.
 */
export async function negotiate(
  link: ReconnectingLink,
  o: DatecsOptions,
  logger?: ExchangeLogger,
): Promise<{ session: DatecsSession; cmd: DatecsCommands }> {
  const order: Framing[] = o.protocol === 'auto' ? ['x', 'classic'] : [o.protocol];
  let lastError: unknown = null;
  for (const framing of order) {
    const firstSeq = 0x20 + Math.floor(Math.random() * 0x60);
    const session = new DatecsSession(link, { framing, timeoutMs: o.timeoutMs, maxAttempts: o.maxAttempts, firstSeq, ...(logger ? { logger } : {}) });
    try {
      const probe = framing === 'x' ? 74 : 0x4a;
      await session.request(probe, Buffer.alloc(0), { maxAttempts: o.protocol === 'auto' ? 2 : o.maxAttempts });
      await session.request(probe); // a second status read with the next SEQ: never a replay
      return { session, cmd: commandsFor(framing, session) };
    } catch (e) {
      session.dispose();
      lastError = e;
    }
  }
  throw lastError instanceof DeviceError ? lastError : new DeviceError('DEVICE_UNREACHABLE', 'no Datecs register answered');
}
