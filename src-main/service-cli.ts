/**
 * The headless hub's command line:
 *   serve   (default) [--data-dir DIR] [--host H] [--port P] [--erpnet-port N] [--ucsfphub-port N]
 *   backup  --to DIR [--data-dir DIR]     a consistent copy of the data directory, also while a hub runs on it
 *   restore --from DIR [--data-dir DIR]   a backup into an empty data directory (the hub stopped)
 * Environment: FISCOOL_DATA_DIR (default data dir, see hub/data-dir.ts), FISCOOL_PORT (default port),
 * FISCOOL_LOG_LEVEL. Logs go to stderr and `<data dir>/logs/fiscool.log` (rotated). Clean stop on SIGTERM/SIGINT.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_ROOT } from './hub/app-root.js';
import { createHub } from './hub/create-hub.js';
import { defaultDataDir } from './hub/data-dir.js';
import { createLogger } from './hub/logger.js';
import { VERSION } from './hub/version.js';
import { openJournal } from './journal/journal.js';
import { backupDataDir, JOURNAL_FILE, restoreDataDir } from './ops/data-backup.js';

const USAGE = `Usage:
  node dist/main/service.js [serve] [--data-dir DIR] [--host H] [--port P] [--erpnet-port N] [--ucsfphub-port N]
  node dist/main/service.js backup --to DIR [--data-dir DIR]
  node dist/main/service.js restore --from DIR [--data-dir DIR]
(npm run serve -- … runs the same from the sources.)
`;

function fail(message: string, code = 2): never {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
  process.exit(code);
}

function portArg(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) fail(`--${name}: "${value}" is not a port number (0–65535)`);
  return n;
}

/** What a person types in a browser for a bound address (IPv6 in brackets, "any address" as loopback). */
export function browsableHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

async function serve(values: Record<string, string | boolean | undefined>, dataDir: string): Promise<void> {
  const { logger, file } = createLogger({ dataDir });
  const port = portArg('port', values.port as string | undefined) ?? portArg('FISCOOL_PORT', process.env.FISCOOL_PORT);
  const erpnetPort = portArg('erpnet-port', values['erpnet-port'] as string | undefined);
  const ucsfphubPort = portArg('ucsfphub-port', values['ucsfphub-port'] as string | undefined);
  const hub = createHub({
    dataDir,
    logger,
    logFile: file,
    ...(typeof values.host === 'string' ? { host: values.host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(erpnetPort !== undefined ? { erpnetPort } : {}),
    ...(ucsfphubPort !== undefined ? { ucsfphubPort } : {}),
    guiDir: join(APP_ROOT, 'dist-renderer'),
  });
  await hub.start();
  const a = hub.addresses();
  const base = `http://${browsableHost(a.native?.host)}:${a.native?.port}`;
  const lines = [
    `FisCool ${hub.version} — data: ${dataDir}`,
    `API: http://${a.native?.host}:${a.native?.port}/`,
    `GUI: ${base}/app/   (open it in a browser)`,
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

async function backup(values: Record<string, string | boolean | undefined>, dataDir: string): Promise<void> {
  if (typeof values.to !== 'string') fail('backup: --to DIR is required');
  const db = openJournal(join(dataDir, JOURNAL_FILE));
  try {
    const m = await backupDataDir({ db, dataDir, to: resolve(values.to), version: VERSION });
    process.stdout.write(`backup of ${dataDir} written to ${resolve(values.to)} (${m.files.join(', ')})\n`);
  } finally {
    db.close();
  }
}

function restore(values: Record<string, string | boolean | undefined>, dataDir: string): void {
  if (typeof values.from !== 'string') fail('restore: --from DIR is required');
  const m = restoreDataDir(resolve(values.from), dataDir);
  process.stdout.write(`restored the backup of ${m.created_at} into ${dataDir}; start the hub on it\n`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'erpnet-port': { type: 'string' },
      'ucsfphub-port': { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const command = positionals[0] ?? 'serve';
  if (positionals.length > 1 || !['serve', 'backup', 'restore'].includes(command)) fail(`unknown command: ${positionals.join(' ')}\n${USAGE}`);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir({ platform: process.platform, home: homedir(), env: process.env }));
  if (command === 'backup') return backup(values, dataDir);
  if (command === 'restore') return restore(values, dataDir);
  return serve(values, dataDir);
}

main().catch((e: unknown) => {
  process.stderr.write(`FisCool could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
