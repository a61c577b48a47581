/**
 * The administrator's tools of the device editor: the machine's serial ports, detection (POST, JSON body), a
 * connection test of an unsaved configuration, and the scan-folder picker.
 */
import { Router } from 'express';
import { testFiscalConnection } from '../../../devices/connection-test.js';
import { listFolders } from '../folder-browser.js';
import type { NativeDoorDeps } from '../hub-api.js';
import { detectPorts } from './detect-request.js';

export function adminToolRoutes(deps: NativeDoorDeps): Router {
  const r = Router();
  r.get('/manage/serial_ports', async (_req, res) => {
    const ports = deps.listPorts ? await deps.listPorts().catch(() => []) : [];
    res.json({ status: 0, ports });
  });
  // Detection opens serial ports and writes to them: an effect, so a POST (a page's <img> cannot send one).
  r.post('/manage/detect', async (req, res) => {
    const p = await detectPorts(req.body);
    if (!p.ok) return void res.status(400).json({ status: 400, error: p.error });
    // {"hosts": […]} alone probes the network only; {} every serial port; {"ports": […]} those.
    const serial = p.hosts && !p.ports ? Promise.resolve([]) : deps.detect ? deps.detect(p.ports ? { ports: p.ports } : {}) : Promise.resolve([]);
    const network = p.hosts && deps.detectNetwork ? deps.detectNetwork(p.hosts) : Promise.resolve([]);
    const [devices, networkDevices] = await Promise.all([serial, network]);
    res.json({ status: 0, devices, ...(p.hosts ? { network_devices: networkDevices } : {}) });
  });
  r.all('/manage/detect', (_req, res) => {
    res.setHeader('Allow', 'POST');
    res.status(405).json({ status: 405, error: 'Use POST /manage/detect with a JSON body {"ports": ["/dev/ttyUSB0", "COM3"]} and/or {"hosts": ["192.168.1.0/24"]} (both optional)' });
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
