/** /manage/* — devices, supported devices, settings, serial detection. */
import { Router } from 'express';
import { optionsJsonSchema } from '../../../devices/family-options.js';
import { SUPPORTED_DEVICES, type SupportedManufacturer } from '../../../devices/supported-devices.js';
import type { NativeDoorDeps } from '../hub-api.js';

/** A catalogue entry with each model's options schema (JSON Schema), for the device editor. */
function withOptions(m: SupportedManufacturer): Record<string, unknown> {
  return { ...m, models: m.models.map((model) => ({ ...model, options: optionsJsonSchema(model.family) })) };
}

function redact<T extends { api: { token: string | null } }>(s: T): T {
  return { ...s, api: { ...s.api, token: s.api.token ? '********' : null } };
}

export function manageRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  const reg = deps.registry;

  r.post('/manage/save_fiscal_device', (req, res) => {
    const out = reg.saveFiscal(req.body);
    if (!out.ok) return void res.status(out.status).json({ status: out.status, error: out.error });
    res.json({ status: 0, msg: out.created ? 'Device created' : 'Device saved', device: out.device });
  });
  r.post('/manage/delete_fiscal_device', async (req, res) => {
    const out = await reg.deleteDevice('fiscal', (req.body as { id?: unknown } | undefined)?.id);
    if (!out.ok) return void res.status(out.status).json({ status: out.status, error: out.error });
    res.json({ status: 0, msg: 'Device deleted' });
  });
  r.post('/manage/save_pos_terminal', (req, res) => {
    const out = reg.savePos(req.body);
    if (!out.ok) return void res.status(out.status).json({ status: out.status, error: out.error });
    res.json({ status: 0, msg: out.created ? 'Terminal created' : 'Terminal saved', device: out.device });
  });
  r.post('/manage/delete_pos_terminal', async (req, res) => {
    const out = await reg.deleteDevice('pos', (req.body as { id?: unknown } | undefined)?.id);
    if (!out.ok) return void res.status(out.status).json({ status: out.status, error: out.error });
    res.json({ status: 0, msg: 'Terminal deleted' });
  });
  r.get('/manage/get_supported_devices', (_req, res) => {
    res.json({
      fiscal: SUPPORTED_DEVICES.filter((m) => m.kind === 'fiscal').map(withOptions),
      pos: SUPPORTED_DEVICES.filter((m) => m.kind === 'pos').map(withOptions),
    });
  });
  r.get('/manage/settings', (_req, res) => {
    const { fiscal_devices: _f, pos_terminals: _p, ...rest } = deps.settings.get();
    res.json({ status: 0, settings: redact(rest) });
  });
  r.post('/manage/save_settings', (req, res) => {
    const out = deps.settings.applyPatch(req.body);
    if (!out.ok) return void res.status(400).json({ status: 400, error: out.error });
    const { fiscal_devices: _f, pos_terminals: _p, ...rest } = out.settings;
    res.json({ status: 0, msg: 'Settings saved; a change of api.host or api.port applies at the next start', settings: redact(rest) });
  });
  r.get('/manage/detect', async (req, res) => {
    if (!deps.detect) return void res.json({ status: 0, devices: [] });
    const ports = typeof req.query.ports === 'string' ? req.query.ports.split(',').filter(Boolean) : undefined;
    const devices = await deps.detect(ports ? { ports } : {});
    res.json({ status: 0, devices });
  });
  return r;
}
