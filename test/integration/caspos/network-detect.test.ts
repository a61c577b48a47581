/**
 * POST /manage/detect with `hosts`: the hub probes addresses of the shop's network for Caspos devices (an anonymous
 * request answered with the Caspos envelope), here a Caspos emulator on 127.0.0.1; addresses off the shop network,
 * oversized subnets and bad entries are refused with the entry named, before anything is probed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCasposEmulator, type RunningCasposEmulator } from '../../../src-main/emulators/caspos/start.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let t: TestHub;
let em: RunningCasposEmulator;
let other: Server;
let otherPort = 0;
const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-caspos-detect-'));

beforeAll(async () => {
  t = await startTestHub();
  em = await startCasposEmulator({ stateDir: dir });
  // Some other web server on the network: it answers, but not as a Caspos does.
  other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}'));
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherPort = (other.address() as { port: number }).port;
});
afterAll(async () => {
  await em.close();
  await new Promise((r) => other.close(r));
  await t.close(true);
  rmSync(dir, { recursive: true, force: true });
});

describe('POST /manage/detect with hosts (Caspos on the shop network)', () => {
  it('lists the Caspos that answers and nothing for a web server that is not one; no serial probing when only hosts are given', async () => {
    const r = await t.post('/manage/detect', { hosts: [`127.0.0.1:${em.port}`, `127.0.0.1:${otherPort}`] });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      status: 0,
      devices: [],
      network_devices: [{ family: 'caspos', manufacturer: 'Caspos', model: 'Caspos Mobile', ip_address: '127.0.0.1', port: em.port }],
    });
  }, 20_000);

  it('refuses addresses off the shop network, oversized subnets, bad entries and unknown fields, naming them', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ hosts: ['8.8.8.8'] }, /hosts\[0\].*not on the shop's network/],
      [{ hosts: ['192.168.1.10', '93.184.216.34:5544'] }, /hosts\[1\].*not on the shop's network/],
      [{ hosts: ['192.168.0.0/16'] }, /hosts\[0\].*\/24 to \/32/],
      [{ hosts: ['caspos.local'] }, /hosts\[0\].*not an IPv4 address/],
      [{ hosts: ['192.168.1.300'] }, /hosts\[0\].*not an IPv4 address/],
      [{ hosts: ['127.0.0.1:70000'] }, /hosts\[0\].*port 70000/],
      [{ hosts: [] }, /^hosts: must be a list/],
      [{ hosts: '192.168.1.10' }, /^hosts: must be a list/],
      [{ hosts: ['127.0.0.1'], scan: true }, /^scan: is not a known field/],
    ];
    for (const [body, error] of cases) {
      const r = await t.post('/manage/detect', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error, JSON.stringify(body)).toMatch(error);
    }
  });
});
