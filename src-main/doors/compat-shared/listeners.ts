/**
 * Binds the ErpNet.FP and UcsFPHub apps to their sockets and keeps them in step with the settings: a listener
 * runs when its section is `enabled` (or a port was given on the command line: `serve --erpnet-port N`), on the
 * section's host and port; saving the settings (`/manage/save_settings`) starts, moves or stops it at once.
 * Off loopback a listener needs `allowed_clients` (its programs send no token): without it, it does not listen.
 * For the hub's composition root: `startCompatListeners({ ctx, erpnetPort, ucsfphubPort, subscribe, guardsFor })`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import { createErpNetApp } from '../erpnet/app.js';
import { createUcsFpHubApp } from '../ucsfphub/app.js';
import { isLoopbackBind } from '../../domain/net-address.js';
import type { CompatContext } from './context.js';

export interface ListenerAddress {
  host: string;
  port: number;
}

export interface CompatListeners {
  addresses(): { erpnet?: ListenerAddress; ucsfphub?: ListenerAddress };
  /** Re-read the settings and start/stop/move the listeners (called on every settings change). */
  reconfigure(): Promise<void>;
  stop(): Promise<void>;
}

export type CompatDoor = 'erpnet' | 'ucsfphub';
type Door = CompatDoor;

/** Why a listener must not listen on `host` (off loopback without an allow-list), or null. */
export function listenRefusal(door: Door, host: string, allowedClients: readonly string[] | undefined): string | null {
  if (isLoopbackBind(host) || (allowedClients?.length ?? 0) > 0) return null;
  return `refusing to listen on ${host}: off loopback the ${door} listener serves only the addresses in ${door}.allowed_clients, and that list is empty`;
}

interface Running {
  server: Server;
  bind: string;
  address: ListenerAddress;
}

async function listen(app: express.Express, host: string, port: number): Promise<Running> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const a = server.address() as AddressInfo;
  return { server, bind: `${host}:${port}`, address: { host, port: a.port } };
}

async function close(r: Running): Promise<void> {
  r.server.closeAllConnections();
  await new Promise<void>((resolve) => r.server.close(() => resolve()));
}

export async function startCompatListeners(opts: {
  ctx: CompatContext;
  /** Command-line ports: they switch the listener on whatever the settings say (0 = any free port). */
  erpnetPort?: number;
  ucsfphubPort?: number;
  /** Settings change notifications (SettingsService.onChange); returns an unsubscribe function. */
  subscribe?: (listener: () => void) => () => void;
  /** Each door's own request guards (the access check with that door's client allow-list); default ctx.guards. */
  guardsFor?: (door: Door) => express.RequestHandler[];
}): Promise<CompatListeners> {
  const { ctx } = opts;
  const ctxFor = (door: Door): CompatContext => (opts.guardsFor ? { ...ctx, guards: opts.guardsFor(door) } : ctx);
  const apps: Record<Door, express.Express> = {
    erpnet: createErpNetApp(ctxFor('erpnet')),
    ucsfphub: createUcsFpHubApp(ctxFor('ucsfphub')),
  };
  const flags: Record<Door, number | undefined> = { erpnet: opts.erpnetPort, ucsfphub: opts.ucsfphubPort };
  const running: Partial<Record<Door, Running>> = {};
  let chain = Promise.resolve();

  const want = (door: Door): { host: string; port: number } | null => {
    const s = ctx.settings()[door];
    const flag = flags[door];
    if (flag === undefined && !s.enabled) return null;
    const refused = listenRefusal(door, s.host, s.allowed_clients);
    if (refused) {
      ctx.logger.error({ door, host: s.host }, refused);
      if (flag !== undefined) throw new Error(refused);
      return null;
    }
    return { host: s.host, port: flag ?? s.port };
  };

  const apply = async (): Promise<void> => {
    for (const door of ['erpnet', 'ucsfphub'] as const) {
      const w = want(door);
      const cur = running[door];
      const bind = w ? `${w.host}:${w.port}` : null;
      if (cur && cur.bind === bind) continue;
      if (cur) {
        await close(cur);
        delete running[door];
        ctx.logger.info({ door }, 'compatible listener stopped');
      }
      if (w) {
        try {
          running[door] = await listen(apps[door], w.host, w.port);
          ctx.logger.info({ door, address: running[door]?.address }, 'compatible listener started');
        } catch (err) {
          ctx.logger.error(
            { err, door, host: w.host, port: w.port },
            'compatible listener could not start (port in use?)',
          );
          if (flags[door] !== undefined) throw err;
        }
      }
    }
  };

  const reconfigure = (): Promise<void> => {
    chain = chain.then(apply, apply);
    return chain;
  };
  await reconfigure();
  const unsubscribe = opts.subscribe?.(() => {
    reconfigure().catch((err: unknown) => ctx.logger.error({ err }, 'compatible listeners: reconfigure failed'));
  });

  return {
    addresses: () => ({
      ...(running.erpnet ? { erpnet: running.erpnet.address } : {}),
      ...(running.ucsfphub ? { ucsfphub: running.ucsfphub.address } : {}),
    }),
    reconfigure,
    async stop() {
      unsubscribe?.();
      await chain.catch(() => undefined);
      for (const door of ['erpnet', 'ucsfphub'] as const) {
        const r = running[door];
        if (r) await close(r);
        delete running[door];
      }
    },
  };
}
