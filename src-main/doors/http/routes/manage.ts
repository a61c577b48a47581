/** /manage/* — devices, supported devices, settings (detection and the other device-editor tools: admin-tools.ts). */
import { Router } from 'express';
import { catalogueBody } from '../../../devices/catalogue.js';
import { checkScanFolder, extensionsChangeProblem, type ScanFolderWarning } from '../../inbox/scan-folder.js';
import type { NativeDoorDeps } from '../hub-api.js';

function redact<T extends { api: { token: string | null } }>(s: T): T {
  return { ...s, api: { ...s.api, token: s.api.token ? '********' : null } };
}

export function manageRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  const reg = deps.registry;

  r.post('/manage/save_fiscal_device', async (req, res) => {
    const body = req.body as { id?: unknown; scan_folder?: unknown } | undefined;
    let warnings: ScanFolderWarning[] = [];
    if (typeof body?.scan_folder === 'string') {
      const previous = typeof body.id === 'string' ? reg.getFiscal(body.id)?.config.scan_folder?.trim() : undefined;
      const s = deps.settings.get();
      const checked = await checkScanFolder(body.scan_folder, {
        extensions: s.inbox.extensions,
        isNew: previous !== body.scan_folder.trim(),
        language: s.language,
      });
      if (!checked.ok) return void res.status(400).json({ status: 400, error: checked.error });
      warnings = checked.warnings;
    }
    const out = reg.saveFiscal(req.body);
    if (!out.ok) return void res.status(out.status).json({ status: out.status, error: out.error });
    const msg = out.created ? 'Device created' : 'Device saved';
    res.json({ status: 0, msg, device: out.device, ...(warnings.length > 0 ? { warnings } : {}) });
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
    res.json(catalogueBody());
  });
  r.get('/manage/settings', (_req, res) => {
    const { fiscal_devices: _f, pos_terminals: _p, ...rest } = deps.settings.get();
    res.json({ status: 0, settings: redact(rest) });
  });
  r.post('/manage/save_settings', async (req, res) => {
    const extensions = (req.body as { inbox?: { extensions?: unknown } } | undefined)?.inbox?.extensions;
    if (Array.isArray(extensions) && extensions.every((e) => typeof e === 'string')) {
      const folders = reg.listFiscal().flatMap((d) => (d.config.scan_folder?.trim() ? [d.config.scan_folder.trim()] : []));
      const problem = await extensionsChangeProblem(folders, extensions as string[]);
      if (problem) return void res.status(400).json({ status: 400, error: problem });
    }
    const out = deps.settings.applyPatch(req.body);
    if (!out.ok) return void res.status(400).json({ status: 400, error: out.error });
    const { fiscal_devices: _f, pos_terminals: _p, ...rest } = out.settings;
    res.json({ status: 0, msg: 'Settings saved; a change of api.host or api.port applies at the next start', settings: redact(rest) });
  });
  return r;
}
