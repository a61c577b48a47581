/** POST /manage/detect probes serial ports (here a real socat pty with a Datecs X emulator on the other end). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDatecsEmulator } from '../../../src-main/emulators/datecs/start-emulator.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { openPtyPair, type PtyPair } from '../../helpers/pty.js';

let t: TestHub;
let pty: PtyPair;
let emulator: Awaited<ReturnType<typeof startDatecsEmulator>>;
const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-detect-'));

beforeAll(async () => {
  t = await startTestHub();
  pty = await openPtyPair();
  emulator = await startDatecsEmulator({ protocol: 'x', serial: pty.a, baud: 115_200, stateDir: dir });
});
afterAll(async () => {
  await emulator.close();
  await pty.close();
  await t.close(true);
  rmSync(dir, { recursive: true, force: true });
});

describe('POST /manage/detect', () => {
  it('returns the register that answers, with model, serial number and protocol', async () => {
    const r = await t.post('/manage/detect', { ports: [pty.b] });
    expect(r.status).toBe(200);
    expect(r.body.devices).toEqual([
      expect.objectContaining({ port: pty.b, protocol: 'x', serial: emulator.register.identity().serial, model: expect.any(String) }),
    ]);
  }, 30_000);

  it('a second detection right after the first finds it again (the port was released); a bad body is a 400', async () => {
    // Right after the detection above: the probed port must have been released (an administrator presses Detect twice).
    const r = await t.post('/manage/detect', { ports: [pty.b] });
    expect(r.status).toBe(200);
    expect(r.body.devices).toEqual([expect.objectContaining({ port: pty.b, protocol: 'x', baud_rate: 115_200, serial: emulator.register.identity().serial })]);
    const bad = await t.post('/manage/detect', { ports: 'COM3' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^ports:/);
  }, 30_000);

  it('refuses a port that is not a serial device and fields it does not know, naming them', async () => {
    const file = path.join(dir, 'not-a-port');
    writeFileSync(file, '');
    const bad = await t.post('/manage/detect', { ports: [file] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^ports\[0\]: .*not a serial port/);
    expect((await t.post('/manage/detect', { ports: 'COM3' })).body.error).toMatch(/^ports: /);
    expect((await t.post('/manage/detect', { port: [pty.b] })).body.error).toBe('port: is not a known field');
    const get = await t.get(`/manage/detect?ports=${encodeURIComponent(pty.b)}`);
    expect(get.status).toBe(405);
  });
});
