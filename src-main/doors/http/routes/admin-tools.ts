/**
 * The administrator's tools of the device editor: the machine's serial ports, detection (POST, JSON body), a
 * connection test of an unsaved configuration, and the scan-folder picker.
 */
import { Router } from 'express';
import { testFiscalConnection } from '../../../devices/connection-test.js';
import { listFolders } from '../folder-browser.js';
import type { NativeDoorDeps } from '../hub-api.js';

function portsOf(body: unknown): { ok: true; ports: string[] | undefined } | { ok: false; error: string } {
  if (body === undefined || body === null) return { ok: true, ports: undefined };
  if (typeof body !== 'object' || Array.isArray(body))
    return { ok: false, error: 'body: must be a JSON object like {"ports": ["/dev/ttyUSB0"]}' };
  const ports = (body as { ports?: unknown }).ports;
  if (ports === undefined) return { ok: true, ports: undefined };
  if (
    !Array.isArray(ports) ||
    ports.length > 64 ||
    !ports.every((p) => typeof p === 'string' && p.trim() !== '' && p.length <= 200)
  ) {
    return { ok: false, error: 'ports: must be a list of up to 64 port names (e.g. "COM3", "/dev/ttyUSB0")' };
  }
  return { ok: true, ports: ports.map((p: string) => p.trim()) };
}

export function adminToolRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  r.get('/manage/serial_ports', async (_req, res) => {
    const ports = deps.listPorts ? await deps.listPorts().catch(() => []) : [];
    res.json({ status: 0, ports });
  });
  r.post('/manage/detect', async (req, res) => {
    const p = portsOf(req.body);
    if (!p.ok) return void res.status(400).json({ status: 400, error: p.error });
    const devices = deps.detect ? await deps.detect(p.ports ? { ports: p.ports } : {}) : [];
    res.json({ status: 0, devices });
  });
  r.post('/manage/test_connection', async (req, res) => {
    const out = await testFiscalConnection(req.body, deps.registry);
    if (out.ok) return void res.json({ status: 0, ...out });
    if (out.status === 400) return void res.status(400).json({ status: 400, error: out.error });
    res.json({ status: -1, code: out.code, error: out.error });
  });
  r.get('/manage/folders', async (req, res) => {
    const out = await listFolders(typeof req.query.path === 'string' ? req.query.path : undefined);
    if (!out.ok) return void res.status(400).json({ status: 400, error: out.error });
    res.json({ status: 0, ...out.listing });
  });
  return r;
}
