/** GET /devices/fiscal and /devices/pos — configured devices with live status (shapes as in seeds/000). */
import { Router } from 'express';
import type { FiscalDeviceView, PosTerminalView } from '../../../devices/contracts.js';
import type { NativeDoorDeps } from '../hub-api.js';
import { languageOf, localizeStatus } from '../request-language.js';

export function fiscalBody(v: FiscalDeviceView): Record<string, unknown> {
  return {
    config: v.config,
    status: v.status,
    status_text: v.status_text,
    vat_rates: v.vat_rates,
    connected_device_id: v.connected_device_id,
    ...(v.last_error && v.status !== 'Connected' && v.status !== 'Busy' ? { last_error: v.last_error } : {}),
    health: v.health,
  };
}

export function posBody(v: PosTerminalView): Record<string, unknown> {
  return {
    config: v.config,
    status: v.status,
    status_text: v.status_text,
    connected_device_id: v.connected_device_id,
    ...(v.last_error && v.status !== 'Connected' && v.status !== 'Busy' ? { last_error: v.last_error } : {}),
    health: v.health,
  };
}

export function deviceRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  r.get('/devices/fiscal', (_req, res) => {
    res.json({ fiscal_devices: deps.registry.listFiscal().map((v) => localizeStatus(v, languageOf(res))).map(fiscalBody) });
  });
  r.get('/devices/pos', (_req, res) => {
    res.json({ pos_terminals: deps.registry.listPos().map((v) => localizeStatus(v, languageOf(res))).map(posBody) });
  });
  return r;
}
