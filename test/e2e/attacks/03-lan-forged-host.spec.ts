/**
 * Hole 3 — a LAN neighbour and a compatible listener bound off loopback. The programs written for ErpNet.FP and
 * UcsFPHub send no token, so off loopback such a listener must only serve the client addresses on its allow-list,
 * checked against the socket's peer address (never a header). A neighbour forging `Host: 127.0.0.1` from an address
 * not on the list is refused; the settings refuse an off-loopback listener without a list, and so does the listener
 * itself when a settings file asks for one.
 */
import { expect, test } from '@playwright/test';
import { createServer } from 'node:net';
import { TOKEN, lanAddress, rawRequest, startAttackHub } from './attack-kit.js';

const receipt = JSON.stringify({ items: [{ text: 'Paine', quantity: 1, unitPrice: 4.2, taxGroup: 2 }], payments: [{ amount: 4.2, paymentType: 'cash' }] });
const ucsReceipt = JSON.stringify({ Rows: [{ ItemName: 'Paine', Price: 4.2, Quantity: 1, TaxGroup: 2 }] });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '0.0.0.0', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const lan = lanAddress();

test('settings refuse an off-loopback compatible listener without an allow-list of client addresses', async () => {
  const h = await startAttackHub();
  try {
    for (const door of ['erpnet', 'ucsfphub'] as const) {
      const r = await rawRequest({
        host: '127.0.0.1',
        port: h.port,
        path: '/manage/save_settings',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ [door]: { enabled: true, host: '0.0.0.0' } }),
      });
      expect(r.status, r.body).toBe(400);
      expect(JSON.parse(r.body).error).toContain(`settings.${door}.allowed_clients`);
      expect(h.hub.settings.get()[door].host).toBe('127.0.0.1');
    }
    expect(h.printed()).toBe(0);
  } finally {
    await h.stop();
  }
});

test('a listener asked for by a settings file off loopback without an allow-list does not listen', async () => {
  const [erpPort, ucsPort] = [await freePort(), await freePort()];
  const h = await startAttackHub({
    settings: {
      api: { token: TOKEN },
      erpnet: { enabled: true, host: '0.0.0.0', port: erpPort },
      ucsfphub: { enabled: true, host: '0.0.0.0', port: ucsPort },
    },
  });
  try {
    expect(h.hub.addresses().erpnet).toBeUndefined();
    expect(h.hub.addresses().ucsfphub).toBeUndefined();
    for (const [port, path, body] of [
      [erpPort, `/printers/${h.serial}/receipt`, receipt],
      [ucsPort, `/printers/${h.serial}/receipt`, ucsReceipt],
    ] as const) {
      const sent = rawRequest({ host: lan, port, path, method: 'POST', headers: { Host: '127.0.0.1' }, body, localAddress: lan });
      await expect(sent).rejects.toThrow(/ECONNREFUSED/);
    }
    expect(h.printed()).toBe(0);
  } finally {
    await h.stop();
  }
});

test('a LAN neighbour forging Host: 127.0.0.1 from an address not on the list is refused; a listed one is served', async () => {
  const [erpPort, ucsPort] = [await freePort(), await freePort()];
  const h = await startAttackHub({
    settings: {
      erpnet: { enabled: true, host: '0.0.0.0', port: erpPort, allowed_clients: ['198.51.100.7'] },
      ucsfphub: { enabled: true, host: '0.0.0.0', port: ucsPort, allowed_clients: ['198.51.100.0/24'] },
    },
  });
  try {
    const doors = [
      { door: 'erpnet', port: erpPort, path: `/printers/${h.serial}/receipt`, body: receipt },
      { door: 'ucsfphub', port: ucsPort, path: `/printers/${h.serial}/receipt`, body: ucsReceipt },
    ] as const;
    for (const d of doors) {
      const forged: Array<Record<string, string>> = [
        { Host: '127.0.0.1' },
        { Host: `localhost:${d.port}`, 'X-Forwarded-For': '198.51.100.7', 'X-Real-IP': '198.51.100.7' },
      ];
      for (const headers of forged) {
        const r = await rawRequest({ host: lan, port: d.port, path: d.path, method: 'POST', headers, body: d.body, localAddress: lan });
        expect(r.status, r.body).toBe(403);
        expect(r.body).toContain(`${d.door}.allowed_clients`);
        expect(r.body).toContain(lan);
      }
    }
    expect(h.printed()).toBe(0);
    expect(h.jobs()).toBe(0);

    // Put the neighbour's address on the lists: now it is served (a read only: nothing prints).
    const saved = h.hub.settings.applyPatch({ erpnet: { allowed_clients: [lan] }, ucsfphub: { allowed_clients: [`${lan}/32`] } });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    for (const d of doors) {
      const r = await rawRequest({ host: lan, port: d.port, path: '/printers', headers: { Host: '127.0.0.1' }, localAddress: lan });
      expect(r.status, r.body).toBe(200);
    }
    // Programs on the same computer are always served.
    const local = await rawRequest({ host: '127.0.0.1', port: erpPort, path: '/printers' });
    expect(local.status).toBe(200);
    expect(h.printed()).toBe(0);
  } finally {
    await h.stop();
  }
});
