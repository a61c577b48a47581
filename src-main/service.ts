/**
 * Headless entry: `npm run serve -- [--data-dir DIR] [--host H] [--port P] [--erpnet-port N] [--ucsfphub-port N]`.
 * Starts the hub without Electron; clean shutdown on SIGTERM/SIGINT.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createHub } from './hub/create-hub.js';
import { createLogger } from './hub/logger.js';

function defaultDataDir(): string {
  if (process.env.FISCOOL_DATA_DIR) return process.env.FISCOOL_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? homedir(), 'FisCool');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'fiscool');
}

function portArg(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) {
    process.stderr.write(`--${name}: "${value}" is not a port number (0–65535)\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'erpnet-port': { type: 'string' },
      'ucsfphub-port': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('Usage: npm run serve -- [--data-dir DIR] [--host H] [--port P] [--erpnet-port N] [--ucsfphub-port N]\n');
    return;
  }
  const logger = createLogger();
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const port = portArg('port', values.port);
  const erpnetPort = portArg('erpnet-port', values['erpnet-port']);
  const ucsfphubPort = portArg('ucsfphub-port', values['ucsfphub-port']);
  const hub = createHub({
    dataDir,
    logger,
    ...(values.host ? { host: values.host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(erpnetPort !== undefined ? { erpnetPort } : {}),
    ...(ucsfphubPort !== undefined ? { ucsfphubPort } : {}),
    guiDir: join(import.meta.dirname, '..', 'dist-renderer'),
  });
  await hub.start();
  const a = hub.addresses();
  const lines = [
    `FisCool ${hub.version} — data: ${dataDir}`,
    `API: http://${a.native?.host}:${a.native?.port}/`,
    ...(a.erpnet ? [`ErpNet.FP: http://${a.erpnet.host}:${a.erpnet.port}/printers`] : []),
    ...(a.ucsfphub ? [`UcsFPHub: http://${a.ucsfphub.host}:${a.ucsfphub.port}/printers`] : []),
    ...hub.devices.listFiscal().map((d) => `fiscal device ${d.config.id}  ${d.config.name} (${d.status})`),
    ...hub.devices.listPos().map((d) => `card terminal ${d.config.id}  ${d.config.name} (${d.status})`),
  ];
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    hub
      .stop()
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        logger.error({ err: e }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`FisCool could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
