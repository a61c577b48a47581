/**
 * Doors and helpers beyond the native API: the INP inbox, the ErpNet.FP and UcsFPHub listeners, serial and network
 * detection.
 * Each is wired here so create-hub.ts stays a plain composition root. Also the settings-time security refusals
 * (settings/schema.ts `unsafeChange`), which need to know where the API really listens.
 */
import type { Router } from 'express';
import { startCompatListeners, type CompatDoor } from '../doors/compat-shared/listeners.js';
import { accessMiddleware, securityHeaders } from '../doors/http/security.js';
import { unsafeChange } from '../settings/schema.js';
import { startInbox } from '../doors/inbox/inbox.js';
import { createInboxRouter } from '../doors/inbox/router.js';
import { detectDevices, detectNetworkDevices } from '../devices/detect.js';
import { listSerialPortDetails, type SerialPortInfo } from '../transports/serial.js';
import type { Address, Hub, HubOptions } from './create-hub.js';

export interface OptionalDoors {
  routers: Array<{ path: string; router: Router }>;
  addresses(): { erpnet?: Address; ucsfphub?: Address };
  detect: (opts: { ports?: string[] }) => Promise<unknown[]>;
  detectNetwork: (targets: Array<{ host: string; port?: number }>) => Promise<unknown[]>;
  listPorts: () => Promise<SerialPortInfo[]>;
  stop(): Promise<void>;
}

export async function startOptionalDoors(hub: Hub, opts: HubOptions): Promise<OptionalDoors> {
  const settings = hub.settings;
  const apiListenHost = opts.host ?? settings.get().api.host;
  settings.setChangeGuard((next, previous) => unsafeChange(next, previous, { apiListenHost }));
  const inbox = startInbox({
    db: hub.journal.db,
    operations: hub.operations,
    devices: hub.devices,
    events: hub.events,
    settings: () => settings.get().inbox,
    logger: hub.logger.child({ door: 'inbox' }),
    language: () => settings.get().language,
  });
  // Pausing or resuming the inbox (tray menu, settings) takes effect now rather than at the next rescan.
  const offPause = settings.onChange((next, previous) => {
    if (next.inbox.paused !== previous.inbox.paused) void inbox.rescanNow().catch(() => undefined);
  });
  // Programs written for these protocols send no token: off loopback, a listener serves only its allow-list of
  // client addresses (checked against the socket's peer address), besides this computer.
  const guardsFor = (door: CompatDoor) => [
    securityHeaders(),
    accessMiddleware({
      allowedHosts: () => settings.get().api.allowed_hosts,
      allowedOrigins: () => settings.get().api.allowed_origins,
      token: () => ({ required: false }),
      clients: () => ({ allow: settings.get()[door].allowed_clients, setting: `${door}.allowed_clients` }),
    }),
  ];
  const compat = await startCompatListeners({
    ctx: {
      operations: hub.operations,
      devices: hub.devices,
      events: hub.events,
      settings: () => {
        const s = settings.get();
        return { erpnet: s.erpnet, ucsfphub: s.ucsfphub, language: s.language };
      },
      logger: hub.logger.child({ door: 'compat' }),
      version: hub.version,
    },
    guardsFor,
    ...(opts.erpnetPort !== undefined ? { erpnetPort: opts.erpnetPort } : {}),
    ...(opts.ucsfphubPort !== undefined ? { ucsfphubPort: opts.ucsfphubPort } : {}),
    subscribe: (listener) => settings.onChange(() => listener()),
  });
  return {
    routers: [{ path: '/inbox', router: createInboxRouter(inbox) }],
    addresses: () => compat.addresses(),
    detect: (o) => detectDevices(o.ports ? { ports: o.ports } : {}),
    detectNetwork: (targets) => detectNetworkDevices(targets),
    listPorts: () => listSerialPortDetails(),
    stop: async () => {
      offPause();
      await compat.stop();
      await inbox.stop();
    },
  };
}
