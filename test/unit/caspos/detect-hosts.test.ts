/** The `hosts` of POST /manage/detect: addresses, address:port and subnets expand to the addresses probed. */
import { describe, expect, it } from 'vitest';
import { detectPorts } from '../../../src-main/doors/http/routes/detect-request.js';

describe('detect hosts', () => {
  it('a subnet is every host address in it, without the network and broadcast addresses', async () => {
    const r = await detectPorts({ hosts: ['192.168.1.0/24'] });
    expect(r.ok && r.hosts?.length).toBe(254);
    expect(r.ok && r.hosts?.[0]).toEqual({ host: '192.168.1.1' });
    expect(r.ok && r.hosts?.at(-1)).toEqual({ host: '192.168.1.254' });
    expect(await detectPorts({ hosts: ['10.0.0.9/30'] })).toEqual({ ok: true, hosts: [{ host: '10.0.0.9' }, { host: '10.0.0.10' }] });
    expect(await detectPorts({ hosts: ['172.16.5.5/32'] })).toEqual({ ok: true, hosts: [{ host: '172.16.5.5' }] });
  });

  it('address:port keeps its port; the same address twice is probed once; private ranges only', async () => {
    expect(await detectPorts({ hosts: ['169.254.1.2:5544', '169.254.1.2:5544', '127.0.0.1'] })).toEqual({
      ok: true,
      hosts: [{ host: '169.254.1.2', port: 5544 }, { host: '127.0.0.1' }],
    });
    for (const h of ['172.15.0.1', '172.32.0.1', '192.169.0.1', '11.0.0.1', '0.0.0.0']) {
      expect((await detectPorts({ hosts: [h] })).ok, h).toBe(false);
    }
  });

  it('at most 1,024 addresses in all', async () => {
    const five = ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24', '10.0.4.0/24', '10.0.5.0/24'];
    expect(await detectPorts({ hosts: five })).toEqual({ ok: false, error: 'hosts: at most 1024 addresses in all' });
    expect((await detectPorts({ hosts: five.slice(0, 4) })).ok).toBe(true);
  });
});
