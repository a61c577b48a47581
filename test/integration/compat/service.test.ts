/** `npm run serve -- --erpnet-port N --ucsfphub-port N`: the headless service opens both compatible doors. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { http, tempDataDir } from './harness.js';
import { codeBlocks, seedText } from './seed-examples.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('headless service with the compatible doors', () => {
  const d = tempDataDir();
  let proc: ChildProcess | null = null;
  afterAll(async () => {
    if (proc && proc.exitCode === null) {
      const p = proc;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGTERM');
      });
    }
    d.remove();
  });

  it('listens where the flags say and prints a seed receipt on the default simulated register', async () => {
    proc = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-main/service.ts',
        '--data-dir',
        d.dir,
        '--port',
        '0',
        '--erpnet-port',
        '0',
        '--ucsfphub-port',
        '0',
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, FISCOOL_LOG_LEVEL: 'silent' },
      },
    );
    const child = proc;
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`no banner: ${text}`)), 20_000);
      child.stdout?.on('data', (b: Buffer) => {
        text += b.toString();
        if (/UcsFPHub: http:\/\/\S+\/printers/.test(text) && /card terminal/.test(text)) {
          clearTimeout(timer);
          resolve(text);
        }
      });
      child.on('exit', (code) => reject(new Error(`service exited ${String(code)}: ${text}`)));
    });
    const erp = /ErpNet\.FP: (http:\/\/\S+)\/printers/.exec(out)?.[1];
    const ucs = /UcsFPHub: (http:\/\/\S+)\/printers/.exec(out)?.[1];
    expect(erp).toBeDefined();
    expect(ucs).toBeDefined();

    const list = (await http('GET', `${ucs}/printers`)).json() as Record<string, unknown>;
    expect(list).toMatchObject({ Ok: true, Count: 1 });
    const serial = Object.keys(list).find((k) => !['Ok', 'Count', 'Aliases'].includes(k)) ?? '';
    const sale = codeBlocks(seedText('003'))[16]?.text ?? '';
    const a = await http('POST', `${ucs}/printers/${serial.toLowerCase()}/receipt?request_id=svc-1`, sale);
    expect(a.json(), a.text).toMatchObject({ Ok: true, ReceiptNo: '1', DeviceSerialNo: serial });
    const printers = (await http('GET', `${erp}/printers`)).json() as Record<string, { serialNumber: string }>;
    expect(printers[serial.toLowerCase()]?.serialNumber).toBe(serial);
    // DNS rebinding guard: a Host that is not loopback (or configured) is refused.
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(`${erp}/printers`);
      const req = request(
        { host: u.hostname, port: u.port, path: u.pathname, headers: { Host: 'evil.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
