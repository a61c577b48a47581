/** GET and POST /manage/detect probe serial ports (here a real socat pty with a Datecs X emulator on the other end). */
import { mkdtempSync, rmSync } from 'node:fs';
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

describe('GET /manage/detect', () => {
  it('returns the register that answers, with model, serial number and protocol', async () => {
    const r = await t.get(`/manage/detect?ports=${encodeURIComponent(pty.b)}`);
    expect(r.status).toBe(200);
    expect(r.body.devices).toEqual([
      expect.objectContaining({ port: pty.b, protocol: 'x', serial: emulator.register.identity().serial, model: expect.any(String) }),
    ]);
  }, 30_000);

  it('POST /manage/detect with {"ports": […]} gives the same answer (the GUI’s call); a bad body is a 400', async () => {
    // Right after the GET above: the probed port must have been released (an administrator presses Detect twice).
    const r = await t.post('/manage/detect', { ports: [pty.b] });
    expect(r.status).toBe(200);
    expect(r.body.devices).toEqual([expect.objectContaining({ port: pty.b, protocol: 'x', baud_rate: 115_200, serial: emulator.register.identity().serial })]);
    const bad = await t.post('/manage/detect', { ports: 'COM3' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^ports:/);
  }, 30_000);
});
