import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceError } from '../../../src-main/domain/error-codes.js';
import { joinX, parseXReply } from '../../../src-main/protocols/datecs/params.js';
import { DatecsSession } from '../../../src-main/drivers/datecs/session.js';
import { startDatecsEmulator, type RunningDatecsEmulator } from '../../../src-main/emulators/datecs/start-emulator.js';
import { ReconnectingLink } from '../../../src-main/transports/byte-link.js';
import { openTcp } from '../../../src-main/transports/tcp.js';

let dir: string;
let em: RunningDatecsEmulator;
let link: ReconnectingLink;
let session: DatecsSession;

async function setup(timing: 'zero' | { baud: number; per_line_ms: number; per_command_ms: number } = 'zero', timeoutMs = 150) {
  em = await startDatecsEmulator({ protocol: 'x', stateDir: dir, timing });
  const port = em.tcp?.port ?? 0;
  link = new ReconnectingLink(() => openTcp({ host: '127.0.0.1', port }), { initialMs: 20, maxMs: 200 });
  await link.start();
  session = new DatecsSession(link, { framing: 'x', timeoutMs, maxAttempts: 5 });
}

const open = () => session.request(48, joinX([1, '0000', 1, '', '']));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fiscool-datecs-session-'));
});
afterEach(async () => {
  session?.dispose();
  await link?.close();
  await em?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Datecs session against the wire emulator over TCP', () => {
  it('reads the status with named flags and advances SEQ only on a valid reply', async () => {
    await setup();
    const r1 = await session.request(74);
    expect(r1.flags.fiscalized).toBe(true);
    expect(r1.flags.fiscal_open).toBe(false);
    const r2 = await open();
    expect(parseXReply(r2.packet.data).errorCode).toBe(0);
    expect(r2.flags.fiscal_open).toBe(true);
    expect(r2.packet.seq).toBe(r1.packet.seq + 1);
  });

  it('NAK storm shorter than the retry budget: resends the same packet, the command runs once', async () => {
    await setup();
    em.emulator.injectWireFault({ kind: 'nak', cmd: 48, count: 3 });
    const r = await open();
    expect(parseXReply(r.packet.data).errorCode).toBe(0);
    expect(session.stats.naks).toBeGreaterThanOrEqual(2); // a late NAK may land between attempts
    expect(em.emulator.stats.executed).toBe(1);
    expect(em.register.status().receipt).toBe('fiscal');
  });

  for (const kind of ['drop', 'garble'] as const) {
    it(`${kind === 'drop' ? 'dropped' : 'garbled'} answer: the resend with the same SEQ gets the replay, the receipt is opened exactly once`, async () => {
      await setup();
      em.emulator.injectWireFault({ kind, cmd: 48, count: 2 });
      const r = await open();
      expect(parseXReply(r.packet.data).errorCode).toBe(0); // not -111015 "already open"
      expect(em.emulator.stats.executed).toBe(1);
      expect(em.emulator.stats.replays).toBeGreaterThanOrEqual(2);
      expect(kind === 'drop' ? session.stats.timeouts : session.stats.badFrames).toBeGreaterThanOrEqual(2);
    });
  }

  it('gives up after bounded NAKs with mayHaveActed=false, and the register did nothing', async () => {
    await setup();
    em.emulator.injectWireFault({ kind: 'nak', cmd: 48, count: 50 });
    const err = await open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).code).toBe('DEVICE_UNREACHABLE');
    expect((err as DeviceError).mayHaveActed).toBe(false);
    expect(em.register.status().receipt).toBe('none');
    expect(session.stats.framesSent).toBe(5);
  });

  it('gives up after bounded timeouts with mayHaveActed=true (the command did run)', async () => {
    await setup();
    em.emulator.injectWireFault({ kind: 'drop', cmd: 48, count: 50 });
    const err = (await open().catch((e: unknown) => e)) as DeviceError;
    expect(err.code).toBe('DEVICE_UNREACHABLE');
    expect(err.mayHaveActed).toBe(true);
    expect(em.register.status().receipt).toBe('fiscal');
    // The next command uses a new SEQ and works normally.
    em.emulator.faults.clear();
    const st = await session.request(74);
    expect(st.flags.fiscal_open).toBe(true);
  });

  it('keeps waiting while the register sends SYN during printing (longer than the reply timeout)', async () => {
    await setup({ baud: 115_200, per_line_ms: 40, per_command_ms: 2 }, 250);
    em.emulator.resetStats();
    const t0 = performance.now();
    const r = await session.request(69, joinX(['X'])); // an X report prints many lines
    const elapsed = performance.now() - t0;
    expect(parseXReply(r.packet.data).errorCode).toBe(0);
    // Printing took longer than the 250 ms reply timeout, yet nothing was resent.
    expect(elapsed).toBeGreaterThan(250);
    expect(session.stats.resends).toBe(0);
    expect(session.stats.syns).toBeGreaterThan(0);
    expect(em.emulator.stats.syns).toBe(session.stats.syns);
  });

  it('a register that keeps answering SYN past maxBusyMs: gives up with mayHaveActed=true', async () => {
    await setup({ baud: 115_200, per_line_ms: 200, per_command_ms: 2 }, 150);
    const busy = new DatecsSession(link, { framing: 'x', timeoutMs: 150, maxAttempts: 3, maxBusyMs: 300, firstSeq: 0x50 });
    const t0 = performance.now();
    const err = (await busy.request(69, joinX(['X'])).catch((e: unknown) => e)) as DeviceError;
    busy.dispose();
    expect(err).toBeInstanceOf(DeviceError);
    expect(err.code).toBe('DEVICE_UNREACHABLE');
    expect(err.mayHaveActed).toBe(true);
    expect(err.message).toMatch(/still busy/);
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('survives a disconnect after the command ran: reconnects, resends, gets the replay', async () => {
    await setup('zero', 200);
    const states: string[] = [];
    link.onState((s) => states.push(s));
    em.emulator.injectWireFault({ kind: 'disconnect', cmd: 48, duration_ms: 100 });
    const r = await open();
    expect(parseXReply(r.packet.data).errorCode).toBe(0);
    expect(states).toContain('disconnected');
    expect(states.at(-1)).toBe('connected');
    expect(em.emulator.stats.executed).toBe(1);
    expect(em.register.status().receipt).toBe('fiscal');
  });
});
