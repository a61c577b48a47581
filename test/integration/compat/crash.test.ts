/**
 * Exactly once through the compatible doors: the hub process is SIGKILLed while the register prints a UcsFPHub
 * receipt sent with a request_id; a new hub on the same data directory gets the same request again and answers
 * it — the register holds exactly one receipt per request_id, whatever moment the kill hit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { http, tempDataDir } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CHILD = join(import.meta.dirname, 'compat-child.ts');

interface Child {
  proc: ChildProcess;
  erpUrl: string;
  ucsUrl: string;
}

function startChild(dataDir: string): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`child did not start: ${err}`)), 20_000);
    proc.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    proc.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /READY (\{.*\})\n/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ proc, ...(JSON.parse(m[1]) as { erpUrl: string; ucsUrl: string }) });
      }
    });
    proc.on('exit', (code) => reject(new Error(`child exited ${String(code)}: ${err}`)));
  });
}

async function kill(c: Child, signal: NodeJS.Signals): Promise<void> {
  if (c.proc.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    c.proc.once('exit', () => resolve());
    c.proc.kill(signal);
  });
}

const receipt = (n: number) =>
  `{ "ReceiptType": "Sale", "Rows": [ ${Array.from({ length: 25 }, (_, i) => `{ "ItemName": "Articol ${n}-${i + 1}", "Price": 1.10, "TaxGroup": 1, }`).join(', ')}, ], }`;

describe('SIGKILL while a UcsFPHub receipt prints', () => {
  const d = tempDataDir();
  afterAll(() => (process.env.KEEP_CRASH_DIR ? console.log(d.dir) : d.remove()));

  it('a repeated request_id after the crash ends with exactly one receipt per request', async () => {
    const delays = [150, 450, 900];
    let child = await startChild(d.dir);
    try {
      for (const [i, delay] of delays.entries()) {
        const url = `${child.ucsUrl}/printers/DT518315/receipt?request_id=crash-${i}`;
        const pending = http('POST', url, receipt(i)).catch(() => null);
        await new Promise((res) => setTimeout(res, delay));
        await kill(child, 'SIGKILL');
        await pending;
        child = await startChild(d.dir);
        const again = await http('POST', `${child.ucsUrl}/printers/DT518315/receipt?request_id=crash-${i}`, receipt(i));
        expect(again.json(), again.text).toMatchObject({ Ok: true, ReceiptAmount: 27.5 });
        const replay = await http(
          'POST',
          `${child.ucsUrl}/printers/DT518315/receipt?request_id=crash-${i}`,
          receipt(i),
        );
        expect(replay.text).toBe(again.text);
        const info = (await http('GET', `${child.ucsUrl}/printers/DT518315`)).json() as { LastReceiptNo: string };
        expect(info.LastReceiptNo).toBe(String(i + 1));
      }
    } finally {
      await kill(child, 'SIGTERM');
    }
  }, 90_000);
});
