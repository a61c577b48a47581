/**
 * Registers for the browser tests: the hub's own simulated register counted through its own answers, and a Datecs
 * emulator (the same one `npm run emulator -- datecs` runs) on TCP, added to the hub through the API, whose virtual
 * register the tests can read and fault directly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDatecsEmulator, type RunningDatecsEmulator } from '../../src-main/emulators/datecs/start-emulator.js';
import type { HubProcess } from './hub-process.js';

interface Answer {
  status: number;
  [k: string]: unknown;
}

/** The number of the last receipt the register itself closed (its own counter, read through get_device_info). */
export async function lastReceiptNumber(hub: HubProcess, deviceId: string): Promise<number> {
  const a = await hub.api<Answer>('/devices/operation', { device_id: deviceId, operation: { type: 'get_device_info' } });
  if (a.status !== 0) throw new Error(`get_device_info failed: ${JSON.stringify(a)}`);
  return a.last_receipt_number as number;
}

export async function waitUntil(cond: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface DatecsOnHub {
  id: string;
  em: RunningDatecsEmulator;
  close(): Promise<void>;
}

/** A Datecs X register emulator on a free TCP port, saved on the hub as `name`, connected. */
export async function addDatecsOverTcp(hub: HubProcess, name: string): Promise<DatecsOnHub> {
  const state = mkdtempSync(join(tmpdir(), 'fiscool-e2e-datecs-'));
  const em = await startDatecsEmulator({ protocol: 'x', tcpPort: 0, timing: 'zero', stateDir: state });
  const saved = await hub.api<{ status: number; device: { id: string } }>('/manage/save_fiscal_device', {
    name,
    manufacturer: 'Datecs',
    model: 'DP-25MX',
    connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: em.tcp?.port } },
    enabled: true,
  });
  const id = saved.device.id;
  await waitUntil(async () => {
    const list = await hub.api<{ fiscal_devices: Array<{ config: { id: string }; status: string }> }>('/devices/fiscal');
    return list.fiscal_devices.some((d) => d.config.id === id && d.status === 'Connected');
  });
  return {
    id,
    em,
    close: async () => {
      await hub.api('/manage/delete_fiscal_device', { id });
      await em.close();
      rmSync(state, { recursive: true, force: true });
    },
  };
}
